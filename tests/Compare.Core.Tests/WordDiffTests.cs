using Compare.Core.Analysis;
using Compare.Core.Diffing;

namespace Compare.Core.Tests;

public sealed class WordDiffTests
{
    private static List<DiffSegment> Diff(string left, string right) =>
        WordDiff.Segments(WordDiff.Diff(
            [StatementAnalyzer.Analyze(new Statement(0, 0, left, 1, 1))],
            [StatementAnalyzer.Analyze(new Statement(1, 0, right, 1, 1))]));

    [Fact]
    public void Folds_islands_of_function_words_between_changes_into_the_change()
    {
        var diff = Diff("Rebels captured the bridge of the old town on Monday.", "Soldiers destroyed the tunnel of the new port on Monday.");

        Assert.DoesNotContain(diff, d => d.Operation == DiffOperation.Equal && d.Text.Trim() is "the" or "of the");
        Assert.Equal("on Monday.", diff[^1].Text);
        Assert.Equal(DiffOperation.Equal, diff[^1].Operation);
    }

    [Fact]
    public void Keeps_shared_content_words_between_changes()
    {
        var diff = Diff(
            "the formations of the Armenian armed forces must lay down their weapons",
            "the presumed Armenian armed forces were supposed to lay down their weapons");

        Assert.Contains(diff, d => d.Operation == DiffOperation.Equal && d.Text.Contains("Armenian armed forces", StringComparison.Ordinal));
        Assert.Contains(diff, d => d.Operation == DiffOperation.Deleted && d.Text.Trim() == "must");
        Assert.Contains(diff, d => d.Operation == DiffOperation.Inserted && d.Text.Trim() == "were supposed to");
    }

    [Fact]
    public void Ignores_case_and_quote_style_when_comparing_words()
    {
        var diff = Diff("The ‘Anti-terrorist’ operation ended.", "the 'anti-terrorist' operation ended.");

        Assert.All(diff, d => Assert.Equal(DiffOperation.Equal, d.Operation));
    }
}
