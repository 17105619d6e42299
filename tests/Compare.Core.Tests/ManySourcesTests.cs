using System.Text.Json;
using Compare.Tests.Shared;

namespace Compare.Core.Tests;

/// <summary>Three or more sources in one comparison: claims across sources, each compared with its most central source.</summary>
public sealed class ManySourcesTests
{
    private static readonly Lazy<ComparisonResult> Three = new(() => Comparison.Compare(
    [
        TestData.Read("three/ministry.txt") with { Path = "three/ministry.txt" },
        TestData.Read("three/gazette.txt") with { Path = "three/gazette.txt" },
        TestData.Read("three/wire.txt") with { Path = "three/wire.txt" },
    ]));

    [Fact]
    public void Holds_a_comparison_of_two_sources_as_a_claim_of_two_with_its_one_comparison()
    {
        var result = Comparison.Compare([TestData.Read("three/ministry.txt"), TestData.Read("three/wire.txt")]);

        Assert.NotEmpty(result.Alignments);
        Assert.All(result.Alignments, group =>
        {
            var comparison = Assert.Single(group.Comparisons);
            Assert.Equal((0, 1), (comparison.Source, comparison.OtherSource));
            Assert.Equal(group.Diff, comparison.Diff);
            Assert.Equal(group.Differences, comparison.Differences);
            Assert.Equal(group.SameValues, comparison.SameValues);
        });
    }

    [Fact]
    public void Groups_the_statements_of_every_source_that_state_one_claim()
    {
        var ferry = Group("ferry");

        Assert.Equal([0, 1, 2], ferry.Statements.Select(s => s.Source));
        Assert.Equal([(0, 1), (0, 2)], ferry.Comparisons.Select(c => (c.Source, c.OtherSource)));
        Assert.Equal([0, 2], Group("jetty").Statements.Select(s => s.Source));
        Assert.Equal([0, 1], Group("pier").Statements.Select(s => s.Source));
    }

    [Fact]
    public void Finds_a_claim_through_the_first_sources_that_state_it_and_one_only_later_sources_state_through_theirs()
    {
        var five = Comparison.Compare([.. "abcde".Select(name => TestData.Read($"five/{name}.txt"))]);

        AlignedGroup Claim(string word) => Assert.Single(five.Alignments, g => g.Statements[0].Text.Contains(word, StringComparison.Ordinal));
        Assert.Equal([0, 1, 2, 3, 4], Claim("crane").Statements.Select(s => s.Source));
        Assert.Equal([0, 2], Claim("lifeguards").Statements.Select(s => s.Source));
        Assert.Equal([3, 4], Claim("rowing club").Statements.Select(s => s.Source));
    }

    [Fact]
    public void Keeps_two_facts_of_two_sources_apart_when_a_later_source_tells_both_in_one_statement()
    {
        var linked = Comparison.Compare([.. "abc".Select(name => TestData.Read($"linked/{name}.txt"))]);

        AlignedGroup Claim(string word) => Assert.Single(linked.Alignments, g => g.Statements.Any(s => s.Source == 0 && s.Text.Contains(word, StringComparison.Ordinal)));
        Assert.NotSame(Claim("footbridge"), Claim("rain"));
        Assert.Equal([0, 1, 2], Claim("footbridge").Statements.Select(s => s.Source));
        Assert.Equal([0, 1], Claim("rain").Statements.Select(s => s.Source));
    }

    [Fact]
    public void Names_the_sources_on_each_side_of_a_conflicting_value()
    {
        var ferry = Group("ferry");

        var conflict = Assert.Single(ferry.Differences, d => d.Kind == DifferenceKind.Number);
        Assert.Equal((1, 0), (conflict.Source, conflict.OtherSource));
        Assert.Contains("**Conflicting values:** A, C: 140 · B: 210", Report.ToMarkdown(Three.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_a_source_on_a_values_side_only_when_it_writes_the_whole_value()
    {
        var result = Comparison.Compare(
        [
            TestData.Read("three/ministry.txt"),
            TestData.Read("three/gazette.txt"),
            new SourceInput("cargo.txt", "Cargo\n\nThe ferry to the island carried 1400 kilograms of mail before the harbour closed.\n", SourceFormat.PlainText),
        ]);

        var ferry = Assert.Single(result.Alignments, g => g.Statements[0].Text.Contains("ferry", StringComparison.Ordinal));
        Assert.Equal(3, ferry.Statements.Count);
        Assert.Contains("**Conflicting values:** A: 140 · B: 210\n", Report.ToMarkdown(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_each_difference_with_the_two_sources_it_is_between()
    {
        var lighthouse = Group("lighthouse");

        Assert.Equal(
            ["A states it as fact; B attributes it to Officials: “Officials said” (said: neutral)", "A states it as fact; C attributes it to the ministry: “the ministry said” (said: neutral)"],
            lighthouse.Differences.Where(d => d.Kind == DifferenceKind.Attribution).Select(d => d.Detail));
        Assert.Equal("A: will; C: may (strong → weak)", Assert.Single(Group("jetty").Differences, d => d.Kind == DifferenceKind.Modality).Detail);
    }

    [Fact]
    public void Shows_which_sources_carry_each_claim_in_a_table()
    {
        var markdown = Report.ToMarkdown(Three.Value);

        Assert.Contains("| # | Claim | A | B | C | Differences |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| \d \| begin next week[^|]* \| ✓ \| — \| ✓ \| modality \|", markdown);
        Assert.Contains("*In A and C only; not in B.*", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_version_2_of_the_json_contract_for_three_sources_and_version_1_for_two()
    {
        using var three = JsonDocument.Parse(Report.ToJson(Three.Value));
        var two = Comparison.Compare([TestData.Read("three/ministry.txt"), TestData.Read("three/wire.txt")]);
        using var pair = JsonDocument.Parse(Report.ToJson(two));

        Assert.Equal(2, three.RootElement.GetProperty("version").GetInt32());
        Assert.All(three.RootElement.GetProperty("summary").EnumerateArray(), row => Assert.Equal(3, row.GetProperty("bySource").GetArrayLength()));
        var group = three.RootElement.GetProperty("alignments")[0];
        Assert.Equal(0, group.GetProperty("central").GetInt32());
        Assert.Equal(2, group.GetProperty("comparisons").GetArrayLength());
        Assert.Equal(1, pair.RootElement.GetProperty("version").GetInt32());
        Assert.False(pair.RootElement.GetProperty("alignments")[0].TryGetProperty("comparisons", out _));
    }

    [Theory]
    [InlineData("", "", "", "All documents are empty: there is nothing to compare.")]
    [InlineData("", "Quay\n\nThe quay reopened on Monday.\n", "Pier\n\nThe pier reopened on Monday.\n", "A is empty: it has no statements, so everything in B and C is only there.")]
    [InlineData("Quay\n\nThe quay reopened on Monday.\n", "Quay\n\nThe quay reopened on Monday.\n", "Quay\n\nThe quay reopened on Monday.\n", "The documents are identical: every statement is aligned, with no differences and nothing only in one source.")]
    public void Says_plainly_when_documents_of_three_are_empty_or_identical(string a, string b, string c, string verdict)
    {
        var result = Comparison.Compare([new SourceInput("a.txt", a, SourceFormat.PlainText), new SourceInput("b.txt", b, SourceFormat.PlainText), new SourceInput("c.txt", c, SourceFormat.PlainText)]);

        Assert.Contains($"**{verdict}**", Report.ToMarkdown(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_fewer_than_two_or_more_than_twenty_six_sources()
    {
        var one = Assert.Throws<InputException>(() => Comparison.Compare([TestData.Read("three/wire.txt")]));
        var many = Assert.Throws<InputException>(() => Comparison.Compare([.. Enumerable.Repeat(TestData.Read("three/wire.txt"), 27)]));

        Assert.Equal("expected 2 to 26 documents to compare, got 1", one.Message);
        Assert.Equal("expected 2 to 26 documents to compare, got 27", many.Message);
    }

    [Fact]
    public void Markdown_report_of_three_sources_matches_the_golden_file() =>
        Snapshot.Verify(Report.ToMarkdown(Three.Value), "three", "md");

    [Fact]
    public void Json_report_of_three_sources_matches_the_golden_file() =>
        Snapshot.Verify(Report.ToJson(Three.Value), "three", "json");

    private static AlignedGroup Group(string word) =>
        Assert.Single(Three.Value.Alignments, g => g.Statements[0].Text.Contains(word, StringComparison.Ordinal));
}
