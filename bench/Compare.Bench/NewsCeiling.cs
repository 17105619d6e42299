using System.Globalization;
using Compare.Core;
using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Bench;

/// <summary>
/// How far statement similarity alone can take alignment on the real article pairs: every statement
/// pair of each article pair is scored (an evaluation, so the n×m pass the product avoids is fine here),
/// and for each signal the best recall reachable at a given closed-world precision by a threshold on it
/// is printed, with a logistic combination of all signals trained on the dev pairs and tried on the
/// held-out ones. Also prints the shapes of the gold's clusters (statements of each side linked by gold
/// pairs) and the precision that grouping each cluster whole would have.
/// Usage: <c>news-ceiling [DATA_DIR]</c>.
/// </summary>
internal static class NewsCeiling
{
    private static readonly string[] Signals =
    [
        "dice", "containment", "log shared weight", "longest common word run", "shared terms",
        "left rank", "right rank", "left margin", "right margin", "diagonal neighbour", "any neighbour", "position gap",
    ];

    private static readonly double[] Precisions = [0.95, 0.90, 0.85, 0.80, 0.70, 0.60];

    /// <summary>One statement pair: its signals, 1 for a gold pair, -1 for an optional one, 0 otherwise.</summary>
    private sealed record Row(double[] Signals, int Label, bool Dev);

    public static int Run(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "news-pairs");
        var rows = new List<Row>();
        var clusters = new List<(int A, int B, int Linked)>();
        var components = new List<Component>();
        var unfound = 0;
        foreach (var gold in NewsEvaluation.Load(directory))
        {
            // Only the statements are needed: read and segment, without aligning or diffing.
            var left = Statements(Path.Combine(directory, gold.Event, gold.A), 0);
            var right = Statements(Path.Combine(directory, gold.Event, gold.B), 1);
            var labels = new int[left.Length, right.Length];
            unfound += Label(gold.Optional, -1, left, right, labels) + Label(gold.Pairs, 1, left, right, labels);
            Clusters(labels, clusters);
            components.AddRange(Components(labels));
            rows.AddRange(Score(left, right, labels, string.CompareOrdinal(gold.Name, "2015") < 0));
        }

        var positives = rows.Count(r => r.Label == 1);
        Console.WriteLine(Invariant($"{rows.Count} statement pairs, {positives} gold, {rows.Count(r => r.Label < 0)} optional ({unfound} gold fragments in no statement)"));
        Console.WriteLine();
        Console.WriteLine("Best recall by a threshold on one signal, at closed-world precision:");
        Console.WriteLine();
        Console.WriteLine("| signal | " + string.Join(" | ", Precisions.Select(p => Invariant($"P ≥ {p:0.00}"))) + " |");
        Console.WriteLine("|---|" + string.Concat(Precisions.Select(_ => "---:|")));
        for (var s = 0; s < Signals.Length; s++)
        {
            Curve(Signals[s], rows.Select(r => (r.Signals[s], r.Label)));
        }

        var dev = rows.Where(r => r.Dev).ToList();
        var heldOut = rows.Where(r => !r.Dev).ToList();
        var weights = Train(dev);
        Curve("dice, dev", dev.Select(r => (r.Signals[0], r.Label)));
        Curve("dice, held out", heldOut.Select(r => (r.Signals[0], r.Label)));
        Curve("combined (trained on dev), dev", dev.Select(r => (Dot(weights, r.Signals), r.Label)));
        Curve("combined (trained on dev), held out", heldOut.Select(r => (Dot(weights, r.Signals), r.Label)));
        Console.WriteLine();
        Console.WriteLine("Combined weights: " + string.Join(", ", Signals.Select((s, k) => Invariant($"{s} {weights[k]:0.00}"))) + Invariant($", bias {weights[^1]:0.00}"));

        Console.WriteLine();
        Console.WriteLine("Gold clusters (statements linked by gold pairs), by size:");
        Console.WriteLine();
        Console.WriteLine("| A × B | clusters | gold statement pairs | of all pairs inside |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var shape in clusters.GroupBy(c => (c.A, c.B)).OrderBy(g => g.Key.A * g.Key.B).ThenBy(g => g.Key.A))
        {
            Console.WriteLine(Invariant($"| {shape.Key.A} × {shape.Key.B} | {shape.Count()} | {shape.Sum(c => c.Linked)} | {shape.Sum(c => c.A * c.B)} |"));
        }

        var linked = clusters.Sum(c => c.Linked);
        var inside = clusters.Sum(c => c.A * c.B);
        Console.WriteLine();
        Console.WriteLine(Invariant($"Each cluster as one group: recall 1.00 at precision {linked}/{inside} = {(double)linked / inside:0.00} (optional pairs inside not counted)"));

        // The most any aligner could find at precision 0.90, knowing the gold: its groups are disjoint sets of
        // statements, and a group holds every pair of its statements.
        var bound = OracleBound(components, 0.90);
        Console.WriteLine(Invariant($"Best grouping knowing the gold, at precision ≥ 0.90: at most {bound:0.0} of {positives} gold statement pairs (recall ≤ {bound / positives:0.00}; a Lagrangian bound)"));
        return 0;
    }

    /// <summary>Statements linked by gold or optional pairs (connected), with the pairs between them: 1 gold, -1 optional.</summary>
    private sealed record Component(int Count, bool[] IsLeft, int[] Neighbours, Dictionary<(int, int), int> Labels);

    private static IEnumerable<Component> Components(int[,] labels)
    {
        int n = labels.GetLength(0), m = labels.GetLength(1);
        var parent = Enumerable.Range(0, n + m).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (labels[i, j] != 0)
                {
                    parent[Find(i)] = Find(n + j);
                }
            }
        }

        foreach (var members in Enumerable.Range(0, n + m).GroupBy(Find).Select(g => g.ToList()).Where(g => g.Count > 1))
        {
            var at = members.Select((x, k) => (x, k)).ToDictionary(p => p.x, p => p.k);
            var neighbours = new int[members.Count];
            var pairs = new Dictionary<(int, int), int>();
            foreach (var i in members.Where(x => x < n))
            {
                foreach (var j in members.Where(x => x >= n))
                {
                    if (labels[i, j - n] != 0)
                    {
                        pairs[(at[i], at[j])] = labels[i, j - n];
                        neighbours[at[i]] |= 1 << at[j];
                        neighbours[at[j]] |= 1 << at[i];
                    }
                }
            }

            yield return new Component(members.Count, [.. members.Select(x => x < n)], neighbours, pairs);
        }
    }

    /// <summary>
    /// An upper bound on the gold pairs disjoint groups can hold at a closed-world precision (optional pairs
    /// right, as in the scorer): by Lagrangian duality, for every λ ≥ 0 it is at most the sum over components
    /// of the best partition's Σ gold − λ·cost, cost = wrong·P/(1−P) − right; the bound is the least over λ.
    /// Only connected groups need be tried (a disconnected one splits into parts with no fewer gold pairs and
    /// no more wrong ones).
    /// </summary>
    private static double OracleBound(List<Component> components, double precision)
    {
        var groups = components.Select(c => ConnectedGroups(c, precision / (1 - precision))).ToList();
        var best = double.MaxValue;
        for (var lambda = 0.0; lambda <= 0.3; lambda += 0.005)
        {
            var sum = 0.0;
            for (var k = 0; k < components.Count; k++)
            {
                var byLowest = groups[k].GroupBy(g => System.Numerics.BitOperations.TrailingZeroCount(g.Mask))
                    .ToDictionary(g => g.Key, g => g.Select(x => (x.Mask, Value: x.Gold - lambda * x.Cost)).ToList());
                var memo = new Dictionary<int, double>();
                double Best(int mask)
                {
                    if (mask == 0)
                    {
                        return 0;
                    }

                    if (memo.TryGetValue(mask, out var known))
                    {
                        return known;
                    }

                    var lowest = System.Numerics.BitOperations.TrailingZeroCount(mask);
                    var value = Best(mask & ~(1 << lowest));
                    foreach (var (group, gain) in byLowest.GetValueOrDefault(lowest, []))
                    {
                        if ((group & mask) == group)
                        {
                            value = Math.Max(value, gain + Best(mask & ~group));
                        }
                    }

                    return memo[mask] = value;
                }

                sum += Best((1 << components[k].Count) - 1);
            }

            best = Math.Min(best, sum);
        }

        return best;
    }

    /// <summary>Every connected set of a component's statements with both sides in it, with its gold pairs and its cost.</summary>
    private static List<(int Mask, int Gold, double Cost)> ConnectedGroups(Component component, double wrongWeight)
    {
        var seen = new HashSet<int>(Enumerable.Range(0, component.Count).Select(i => 1 << i));
        var frontier = seen.ToList();
        while (frontier.Count > 0)
        {
            var next = new List<int>();
            foreach (var mask in frontier)
            {
                var around = 0;
                for (var i = 0; i < component.Count; i++)
                {
                    around |= (mask >> i & 1) != 0 ? component.Neighbours[i] : 0;
                }

                for (var rest = around & ~mask; rest != 0; rest &= rest - 1)
                {
                    var grown = mask | (rest & -rest);
                    if (seen.Add(grown))
                    {
                        next.Add(grown);
                    }
                }
            }

            frontier = next;
        }

        var groups = new List<(int, int, double)>();
        foreach (var mask in seen)
        {
            var members = Enumerable.Range(0, component.Count).Where(i => (mask >> i & 1) != 0).ToList();
            var left = members.Where(i => component.IsLeft[i]).ToList();
            var right = members.Where(i => !component.IsLeft[i]).ToList();
            if (left.Count == 0 || right.Count == 0)
            {
                continue;
            }

            var labelled = left.SelectMany(i => right.Select(j => component.Labels.GetValueOrDefault((i, j)))).ToList();
            var correct = labelled.Count(l => l != 0);
            groups.Add((mask, labelled.Count(l => l == 1), (wrongWeight * (labelled.Count - correct)) - correct));
        }

        return groups;
    }

    private static AnalyzedStatement[] Statements(string path, int source) =>
        [.. Segmenter.Segment(DocumentParser.Parse(Comparison.ReadFile(path), source), source).Select(StatementAnalyzer.Analyze)];

    /// <summary>Marks the statement pair of each gold pair (a gold pair wins over an optional one); returns how many had a fragment in no statement.</summary>
    private static int Label(List<NewsEvaluation.GoldPair> pairs, int label, AnalyzedStatement[] left, AnalyzedStatement[] right, int[,] labels)
    {
        var unfound = 0;
        var leftTexts = Array.ConvertAll(left, s => NewsEvaluation.Normalize(s.Statement.Text));
        var rightTexts = Array.ConvertAll(right, s => NewsEvaluation.Normalize(s.Statement.Text));
        foreach (var pair in pairs)
        {
            var i = Array.FindIndex(leftTexts, t => t.Contains(pair.A, StringComparison.Ordinal));
            var j = Array.FindIndex(rightTexts, t => t.Contains(pair.B, StringComparison.Ordinal));
            if (i < 0 || j < 0)
            {
                unfound++;
            }
            else if (labels[i, j] != 1)
            {
                labels[i, j] = label;
            }
        }

        return unfound;
    }

    private static IEnumerable<Row> Score(AnalyzedStatement[] left, AnalyzedStatement[] right, int[,] labels, bool dev)
    {
        var space = new TermSpace(left.Concat(right));
        var lv = Array.ConvertAll(left, space.Vectorize);
        var rv = Array.ConvertAll(right, space.Vectorize);
        var dice = new double[left.Length, right.Length];
        for (var i = 0; i < left.Length; i++)
        {
            for (var j = 0; j < right.Length; j++)
            {
                dice[i, j] = lv[i].Similarity(rv[j]);
            }
        }

        double At(int i, int j) => i >= 0 && j >= 0 && i < left.Length && j < right.Length ? dice[i, j] : 0;
        var rowBest = Enumerable.Range(0, left.Length).Select(i => Enumerable.Range(0, right.Length).Select(j => dice[i, j]).OrderDescending().ToArray()).ToArray();
        var columnBest = Enumerable.Range(0, right.Length).Select(j => Enumerable.Range(0, left.Length).Select(i => dice[i, j]).OrderDescending().ToArray()).ToArray();
        var leftWords = Array.ConvertAll(left, Words);
        var rightWords = Array.ConvertAll(right, Words);
        for (var i = 0; i < left.Length; i++)
        {
            for (var j = 0; j < right.Length; j++)
            {
                var d = dice[i, j];
                var shared = lv[i].Shared(rv[j]);
                var smaller = Math.Min(lv[i].Total, rv[j].Total);
                var common = 0;
                foreach (var _ in lv[i].Common(rv[j]))
                {
                    common++;
                }

                yield return new Row(
                    [
                        d,
                        smaller > 0 ? shared / smaller : 0,
                        Math.Log(1 + shared),
                        Math.Log(1 + LongestCommonRun(leftWords[i], rightWords[j])),
                        common,
                        1.0 / (1 + rowBest[i].Count(x => x > d)),
                        1.0 / (1 + columnBest[j].Count(x => x > d)),
                        d - Runner(rowBest[i], d),
                        d - Runner(columnBest[j], d),
                        Math.Max(At(i - 1, j - 1), At(i + 1, j + 1)),
                        Math.Max(Math.Max(At(i - 1, j), At(i + 1, j)), Math.Max(At(i, j - 1), At(i, j + 1))),
                        Math.Abs(((double)i / left.Length) - ((double)j / right.Length)),
                    ],
                    labels[i, j],
                    dev);
            }
        }
    }

    /// <summary>The best score of a statement's other candidates (the second best when this pair is the best).</summary>
    private static double Runner(double[] best, double score) => best[0] > score || best.Length < 2 ? best[0] : best[1];

    private static string[] Words(AnalyzedStatement statement) =>
        [.. statement.Tokens.Where(t => t.Kind != TokenKind.Punctuation).Select(t => t.Norm)];

    private static int LongestCommonRun(string[] a, string[] b)
    {
        var best = 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }

            (previous, current) = (current, previous);
            Array.Clear(current);
        }

        return best;
    }

    /// <summary>The statements linked by gold pairs (connected components), with how many gold pairs link each.</summary>
    private static void Clusters(int[,] labels, List<(int A, int B, int Linked)> clusters)
    {
        int n = labels.GetLength(0), m = labels.GetLength(1);
        var parent = Enumerable.Range(0, n + m).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (labels[i, j] == 1)
                {
                    parent[Find(i)] = Find(n + j);
                }
            }
        }

        foreach (var members in Enumerable.Range(0, n + m).GroupBy(Find))
        {
            var a = members.Where(x => x < n).ToList();
            var b = members.Where(x => x >= n).Select(x => x - n).ToList();
            if (a.Count > 0 && b.Count > 0)
            {
                clusters.Add((a.Count, b.Count, a.Sum(i => b.Count(j => labels[i, j] == 1))));
            }
        }
    }

    /// <summary>Prints the best recall a threshold reaches at each precision (optional pairs count as right, as in the scorer).</summary>
    private static void Curve(string name, IEnumerable<(double Score, int Label)> scored)
    {
        var sorted = scored.OrderByDescending(r => r.Score).ToList();
        var positives = sorted.Count(r => r.Label == 1);
        var best = new double[Precisions.Length];
        int found = 0, right = 0, taken = 0;
        foreach (var (_, label) in sorted)
        {
            taken++;
            found += label == 1 ? 1 : 0;
            right += label != 0 ? 1 : 0;
            for (var k = 0; k < Precisions.Length; k++)
            {
                if ((double)right / taken >= Precisions[k])
                {
                    best[k] = Math.Max(best[k], (double)found / positives);
                }
            }
        }

        Console.WriteLine($"| {name} | " + string.Join(" | ", best.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))) + " |");
    }

    private static double Dot(double[] weights, double[] signals)
    {
        var z = weights[^1];
        for (var k = 0; k < signals.Length; k++)
        {
            z += weights[k] * signals[k];
        }

        return z;
    }

    /// <summary>Logistic regression by gradient descent on standardised signals (gold pairs weighted up to balance the classes; optional pairs left out), returned on the raw scale.</summary>
    private static double[] Train(List<Row> rows)
    {
        var data = rows.Where(r => r.Label >= 0).ToList();
        var n = Signals.Length;
        var mean = Enumerable.Range(0, n).Select(k => data.Average(r => r.Signals[k])).ToArray();
        var spread = Enumerable.Range(0, n).Select(k => Math.Sqrt(data.Average(r => Math.Pow(r.Signals[k] - mean[k], 2))) + 1e-9).ToArray();
        var x = data.Select(r => r.Signals.Select((v, k) => (v - mean[k]) / spread[k]).ToArray()).ToList();
        var positiveWeight = data.Count / (2.0 * data.Count(r => r.Label == 1));
        var w = new double[n + 1];
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var gradient = new double[n + 1];
            for (var i = 0; i < x.Count; i++)
            {
                var y = data[i].Label == 1 ? 1.0 : 0.0;
                var error = (1 / (1 + Math.Exp(-Dot(w, x[i])))) - y;
                error *= y > 0 ? positiveWeight : 1;
                for (var k = 0; k < n; k++)
                {
                    gradient[k] += error * x[i][k];
                }

                gradient[n] += error;
            }

            for (var k = 0; k <= n; k++)
            {
                w[k] -= 0.5 * ((gradient[k] / x.Count) + (k < n ? 0.001 * w[k] : 0));
            }
        }

        var raw = new double[n + 1];
        raw[n] = w[n];
        for (var k = 0; k < n; k++)
        {
            raw[k] = w[k] / spread[k];
            raw[n] -= w[k] * mean[k] / spread[k];
        }

        return raw;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
