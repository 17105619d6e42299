using BenchmarkDotNet.Attributes;
using Compare.Core;

namespace Compare.Bench;

/// <summary>The whole comparison (read, segment, analyse, align, diff), and with the Markdown report written, on generated reports of 2,000 and 8,000 sentences.</summary>
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

    /// <summary>As the CLI does: the Markdown report written (UTF-8) group by group.</summary>
    [Benchmark]
    public long CompareAndWriteMarkdown()
    {
        using var output = new StreamWriter(Stream.Null);
        Report.Write(Comparison.Compare(_inputs), ReportFormat.Markdown, output);
        output.Flush();
        return output.BaseStream.Position;
    }
}

/// <summary>
/// One comparison of 2 to 12 generated reports of 2,000 sentences each (the first report and rewordings of
/// it). Fifteen iterations after five warm-ups: with the three of a short run the two-source time's error
/// was as large as the time itself on a shared machine, and the ratio of 12 sources to 2 meant nothing.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class ManySourcesBenchmarks
{
    private SourceInput[] _inputs = [];

    [Params(2, 4, 8, 12)]
    public int Sources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = SyntheticCorpus.ManyInputs(2000, Sources);
    }

    [Benchmark]
    public int Compare() => Comparison.Compare(_inputs).Alignments.Count;
}
