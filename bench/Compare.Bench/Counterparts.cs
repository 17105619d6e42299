using System.Globalization;
using System.Text;
using Compare.Core;
using Compare.Core.Alignment;

namespace Compare.Bench;

/// <summary>
/// The candidates of each unmatched statement of the news pairs, with what may tell a real counterpart from a
/// look-alike, and whether the gold pairs them: the data the counterpart rule is fitted on. Usage:
/// <c>counterparts [DATA_DIR] [--set build|check] [--out FILE] [--fit]</c> (a tab-separated table; the build set by
/// default); <c>--fit</c> prints instead the logistic model of a candidate being a counterpart (gold or optional pair)
/// from its similarity, the term weight it shares and how far apart the two stand in their documents, fitted on the
/// first two candidates of each statement (the coefficients of <see cref="CounterpartModel"/>).
/// </summary>
internal static class Counterparts
{
    /// <summary>How many candidates of the other article each unmatched statement is listed with.</summary>
    private const int Listed = 3;

    public static int Run(string[] args)
    {
        var directory = Path.Combine("..", "shared", "data", "news-pairs");
        var set = "build";
        string? output = null;
        var fitting = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set" when i + 1 < args.Length:
                    set = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--fit":
                    fitting = true;
                    break;
                default:
                    directory = args[i];
                    break;
            }
        }

        var check = NewsEvaluation.CheckSet(directory);
        var examples = new List<(double[] Features, bool Right)>();
        var table = new StringBuilder("pair\tsource\tindex\tcandidate\trank\tscore\tnext\tmutual\taligned\tplace\tshared\tterms\tcandidateTerms\tright\tgold\n");
        foreach (var gold in NewsEvaluation.Load(directory).Where(g => check.Contains(g.Name) == (set == "check")))
        {
            var inputs = new[] { Comparison.ReadFile(Path.Combine(directory, gold.Event, gold.A)), Comparison.ReadFile(Path.Combine(directory, gold.Event, gold.B)) };
            var pipeline = new Pipeline(inputs, Compare.Core.CompareOptions.Default);
            var result = pipeline.Run();
            var (_, vectors) = pipeline.Weigh();
            var statements = NewsEvaluation.StatementsOf(result);
            var partners = new HashSet<(int A, int B)>();
            var golden = new HashSet<(int A, int B)>();
            foreach (var pair in gold.Pairs.Concat(gold.Optional))
            {
                if (NewsEvaluation.Holding(statements, 0, pair.A)?.Index is { } a && NewsEvaluation.Holding(statements, 1, pair.B)?.Index is { } b)
                {
                    partners.Add((a, b));
                    if (gold.Pairs.Contains(pair))
                    {
                        golden.Add((a, b));
                    }
                }
            }

            var aligned = result.Alignments.SelectMany(g => g.Statements).Select(s => (s.Source, s.Index)).ToHashSet();
            double[] Scores(int source, int index) => [.. vectors[1 - source].Select(v => vectors[source][index].Similarity(v))];
            int Best(double[] scores) => scores.Length == 0 ? -1 : Array.IndexOf(scores, scores.Max());
            foreach (var statement in result.Unmatched)
            {
                var (s, u) = (statement.Source, statement.Index);
                var scores = Scores(s, u);
                var ranked = Enumerable.Range(0, scores.Length).OrderByDescending(c => scores[c]).ThenBy(c => c).Take(Listed + 1).ToList();
                for (var rank = 0; rank < Math.Min(Listed, ranked.Count); rank++)
                {
                    var c = ranked[rank];
                    var next = rank + 1 < ranked.Count ? scores[ranked[rank + 1]] : 0;
                    var mutual = Best(Scores(1 - s, c)) == u;
                    var place = Math.Abs(((double)u / vectors[s].Length) - ((double)c / vectors[1 - s].Length));
                    var right = partners.Contains(s == 0 ? (u, c) : (c, u));
                    var shared = vectors[s][u].Shared(vectors[1 - s][c]);
                    if (rank < CounterpartModel.Shown)
                    {
                        examples.Add(([1, scores[c], Math.Log(1 + shared), place], right));
                    }

                    table.Append(CultureInfo.InvariantCulture, $"{gold.Name}\t{s}\t{u}\t{c}\t{rank + 1}\t{scores[c]:0.000}\t{next:0.000}\t{(mutual ? 1 : 0)}\t{(aligned.Contains((1 - s, c)) ? 1 : 0)}\t{place:0.000}\t{shared:0.00}\t{vectors[s][u].Ids.Length}\t{vectors[1 - s][c].Ids.Length}\t{(right ? 1 : 0)}\t{(golden.Contains(s == 0 ? (u, c) : (c, u)) ? 1 : 0)}\n");
                }
            }
        }

        if (fitting)
        {
            var weights = Fit(examples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bias {weights[0]:0.000}, similarity {weights[1]:0.000}, log(1 + shared weight) {weights[2]:0.000}, place gap {weights[3]:0.000} ({examples.Count} candidates, {examples.Count(e => e.Right)} counterparts)"));
        }
        else if (output is null)
        {
            Console.Write(table);
        }
        else
        {
            File.WriteAllText(output, table.ToString());
        }

        return 0;
    }

    /// <summary>Logistic regression by Newton's method (a little ridge keeps it finite): the weights, bias first.</summary>
    private static double[] Fit(List<(double[] Features, bool Right)> examples)
    {
        var n = examples[0].Features.Length;
        var weights = new double[n];
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n + 1];
            foreach (var (x, right) in examples)
            {
                var p = 1 / (1 + Math.Exp(-x.Select((v, j) => v * weights[j]).Sum()));
                for (var i = 0; i < n; i++)
                {
                    gradient[i] += (p - (right ? 1 : 0)) * x[i];
                    for (var j = 0; j < n; j++)
                    {
                        hessian[i, j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }

            // Solve hessian · step = gradient (Gauss–Jordan, the gradient as the last column).
            for (var i = 0; i < n; i++)
            {
                hessian[i, i] += 1e-3;
                hessian[i, n] = gradient[i] + (1e-3 * weights[i]);
            }

            for (var c = 0; c < n; c++)
            {
                for (var r = 0; r < n; r++)
                {
                    if (r != c)
                    {
                        var f = hessian[r, c] / hessian[c, c];
                        for (var k = c; k <= n; k++)
                        {
                            hessian[r, k] -= f * hessian[c, k];
                        }
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                weights[i] -= hessian[i, n] / hessian[i, i];
            }
        }

        return weights;
    }
}
