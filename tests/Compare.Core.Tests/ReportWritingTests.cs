using System.Globalization;
using System.Text.RegularExpressions;

namespace Compare.Core.Tests;

public sealed class ReportWritingTests
{
    [Fact]
    public void Puts_a_group_with_conflicting_values_before_a_more_substantial_one_with_wording_only()
    {
        var result = Comparison.Compare([TestData.Read("reports/order-a.txt"), TestData.Read("reports/order-b.txt")]);

        Assert.Equal(2, result.Alignments.Count);
        Assert.Contains(result.Alignments[0].Differences, d => d.Kind == DifferenceKind.Number);
        Assert.DoesNotContain(result.Alignments[1].Differences, d => d.Kind == DifferenceKind.Number);
        Assert.True(result.Alignments[1].Statements[0].Text.Length > result.Alignments[0].Statements[0].Text.Length);
    }

    [Theory]
    [InlineData(4, "added in E: alleged")]
    [InlineData(2, "only in C (removed in E): alleged")]
    public void Words_a_difference_with_the_labels_of_the_two_sources_it_compares(int source, string detail)
    {
        var hedge = new Difference(DifferenceKind.Hedge, source, "alleged", new HedgeDetail(["alleged"])) { Between = new SourcePair(2, 4) };

        Assert.Equal(detail, hedge.Detail);
    }

    [Fact]
    public void Words_each_side_of_an_attribution_with_a_resolved_pronoun_and_its_stance()
    {
        var frame = new ReportingFrame("he claimed", "he", "Ruben Vardanyan", "claimed", Stance.Distancing);
        var other = new ReportingFrame("the ministry said", "the ministry", string.Empty, "said", Stance.Neutral);

        Assert.Equal(
            "A states it as fact; B attributes it to he (Ruben Vardanyan): “he claimed” (claimed: distancing)",
            new Difference(DifferenceKind.Attribution, 1, frame.Text, new AttributionDetail(AttributionChange.StatedAsFact, frame, null)).Detail);
        Assert.Equal(
            "different speakers — A: “the ministry said” (said: neutral); B: “he claimed” (Ruben Vardanyan) (claimed: distancing)",
            new Difference(DifferenceKind.Attribution, 1, frame.Text, new AttributionDetail(AttributionChange.Speaker, frame, other)).Detail);
    }

    [Fact]
    public void Opens_with_what_each_source_shares_then_conflicts_attribution_and_hedging_in_that_order()
    {
        var markdown = Report.ToMarkdown(FirstScreen.Value);

        // A: 4 aligned statements of 10, about half its words; B: all of its 4.
        Assert.Contains("| 10 | 4 | 49% | 6 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 4 | 4 | 100% | 0 |", markdown, StringComparison.Ordinal);
        var findings = new[]
        {
            "- **Conflicting values:** A: 140; B: 210 — conflict (group 1)\n",
            "- **Attribution:** B attributes 1 statement that A states as fact (group 2)\n",
            "- **Hedging and modality:** hedges added in B: allegedly (group 3)\n",
            "| number | 1 | 1 | 1 | 1 number conflict |",
            "### Aligned statements",
        };
        var at = findings.Select(f => markdown.IndexOf(f, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public void Says_none_for_a_key_finding_the_sources_do_not_have_and_names_values_written_differently()
    {
        var result = Comparison.Compare([TestData.Read("reports/topic-a.txt"), TestData.Read("reports/topic-b.txt")]);

        var text = Report.ToText(result);

        Assert.Contains("  Attribution: none\n", text, StringComparison.Ordinal);
        Assert.Contains("  Hedging and modality: none\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_a_paraphrase_side_by_side_and_a_small_change_inline()
    {
        var markdown = Report.ToMarkdown(FirstScreen.Value);
        var groups = markdown.Split("\n#### ")[1..];

        var paraphrase = Assert.Single(groups, g => g.Contains("welders", StringComparison.Ordinal));
        Assert.Contains("| **A** <code>first-screen-a.txt:7:1</code> | **B** <code>first-screen-b.txt:7:1</code> |\n|---|---|\n| <del>Workers repaired</del> the damaged crane", paraphrase, StringComparison.Ordinal);
        Assert.Contains("Shown side by side", paraphrase, StringComparison.Ordinal);
        Assert.DoesNotContain("\n> ", paraphrase, StringComparison.Ordinal);
        Assert.DoesNotContain("**wording**", paraphrase, StringComparison.Ordinal);

        var conflict = Assert.Single(groups, g => g.Contains("ferry", StringComparison.Ordinal));
        Assert.Contains("\n> The ferry to the island carried <del>140</del> <ins>210</ins> passengers on Monday.", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_word_apart_from_the_word_that_replaces_it_before_punctuation()
    {
        var result = Comparison.Compare([new SourceInput("a.txt", "The talks between the two delegations on the future of the harbour were held on September 21, 2023 in Barda.\n"), new SourceInput("b.txt", "The talks between the two delegations on the future of the harbour were held on September 22, 2023 in Yevlakh.\n")]);

        var markdown = Report.ToMarkdown(result);
        Assert.Contains("September <del>21</del> <ins>22</ins>, 2023 in <del>Barda</del> <ins>Yevlakh</ins>.", markdown, StringComparison.Ordinal);
        Assert.Contains("September [-21-] {+22+}, 2023 in [-Barda-] {+Yevlakh+}.", Report.ToText(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Collapses_a_long_list_of_statements_only_in_one_source()
    {
        var markdown = Report.ToMarkdown(FirstScreen.Value);

        Assert.Contains("<details>\n<summary>Only in A (6 statements)</summary>\n\n- <code>first-screen-a.txt:9:1</code> The fish market opened an hour late.\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Only in B", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Heads_a_group_with_the_phrase_its_statements_share_then_key_terms_it_does_not_name()
    {
        var headings = Regex.Matches(Report.ToMarkdown(FirstScreen.Value), @"^#### \d+\. (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

        Assert.Contains("storm damaged the old lighthouse · cliff", headings);
    }

    [Fact]
    public void Shows_a_tally_whole_among_the_key_terms_and_never_its_parts_again()
    {
        var group = Assert.Single(Comparison.Compare([TestData.Read("reports/tally-a.txt"), TestData.Read("reports/tally-b.txt")]).Alignments);

        Assert.Equal("11-1 · skipper · ferry", group.Heading);
        Assert.Equal(["11-1", "skipper", "ferry"], group.Topic);
    }

    [Fact]
    public void Keeps_a_negation_at_the_start_of_a_heading_phrase()
    {
        var result = Comparison.Compare([TestData.Read("reports/heading-a.txt"), TestData.Read("reports/heading-b.txt")]);

        Assert.StartsWith("#### 1. no one is above the law · ", Report.ToMarkdown(result).Split("\n").Single(l => l.StartsWith("####", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private static readonly Lazy<ComparisonResult> FirstScreen = new(() =>
        Comparison.Compare([TestData.Read("reports/first-screen-a.txt"), TestData.Read("reports/first-screen-b.txt")]));

    [Fact]
    public void Names_a_groups_topic_with_the_words_the_statements_write_never_a_normalised_value()
    {
        var result = Comparison.Compare([TestData.Read("reports/topic-a.txt"), TestData.Read("reports/topic-b.txt")]);

        var group = Assert.Single(result.Alignments);
        Assert.Contains("$600 million", group.Topic);
        Assert.DoesNotContain(group.Topic, t => t.Contains("USD", StringComparison.Ordinal) || t.StartsWith('#'));
    }

    [Fact]
    public void Writes_a_long_markdown_report_part_by_part_with_every_group_once_and_in_order()
    {
        // 1,500 statements both sources share: more groups than one rendering batch.
        var result = Register(i => $"Entry {i} records shipment {i * 7} of the convoy.");
        using var written = new StringWriter(CultureInfo.InvariantCulture);

        Report.Write(result, ReportFormat.Markdown, written);

        var markdown = written.ToString();
        Assert.Equal(Report.ToMarkdown(result), markdown);
        var numbers = Regex.Matches(markdown, @"^#### (\d+)\. ", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 1500), numbers);
    }

    [Fact]
    public void Writes_a_long_json_report_in_parts_that_decode_whole_characters()
    {
        // More than one part's worth of JSON, with characters of two, three and four bytes in UTF-8.
        var result = Register(i => $"Entry {i} records the “café” shipment {i * 7} of the convoy 🚢.");
        using var written = new StringWriter(CultureInfo.InvariantCulture);

        Report.Write(result, ReportFormat.Json, written);

        var json = written.ToString();
        Assert.True(json.Length > 300_000);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var texts = document.RootElement.GetProperty("alignments").EnumerateArray()
            .Select(g => g.GetProperty("statements")[0].GetProperty("text").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(result.Alignments.Select(g => g.Statements[0].Text).Order(StringComparer.Ordinal), texts);
        Assert.Contains("Entry 1 records the “café” shipment 7", json, StringComparison.Ordinal);
    }

    /// <summary>Two identical registers of 1,500 entries, each written by <paramref name="entry"/>, compared.</summary>
    private static ComparisonResult Register(Func<int, FormattableString> entry)
    {
        SourceInput Source(string path) => new(
            path,
            string.Concat(Enumerable.Range(1, 1500).Select(i => entry(i).ToString(CultureInfo.InvariantCulture) + "\n\n")),
            SourceFormat.PlainText);
        return Comparison.Compare([Source("a.txt"), Source("b.txt")]);
    }
}
