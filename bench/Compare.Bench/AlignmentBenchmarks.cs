using BenchmarkDotNet.Attributes;
using Compare.Core;

namespace Compare.Bench;

/// <summary>The whole comparison (read, segment, analyse, align, diff) on generated reports of 2,000 and 8,000 sentences.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AlignmentBenchmarks
{
    private SourceInput[] _inputs = [];

    [Params(2000, 8000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = SyntheticCorpus.Inputs(Sentences).Inputs;
    }

    [Benchmark]
    public int Compare() => Comparison.Compare(_inputs).Alignments.Count;

    [Benchmark]
    public int CompareAndRenderMarkdown() => Report.ToMarkdown(Comparison.Compare(_inputs)).Length;
}
