using System.Globalization;
using Compare.Core;
using Compare.Core.Alignment;
using Compare.Core.Analysis;

namespace Compare.Bench;

/// <summary>
/// Measures the statement similarity on STS Benchmark headline pairs (human scores 0–5): Pearson r of
/// the similarity against the scores, and how well two shuffled digests of the pairs' first and
/// second headlines align. Usage: <c>sts DATA_DIR [dev|test]</c>; with <c>STS_DUMP=FILE</c> set, each pair's
/// human score, similarity, word overlap and headlines are written to FILE (tab-separated) for error analysis.
/// </summary>
internal static class StsEvaluation
{
    internal sealed record Row(double Score, string First, string Second);

    public static int Run(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "sts-headlines");
        foreach (var split in args.Length > 1 ? args[1..] : ["dev", "test"])
        {
            var rows = Load(Path.Combine(directory, $"sts-b-{split}-headlines.tsv"));
            var (r, overlap) = Correlation(rows);
            var (recall, precision, aligned) = Digests(rows, seed: 7);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{split}: {rows.Count} pairs; Pearson r = {r:0.000} (plain word overlap {overlap:0.000}); digests: recall of pairs scored >= 4.5 = {recall:0.000}, alignments correct = {precision:0.000} ({aligned} alignments)"));
        }

        return 0;
    }

    public static List<Row> Load(string path) =>
    [
        .. File.ReadLines(path)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 7)
            .Select(f => new Row(double.Parse(f[4], CultureInfo.InvariantCulture), f[5], f[6])),
    ];

    /// <summary>Pearson r of the product's similarity, and of plain word overlap (Jaccard of lower-cased words), against the human scores.</summary>
    public static (double Similarity, double Overlap) Correlation(List<Row> rows)
    {
        var analyzed = rows.Select((row, i) => (
            First: StatementAnalyzer.Analyze(new Statement(0, i, row.First, 1, 1)),
            Second: StatementAnalyzer.Analyze(new Statement(1, i, row.Second, 1, 1)))).ToList();
        var space = new TermSpace(analyzed.SelectMany(p => new[] { p.First, p.Second }));
        var similarity = analyzed.Select(p => space.Vectorize(p.First).Similarity(space.Vectorize(p.Second))).ToList();
        var overlap = rows.Select(row => Jaccard(Words(row.First), Words(row.Second))).ToList();
        var gold = rows.Select(r => r.Score).ToList();
        if (Environment.GetEnvironmentVariable("STS_DUMP") is { } dump)
        {
            File.WriteAllLines(dump, rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{r.Score}\t{similarity[i]:0.0000}\t{overlap[i]:0.0000}\t{r.First}\t{r.Second}")));
        }

        return (Pearson(similarity, gold), Pearson(overlap, gold));
    }

    /// <summary>Aligns a shuffled digest of first headlines with a shuffled digest of second headlines.</summary>
    public static (double Recall, double Precision, int Aligned) Digests(List<Row> rows, int seed)
    {
        var random = new Random(seed);
        var firstOrder = Enumerable.Range(0, rows.Count).OrderBy(_ => random.Next()).ToArray();
        var secondOrder = Enumerable.Range(0, rows.Count).OrderBy(_ => random.Next()).ToArray();
        var first = Digest("first.txt", firstOrder.Select(i => rows[i].First));
        var second = Digest("second.txt", secondOrder.Select(i => rows[i].Second));
        var threshold = double.Parse(Environment.GetEnvironmentVariable("COMPARE_THRESHOLD") ?? "0", CultureInfo.InvariantCulture);
        var result = Comparison.Compare([first, second], threshold > 0 ? Compare.Core.CompareOptions.Default with { Threshold = threshold } : null);
        // Each headline is a paragraph of its own: line 3, 5, 7… (a headline of two sentences maps to its row twice).
        static int RowAt(Statement s) => (s.Line - 3) / 2;

        // The two digests' titles ("Digest", line 1) are compared as their headlines: they are no row.
        var pairs = result.Alignments
            .SelectMany(g => g.Statements.Where(s => s.Source == 0 && s.Line >= 3)
                .SelectMany(a => g.Statements.Where(s => s.Source == 1 && s.Line >= 3).Select(b => (Row: firstOrder[RowAt(a)], Other: secondOrder[RowAt(b)]))))
            .Distinct()
            .ToList();
        // A headline paired with its own partner, or with a text identical to it (the data repeats some headlines across rows).
        var correct = pairs.Count(p => p.Row == p.Other || rows[p.Row].First == rows[p.Other].First || rows[p.Row].Second == rows[p.Other].Second
                                       || string.Equals(rows[p.Row].First, rows[p.Other].Second, StringComparison.OrdinalIgnoreCase));
        var strong = Enumerable.Range(0, rows.Count).Where(i => rows[i].Score >= 4.5).ToList();
        var found = strong.Count(i => pairs.Contains((i, i)));
        return ((double)found / strong.Count, pairs.Count == 0 ? 0 : (double)correct / pairs.Count, pairs.Count);
    }

    private static SourceInput Digest(string path, IEnumerable<string> headlines) =>
        new(path, "Digest\n\n" + string.Join("\n\n", headlines) + "\n", SourceFormat.PlainText);

    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split([' ', ',', '.', ':', ';', '"', '\'', '(', ')', '?', '!'], StringSplitOptions.RemoveEmptyEntries)];

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
