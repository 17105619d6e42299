using System.Diagnostics;
using Compare.Core;
using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Bench;

internal static class Stages
{
    public static int Run()
    {
        var (first, second, _) = new SyntheticCorpus(seed: 42).Pair(8000);
        var inputs = new[] { new SourceInput("a.txt", SyntheticCorpus.Document("A", first), SourceFormat.PlainText), new SourceInput("b.txt", SyntheticCorpus.Document("B", second), SourceFormat.PlainText) };
        for (var round = 0; round < 2; round++)
        {
            var w = Stopwatch.StartNew();
            var docs = inputs.Select((s, i) => DocumentParser.Parse(s, i)).ToList();
            var t1 = w.ElapsedMilliseconds;
            var seg = docs.Select((d, i) => Segmenter.Segment(d, i)).ToList();
            var t2 = w.ElapsedMilliseconds;
            var an = seg.Select(s => s.Select(StatementAnalyzer.Analyze).ToList()).ToList();
            var t3 = w.ElapsedMilliseconds;
            var space = new TermSpace(an.SelectMany(s => s));
            var vec = an.Select(s => s.Select(space.Vectorize).ToArray()).ToList();
            var t4 = w.ElapsedMilliseconds;
            var al = Aligner.Align(vec[0], vec[1], 0.33);
            var t5 = w.ElapsedMilliseconds;
            var res = Comparison.Compare(inputs);
            var t6 = w.ElapsedMilliseconds;
            Report.ToMarkdown(res);
            var t7 = w.ElapsedMilliseconds;
            Console.WriteLine($"parse {t1} segment {t2 - t1} analyze {t3 - t2} vectorize {t4 - t3} align {t5 - t4} whole compare {t6 - t5} markdown {t7 - t6}");
        }

        return 0;
    }
}
