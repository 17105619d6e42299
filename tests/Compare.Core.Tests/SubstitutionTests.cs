using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Core.Tests;

public sealed class SubstitutionTests
{
    [Fact]
    public void Learns_a_renamed_place_but_never_a_conflicting_number()
    {
        var (space, left, right) = Vectors("conflicting");

        var learned = Substitutions.Learn(left.Zip(right));

        var (from, to) = Assert.Single(learned);
        Assert.Equal(("stepanakert", "khankendi"), (space.Term(from), space.Term(to)));
    }

    [Fact]
    public void Does_not_learn_a_word_seen_facing_another_only_once()
    {
        var (_, left, right) = Vectors("conflicting");

        Assert.Empty(Substitutions.Learn(left.Zip(right).Take(1)));
    }

    [Fact]
    public void Counts_a_learned_substitute_as_the_same_word_on_both_sides()
    {
        var (space, left, right) = Vectors("conflicting");
        var learned = Substitutions.Learn(left.Zip(right));

        var before = left[0].Similarity(right[0]);
        var after = left[0].Substitute(learned).Similarity(right[0].Substitute(learned));

        Assert.True(after > before, $"{after} should exceed {before}");
        Assert.Contains(left[0].Substitute(learned).Ids, id => space.Term(id) == "khankendi");
    }

    private static (TermSpace Space, TermVector[] Left, TermVector[] Right) Vectors(string name)
    {
        var statements = new[] { "a", "b" }
            .Select((side, i) => Segmenter.Segment(DocumentParser.Parse(TestData.Read($"alignment/{name}-{side}.txt"), i), i)
                .Select(StatementAnalyzer.Analyze)
                .ToArray())
            .ToArray();
        var space = new TermSpace(statements.SelectMany(s => s));
        return (space, [.. statements[0].Select(space.Vectorize)], [.. statements[1].Select(space.Vectorize)]);
    }
}
