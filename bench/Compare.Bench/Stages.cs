using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Compare.Core;
using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Diffing;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Bench;

/// <summary>
/// Time, bytes allocated and garbage collections (pause, gen0/gen1/gen2 counts) per stage of the comparison's
/// <see cref="Pipeline"/> on the 8,000-sentence pair (under the JIT; the parts of building the aligned groups on one core), then
/// what the whole comparison allocates by type. Usage: <c>stages</c>.
/// </summary>
internal static class Stages
{
    public static int Run(string[] args)
    {
        if (Array.IndexOf(args, "--sources") is var many and >= 0)
        {
            return Sources(args.Length > many + 1 ? int.Parse(args[many + 1], CultureInfo.InvariantCulture) : 12);
        }

        var inputs = SyntheticCorpus.Inputs(8000).Inputs;
        for (var round = 0; round < 2; round++)
        {
            var stages = new Timeline();
            T Stage<T>(string name, Func<T> run) => stages.Stage(name, run);

            // The comparison's own stages, as it runs them (on all cores).
            var pipeline = new Pipeline(inputs, Compare.Core.CompareOptions.Default);
            Stage("parse", pipeline.Read);
            Stage("segment", pipeline.Segment);
            var analyzed = Stage("analyze", pipeline.Analyze);
            Stage("vectorize", pipeline.Weigh);
            var matched = Stage("align", pipeline.Match);
            Stage("build groups", pipeline.Build);
            var alignedStatements = matched.SelectMany(m => m.Statements).Select(s => s.Statement).ToHashSet();
            Stage("closest statements of the unmatched", () => pipeline.Closest([.. analyzed.SelectMany(s => s).Select(a => a.Statement).Where(s => !alignedStatements.Contains(s))]));

            // The parts of building the groups, one after another on one core (the comparison runs them on all cores).
            var sides = matched.Select(m => (Left: m.Statements.Where(s => s.Statement.Source == 0).ToList(), Right: m.Statements.Where(s => s.Statement.Source == 1).ToList())).ToList();
            var runs = Stage("word diff", () => sides.Select(s => WordDiff.Diff(s.Left, s.Right)).ToList());
            Stage("speakers named before each statement", () => analyzed.Select(Coreference.Contexts).ToList());
            Stage("framing", () => sides.Select(s => s.Left.Concat(s.Right).Select(FramingAnalyzer.Analyze).ToList()).ToList());
            Stage("differences (framing included)", () => sides.Select((s, i) => DifferenceFinder.Find(runs[i], s.Left, s.Right)).ToList());
            Stage("segments", () => runs.Select(WordDiff.Segments).ToList());
            var result = Stage("whole compare", () => Comparison.Compare(inputs));
            Stage("markdown", () => Report.ToMarkdown(result));
            // What stays alive: the result (and the stages' own outputs, still referenced here).
            stages.Line.Add(string.Create(CultureInfo.InvariantCulture, $"live after a full collection {GC.GetTotalMemory(forceFullCollection: true) >> 20} MB"));
            GC.KeepAlive(result);
            Console.WriteLine(string.Join("; ", stages.Line));
        }

        using (var types = new AllocationsByType())
        {
            Comparison.Compare(inputs);
            types.Print(top: 20);
        }

        return 0;
    }

    /// <summary>
    /// <c>stages --sources N</c>: the stages of comparing N generated sources of 2,000 sentences (reading and
    /// analysis, the term space, the alignment steps that make claims, building the claims) with what each
    /// allocates and its garbage collections, three rounds; then the best of five of the two steps that
    /// grow with the number of sources and of the whole comparison, and what building the claims allocates by type.
    /// </summary>
    private static int Sources(int count)
    {
        var inputs = SyntheticCorpus.ManyInputs(2000, count);
        var threshold = Compare.Core.CompareOptions.Default.Threshold;
        List<AnalyzedStatement[]> statements = [];
        List<TermVector[]> vectors = [];
        TermSpace? space = null;
        List<Matched> claims = [];
        for (var round = 0; round < 3; round++)
        {
            var stages = new Timeline();
            T Stage<T>(string name, Func<T> run) => stages.Stage(name, run);

            var pipeline = new Pipeline(inputs, Compare.Core.CompareOptions.Default);
            statements = Stage("read, segment, analyze", pipeline.Analyze);
            (space, vectors) = Stage("vectorize", pipeline.Weigh);
            claims = Stage("align into claims", pipeline.Match);
            var claimed = claims.SelectMany(c => c.Statements).Select(s => s.Statement).ToHashSet();
            Stage("closest statements of the unmatched", () => pipeline.Closest([.. statements.SelectMany(s => s).Select(s => s.Statement).Where(s => !claimed.Contains(s))]));
            Stage("build claims", pipeline.Build);
            var result = Stage("whole compare", () => Comparison.Compare(inputs));
            Stage("markdown", () =>
            {
                using var output = new StreamWriter(Stream.Null);
                Report.Write(result, ReportFormat.Markdown, output);
                return 0;
            });
            Stage("json", () =>
            {
                using var output = new StreamWriter(Stream.Null);
                Report.Write(result, ReportFormat.Json, output);
                return 0;
            });
            Console.WriteLine(string.Join("; ", stages.Line));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best of five: align into claims {BestOfFive(() => Pipeline.Match(statements, vectors, threshold)):0} ms; build claims {BestOfFive(() => Pipeline.Build(claims, statements, vectors, space!)):0} ms; whole compare {BestOfFive(() => Comparison.Compare(inputs)):0} ms"));
        using (var types = new AllocationsByType())
        {
            Pipeline.Build(claims, statements, vectors, space!);
            Console.WriteLine("building the claims allocates:");
            types.Print(top: 15);
        }

        return 0;
    }

    private static double BestOfFive(Action run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    /// <summary>Times stages one after another: each one's time, the bytes it allocated and its garbage collections (pause, gen0/gen1/gen2 counts).</summary>
    private sealed class Timeline
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private long _allocated = GC.GetTotalAllocatedBytes(precise: true);
        private TimeSpan _paused = GC.GetTotalPauseDuration();
        private int[] _collections = Collections();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public List<string> Line { get; } = [];

        public T Stage<T>(string name, Func<T> run)
        {
            var result = run();
            var now = GC.GetTotalAllocatedBytes(precise: true);
            var (paused, collections, cpu) = (GC.GetTotalPauseDuration(), Collections(), Process.GetCurrentProcess().TotalProcessorTime);
            Line.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name} {_watch.ElapsedMilliseconds} ms on {(cpu - _cpu).TotalMilliseconds / Math.Max(1, _watch.ElapsedMilliseconds):0.0} cores {(now - _allocated) >> 20} MB (GC {(paused - _paused).TotalMilliseconds:0} ms, {collections[0] - _collections[0]}/{collections[1] - _collections[1]}/{collections[2] - _collections[2]})"));
            (_allocated, _paused, _collections, _cpu) = (now, paused, collections, cpu);
            _watch.Restart();
            return result;
        }

        private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    }

    /// <summary>Sums the runtime's allocation samples (one about every 100 KB) by type.</summary>
    private sealed class AllocationsByType : EventListener
    {
        private readonly Dictionary<string, long> _bytes = [];

        public void Print(int top)
        {
            lock (_bytes)
            {
                foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20,6} MB {type}"));
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: GCAllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is not { } payload || e.PayloadNames is not { } names)
            {
                return;
            }

            var type = (string?)payload[names.IndexOf("TypeName")] ?? "?";
            var bytes = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + bytes;
            }
        }
    }
}
