using System.Diagnostics.Tracing;
using Compare.Core;

namespace Compare.Bench;

internal sealed class Allocs : EventListener
{
    public readonly Dictionary<string, long> ByType = [];

    public static int Run()
    {
        var (first, second, _) = new SyntheticCorpus(seed: 42).Pair(8000);
        var inputs = new[] { new SourceInput("a.txt", SyntheticCorpus.Document("A", first), SourceFormat.PlainText), new SourceInput("b.txt", SyntheticCorpus.Document("B", second), SourceFormat.PlainText) };
        Report.ToMarkdown(Comparison.Compare(inputs));
        var before = GC.GetTotalAllocatedBytes(true);
        var docs = inputs.Select((s, i) => Compare.Core.Reading.DocumentParser.Parse(s, i)).ToList();
        var t1 = GC.GetTotalAllocatedBytes(true);
        var seg = docs.Select((d, i) => Compare.Core.Segmentation.Segmenter.Segment(d, i)).ToList();
        var t2 = GC.GetTotalAllocatedBytes(true);
        var an = seg.Select(s => s.Select(Compare.Core.Analysis.StatementAnalyzer.Analyze).ToList()).ToList();
        var t3 = GC.GetTotalAllocatedBytes(true);
        var result = Comparison.Compare(inputs);
        var t4 = GC.GetTotalAllocatedBytes(true);
        var md = Report.ToMarkdown(result);
        var t5 = GC.GetTotalAllocatedBytes(true);
        Console.WriteLine($"parse {(t1 - before) >> 20} segment {(t2 - t1) >> 20} analyze {(t3 - t2) >> 20} compare {(t4 - t3) >> 20} markdown {(t5 - t4) >> 20} (report {md.Length >> 20} M chars)");
        using var listener = new Allocs();
        Comparison.Compare(inputs);
        listener.Dispose();
        lock (listener.ByType)
        {
            foreach (var (k, v) in listener.ByType.OrderByDescending(p => p.Value).Take(30))
            {
                Console.WriteLine($"{v / 1024 / 1024,6} MB {k}");
            }
        }

        return 0;
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } p)
        {
            var name = (string)p[e.PayloadNames!.IndexOf("TypeName")]!;
            var amount = Convert.ToInt64(p[e.PayloadNames!.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (ByType)
            {
                ByType[name] = ByType.GetValueOrDefault(name) + amount;
            }
        }
    }
}
