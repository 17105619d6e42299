using BenchmarkDotNet.Attributes;
using Compare.Core;

namespace Compare.Bench;

/// <summary>
/// The whole comparison (read, segment, analyse, align, diff), and with the Markdown report written, on
/// generated reports of 2,000 and 8,000 sentences, in steady state (see <see cref="ManySourcesBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 30, iterationCount: 15)]
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
/// it), in steady state: fifteen iterations after thirty warm-ups. A two-source comparison calls much of
/// the pipeline once, so the JIT's tiers take some thirty runs to optimise it (its time falls from about
/// 350 to 150 ms over them), where twelve sources call it eleven times a run; a short run compared
/// twelve optimised sources with two barely optimised ones.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 30, iterationCount: 15)]
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
