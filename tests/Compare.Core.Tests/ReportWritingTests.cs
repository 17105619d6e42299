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
        static SourceInput Source(string path) => new(
            path,
            "Register\n\n" + string.Concat(Enumerable.Range(1, 1500).Select(i =>
                string.Create(CultureInfo.InvariantCulture, $"Entry {i} records shipment {i * 7} of the convoy.\n\n"))),
            SourceFormat.PlainText);
        var result = Comparison.Compare([Source("a.txt"), Source("b.txt")]);
        using var written = new StringWriter(CultureInfo.InvariantCulture);

        Report.Write(result, ReportFormat.Markdown, written);

        var markdown = written.ToString();
        Assert.Equal(Report.ToMarkdown(result), markdown);
        var numbers = Regex.Matches(markdown, @"^#### (\d+)\. ", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 1500), numbers);
    }
}
