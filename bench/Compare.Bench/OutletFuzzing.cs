using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Compare.Core;
using Compare.Core.Tests.Fuzzing;

namespace Compare.Bench;

/// <summary>
/// The differential fuzzer's long campaign: real sentences (the STS and iSTS headline pairs and the
/// paragraphs of the news articles in <c>../shared/data</c>) written twice as two outlets might
/// (<see cref="OutletMutator"/>), as sentence pairs and as short documents, each pair compared and
/// checked (<see cref="ReportInvariants"/>: no crash, every statement reported once, safe reports,
/// bounded time). A failure is cut down to the words that make it fail and saved as a regression pair
/// for the tests. Usage: <c>fuzz [--pairs N] [--seed S] [--threads T] [--save DIR] [DATA_DIR]</c>; pair
/// <c>i</c> of seed <c>S</c> is the same on every run.
/// </summary>
internal static class OutletFuzzing
{
    /// <summary>The longest a comparison of a sentence pair or a short document may take.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public static int Run(string[] args)
    {
        long pairs = 1_000_000;
        var seed = 1;
        var threads = Environment.ProcessorCount;
        var data = Path.Combine("..", "shared", "data");
        var save = Path.Combine("tests", "Compare.Core.Tests", "Data", "fuzz");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pairs": pairs = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--save": save = args[++i]; break;
                default: data = args[i]; break;
            }
        }

        var corpus = Corpus.Load(data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpus.Pairs.Count} sentence pairs (STS, iSTS), {corpus.Articles.Count} articles ({corpus.Articles.Sum(a => a.Length)} paragraphs); {pairs} mutated pairs, seed {seed}, {threads} threads"));

        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentDictionary<string, (long Index, int Count)>();
        long done = 0, slowestTicks = 0, slowestIndex = -1;
        Parallel.For(0L, pairs, new ParallelOptions { MaxDegreeOfParallelism = threads }, index =>
        {
            var (texts, extension) = corpus.Generate(new Random(HashCode.Combine(seed, index)));
            var started = Stopwatch.GetTimestamp();
            var problem = Check(texts, extension);
            var ticks = Stopwatch.GetTimestamp() - started;
            if (ticks > Interlocked.Read(ref slowestTicks))
            {
                Interlocked.Exchange(ref slowestTicks, ticks);
                Interlocked.Exchange(ref slowestIndex, index);
            }

            if (problem is not null)
            {
                var kind = problem.Split(':')[0];
                if (failures.AddOrUpdate(kind, (index, 1), (_, f) => (f.Index, f.Count + 1)).Count == 1)
                {
                    Save(save, $"outlets-{seed}-{index}", texts, extension, problem);
                }
            }

            if (Interlocked.Increment(ref done) % 100_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done} pairs, {clock.Elapsed.TotalSeconds:0} s, {failures.Values.Sum(f => f.Count)} failing"));
            }
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{done} pairs in {clock.Elapsed.TotalSeconds:0} s ({done / clock.Elapsed.TotalSeconds:0} pairs/s); slowest pair {Stopwatch.GetElapsedTime(0, slowestTicks).TotalMilliseconds:0} ms (pair {slowestIndex})"));
        foreach (var (kind, (index, count)) in failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAIL {count}x {kind} (first: pair {index})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done} pairs, {failures.Values.Sum(f => f.Count)} failing"));
        return failures.IsEmpty ? 0 : 1;
    }

    private static string? Check(string[] texts, string extension) =>
        ReportInvariants.Check([.. texts.Select((t, i) => new SourceInput((char)('a' + i) + extension, t))], Bound);

    /// <summary>
    /// Saves a failing set, cut down to the words that make it fail (never a whole article): a pair as
    /// <c>-a</c> and <c>-b</c>, more sources as <c>-a</c>, <c>-b</c>, <c>-c</c> … (the first two cut down).
    /// </summary>
    private static void Save(string directory, string name, string[] texts, string extension, string problem)
    {
        var rest = texts.Skip(2).ToList();
        var (x, y) = ReportInvariants.Minimise(texts[0], texts[1], problem, (p, q) => Check([p, q, .. rest], extension));
        Directory.CreateDirectory(directory);
        string[] kept = [x, y, .. rest];
        for (var i = 0; i < kept.Length; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"{name}-{(char)('a' + i)}{extension}"), kept[i]);
        }

        Console.WriteLine($"saved {name}: {problem}");
    }

    private sealed record Corpus(List<(string A, string B)> Pairs, List<string[]> Articles)
    {
        public static Corpus Load(string data)
        {
            var pairs = new List<(string, string)>();
            foreach (var tsv in Directory.GetFiles(Path.Combine(data, "sts-headlines"), "*.tsv"))
            {
                pairs.AddRange(File.ReadLines(tsv).Select(l => l.Split('\t')).Where(c => c.Length >= 7).Select(c => (c[5], c[6])));
            }

            foreach (var first in Directory.GetFiles(Path.Combine(data, "ists2016-headlines"), "*sent1.txt", SearchOption.AllDirectories))
            {
                pairs.AddRange(File.ReadLines(first).Zip(File.ReadLines(first.Replace("sent1.txt", "sent2.txt", StringComparison.Ordinal))));
            }

            var articles = Directory.GetFiles(Path.Combine(data, "news-pairs"), "*.txt", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => File.ReadAllText(f).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(p => p.Length > 1)
                .ToList();
            return new Corpus(pairs, articles);
        }

        /// <summary>
        /// A sentence pair (36%), one paragraph written twice (36%), a short document of an article's paragraphs
        /// written twice and reordered (18%), or three to five such documents, each dropping, reordering and
        /// rewriting its own paragraphs (10%).
        /// </summary>
        public (string[] Texts, string Extension) Generate(Random random)
        {
            var extension = random.Next(2) == 0 ? ".txt" : ".md";
            var title = random.Next(2) == 0 ? "Report\n\n" : string.Empty;
            if (random.Next(10) == 0)
            {
                var article = Articles[random.Next(Articles.Count)];
                var paragraphs = article.Skip(random.Next(article.Length)).Take(random.Next(2, 9)).ToList();
                return ([.. Enumerable.Range(0, random.Next(3, 6)).Select(_ => string.Join("\n\n", paragraphs
                    .Where(_ => random.Next(5) > 0)
                    .Select(p => OutletMutator.Mutate(p, random, random.Next(0, 4)))
                    .OrderBy(_ => random.Next(3))))], extension);
            }

            switch (random.Next(5))
            {
                case 0 or 1:
                {
                    var (a, b) = Pairs[random.Next(Pairs.Count)];
                    return ([title + OutletMutator.Mutate(a, random, random.Next(0, 4)), title + OutletMutator.Mutate(b, random, random.Next(0, 4))], extension);
                }

                case 2 or 3:
                {
                    var article = Articles[random.Next(Articles.Count)];
                    var (a, b) = OutletMutator.Pair(article[random.Next(1, article.Length)], random);
                    return ([title + a, title + b], extension);
                }

                default:
                {
                    var article = Articles[random.Next(Articles.Count)];
                    var start = random.Next(article.Length);
                    var paragraphs = article.Skip(start).Take(random.Next(2, 13)).ToList();
                    var a = new List<string>();
                    var b = new List<string>();
                    foreach (var paragraph in paragraphs)
                    {
                        var (x, y) = OutletMutator.Pair(paragraph, random);
                        a.Add(x);
                        if (random.Next(6) > 0)
                        {
                            b.Insert(random.Next(4) == 0 ? random.Next(b.Count + 1) : b.Count, y);
                        }
                    }

                    return ([string.Join("\n\n", a), string.Join("\n\n", b)], extension);
                }
            }
        }
    }
}
