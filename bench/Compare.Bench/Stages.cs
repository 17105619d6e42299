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
/// Time, bytes allocated and garbage collections (pause, gen0/gen1/gen2 counts) per pipeline stage on
/// the 8,000-sentence pair (under the JIT; the parts of building the aligned groups on one core), then
/// what the whole comparison allocates by type. Usage: <c>stages</c>.
/// </summary>
internal static class Stages
{
    public static int Run()
    {
        var inputs = SyntheticCorpus.Inputs(8000).Inputs;
        for (var round = 0; round < 2; round++)
        {
            var line = new List<string>();
            var watch = Stopwatch.StartNew();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var paused = GC.GetTotalPauseDuration();
            var collections = Collections();
            T Stage<T>(string name, Func<T> run)
            {
                var result = run();
                var now = GC.GetTotalAllocatedBytes(precise: true);
                var (nowPaused, nowCollections) = (GC.GetTotalPauseDuration(), Collections());
                line.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name} {watch.ElapsedMilliseconds} ms {(now - allocated) >> 20} MB (GC {(nowPaused - paused).TotalMilliseconds:0} ms, {nowCollections[0] - collections[0]}/{nowCollections[1] - collections[1]}/{nowCollections[2] - collections[2]})"));
                (allocated, paused, collections) = (now, nowPaused, nowCollections);
                watch.Restart();
                return result;
            }

            var documents = Stage("parse", () => inputs.Select((s, i) => DocumentParser.Parse(s, i)).ToList());
            var segmented = Stage("segment", () => documents.Select((d, i) => Segmenter.Segment(d, i)).ToList());
            var analyzed = Stage("analyze", () => segmented.Select(s => s.Select(StatementAnalyzer.Analyze).ToArray()).ToList());
            var vectors = Stage("vectorize", () =>
            {
                var space = new TermSpace(analyzed.SelectMany(s => s));
                return analyzed.Select(s => s.Select(space.Vectorize).ToArray()).ToList();
            });
            var aligned = Stage("align", () => Aligner.Align(vectors[0], vectors[1], Compare.Core.CompareOptions.Default.Threshold));

            // The parts of building the groups, one after another on one core (the comparison runs them on all cores).
            var sides = aligned.Select(a => (Left: a.Left.Select(i => analyzed[0][i]).ToList(), Right: a.Right.Select(i => analyzed[1][i]).ToList())).ToList();
            var runs = Stage("word diff", () => sides.Select(s => WordDiff.Diff(s.Left, s.Right)).ToList());
            Stage("speakers named before each statement", () => analyzed.Select(Coreference.Antecedents).ToList());
            Stage("framing", () => sides.Select(s => s.Left.Concat(s.Right).Select(FramingAnalyzer.Analyze).ToList()).ToList());
            Stage("differences (framing included)", () => sides.Select((s, i) => DifferenceFinder.Find(runs[i], s.Left, s.Right)).ToList());
            Stage("segments", () => runs.Select(WordDiff.Segments).ToList());
            var result = Stage("whole compare", () => Comparison.Compare(inputs));
            Stage("markdown", () => Report.ToMarkdown(result));
            // What stays alive: the result (and the stages' own outputs, still referenced here).
            line.Add(string.Create(CultureInfo.InvariantCulture, $"live after a full collection {GC.GetTotalMemory(forceFullCollection: true) >> 20} MB"));
            GC.KeepAlive(result);
            Console.WriteLine(string.Join("; ", line));
        }

        using (var types = new AllocationsByType())
        {
            Comparison.Compare(inputs);
            types.Print(top: 20);
        }

        return 0;
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

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
