using Compare.Core;

namespace Compare.Core.Tests;

public sealed class PipelineTests
{
    public static TheoryData<string[]> Sources => new()
    {
        { new[] { "alignment/conflicting-a.txt", "alignment/conflicting-b.txt" } },
        { new[] { "three/ministry.txt", "three/wire.txt", "three/gazette.txt" } },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Builds_from_each_stage_run_alone_the_groups_the_comparison_reports(string[] files)
    {
        var inputs = files.Select(TestData.Read).ToList();
        var reported = Comparison.Compare(inputs, new CompareOptions { MinConfidence = 0 });

        var pipeline = new Pipeline(inputs, CompareOptions.Default);
        var (space, vectors) = pipeline.Weigh();
        var matched = Pipeline.Match(pipeline.Analyze(), vectors, CompareOptions.Default.Threshold);
        var built = Pipeline.Build(matched, pipeline.Analyze(), vectors, space);

        Assert.NotEmpty(built);
        Assert.Equal(
            reported.Alignments.Select(Shown).Order(StringComparer.Ordinal),
            built.Select(b => Shown(b.Group)).Order(StringComparer.Ordinal));
        Assert.Equal(built.Length, pipeline.Build().Length);
    }

    private static string Shown(AlignedGroup group) =>
        $"{group.Heading} | {string.Join(' ', group.Statements.Select(s => $"{s.Source}:{s.Index}"))} | {group.Score} | {string.Join(' ', group.Differences.Select(d => d.Kind))}";
}
