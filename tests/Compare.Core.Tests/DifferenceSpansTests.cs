using Compare.Core.Analysis;
using Compare.Core.Diffing;

namespace Compare.Core.Tests;

/// <summary>A label carries where its words are: character spans of the statements it tells of.</summary>
public sealed class DifferenceSpansTests
{
    private static List<Difference> Differences(string a, string b)
    {
        var left = StatementAnalyzer.Analyze(new Statement(0, 0, a, 1, 1));
        var right = StatementAnalyzer.Analyze(new Statement(1, 0, b, 1, 1));
        return DifferenceFinder.Find(WordDiff.Diff([left], [right]), [left], [right]).Differences;
    }

    private static string Covered(Difference difference, int source, string text) =>
        string.Join(" | ", difference.Spans.Where(s => s.Source == source).Select(s => text.Substring(s.Start, s.Length)));

    [Fact]
    public void Spans_a_conflict_over_the_value_each_side_gives_not_an_earlier_same_number()
    {
        const string a = "Ferry 140 left the quay with 140 passengers.";
        const string b = "Ferry 140 left the quay with 210 passengers.";

        var conflict = Assert.Single(Differences(a, b), d => d.Kind == DifferenceKind.Number);

        Assert.Equal("140", Covered(conflict, 0, a));
        Assert.Equal(a.LastIndexOf("140", StringComparison.Ordinal), Assert.Single(conflict.Spans, s => s.Source == 0).Start);
        Assert.Equal("210", Covered(conflict, 1, b));
    }

    [Fact]
    public void Spans_an_attribution_over_its_frame_and_a_hedge_over_its_cues()
    {
        const string a = "The harbour closed after smugglers attacked the quay.";
        const string b = "The ministry claimed that the harbour closed after alleged smugglers attacked the quay.";

        var differences = Differences(a, b);

        Assert.Equal("The ministry claimed that", Covered(Assert.Single(differences, d => d.Kind == DifferenceKind.Attribution), 1, b));
        Assert.Equal("alleged", Covered(Assert.Single(differences, d => d.Kind == DifferenceKind.Hedge), 1, b));
        Assert.All(differences.Where(d => d.Kind is DifferenceKind.Wording or DifferenceKind.Addition or DifferenceKind.Omission), d => Assert.Empty(d.Spans));
    }

    [Fact]
    public void Marks_in_the_html_report_the_value_a_conflict_is_about()
    {
        var result = Comparison.Compare([TestData.Read("spans/a.txt"), TestData.Read("spans/b.txt")]);

        var html = Report.ToHtml(result);

        Assert.Contains("Ferry 140 left the quay at noon with <mark class=\"k-conflict\" title=\"number\"><span class=\"chg\">140</span></mark> passengers", html, StringComparison.Ordinal);
    }
}
