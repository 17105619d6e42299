using System.Diagnostics;
using System.Globalization;
using Compare.Core;

namespace Compare.Bench;

/// <summary>
/// Alignment quality and time on generated long reports. Usage: <c>scale [SENTENCES...] [--seed N]</c>
/// (default 2000 and 8000, seed 42, the one tuned on; other seeds check the figures hold): recall = reworded sentences aligned with their originals; precision =
/// aligned pairs that are an original and its rewording.
/// </summary>
internal static class ScaleEvaluation
{
    public static int Run(string[] args)
    {
        if (Array.IndexOf(args, "--sources") is var many and >= 0)
        {
            return Sources(args[(many + 1)..]);
        }

        var at = Array.IndexOf(args, "--seed");
        var seed = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 42;
        var numbers = at >= 0 ? args[..at].Concat(args[(at + 2)..]).ToArray() : args;
        var sizes = numbers.Length > 0 ? numbers.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [2000, 8000];
        foreach (var size in sizes)
        {
            var (inputs, origin) = SyntheticCorpus.Inputs(size, seed);
            Comparison.Compare(inputs);
            var watch = Stopwatch.StartNew();
            var result = Comparison.Compare(inputs);
            watch.Stop();

            var pairs = result.Alignments
                .SelectMany(g => g.Statements.Where(s => s.Source == 0)
                    .SelectMany(a => g.Statements.Where(s => s.Source == 1).Select(b => (A: a.Index, B: b.Index))))
                .ToHashSet();
            var reworded = Enumerable.Range(0, origin.Count).Where(j => origin[j] >= 0).ToList();
            var found = reworded.Count(j => pairs.Contains((origin[j], j)));
            var correct = pairs.Count(p => origin[p.B] == p.A);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}, {size} sentences ({inputs[0].Text.Length / 1024} KiB + {inputs[1].Text.Length / 1024} KiB): {watch.ElapsedMilliseconds} ms in process; recall {(double)found / reworded.Count:0.000}; precision {(double)correct / pairs.Count:0.000} ({pairs.Count} aligned pairs)"));
        }

        return 0;
    }

    /// <summary>
    /// Many sources of one size: <c>scale --sources [SENTENCES] [COUNTS...]</c> (default 2,000 sentences;
    /// 2, 4, 8 and 12 sources) prints the time of each comparison (the best of three, after a warm-up) with
    /// the processor time it took on all cores, the process's peak working set so far (the counts run in
    /// increasing order), and the alignment's quality on statement pairs: recall = pairs of sentences of two
    /// sources that tell the same sentence of the first report and stand in one group; precision = pairs of
    /// statements of two sources in one group that tell the same sentence.
    /// </summary>
    private static int Sources(string[] args)
    {
        var numbers = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var sentences = numbers.Length > 0 ? numbers[0] : 2000;
        var counts = numbers.Length > 1 ? numbers[1..] : [2, 4, 8, 12];
        double? two = null;
        foreach (var count in counts)
        {
            var (inputs, origins) = SyntheticCorpus.Many(sentences, count);
            Comparison.Compare(inputs);
            var best = double.MaxValue;
            var cpu = 0.0;
            ComparisonResult? result = null;
            for (var run = 0; run < 3; run++)
            {
                var processor = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = Comparison.Compare(inputs);
                if (watch.Elapsed.TotalMilliseconds < best)
                {
                    best = watch.Elapsed.TotalMilliseconds;
                    cpu = (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds;
                }
            }

            two ??= best;
            var (recall, precision) = PairQuality(result!, origins);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} sources × {sentences} sentences: {best:0} ms ({best / two.Value:0.0}× two sources; {cpu:0} ms of processor time), {result!.Alignments.Count} groups (the largest {result.Alignments.Max(g => g.Statements.Count)} statements, at most {result.Alignments.Max(g => g.Statements.GroupBy(t => t.Source).Max(t => t.Count()))} of one source), pair recall {recall:0.000}, precision {precision:0.000}, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MB"));
        }

        return 0;
    }

    /// <summary>Recall and precision of the statement pairs of two sources the groups imply, against the sentences' origins.</summary>
    private static (double Recall, double Precision) PairQuality(ComparisonResult result, List<int>[] origins)
    {
        // Each original is told by the first report and by every rewording of it: its gold pairs are the pairs of those.
        var tellers = new int[origins[0].Count];
        foreach (var source in origins)
        {
            foreach (var origin in source.Where(o => o >= 0))
            {
                tellers[origin]++;
            }
        }

        var gold = tellers.Sum(t => (long)t * (t - 1) / 2);
        long implied = 0, correct = 0;
        foreach (var group in result.Alignments)
        {
            var statements = group.Statements;
            for (var i = 0; i < statements.Count; i++)
            {
                for (var j = i + 1; j < statements.Count; j++)
                {
                    if (statements[i].Source == statements[j].Source)
                    {
                        continue;
                    }

                    implied++;
                    var origin = origins[statements[i].Source][statements[i].Index];
                    correct += origin >= 0 && origin == origins[statements[j].Source][statements[j].Index] ? 1 : 0;
                }
            }
        }

        return ((double)correct / gold, (double)correct / implied);
    }
}
