using System.Globalization;
using System.Text.RegularExpressions;
using Compare.Core;
using Compare.Core.Analysis;
using Compare.Core.Diffing;

namespace Compare.Bench;

/// <summary>
/// Measures the difference labels on SemEval-2016 interpretable-STS headline pairs with gold chunk
/// alignments. Each headline pair is compared as one aligned pair of statements; a gold chunk line
/// counts as labelled with a kind when a difference of that kind has words in the chunk. Usage:
/// <c>ists DATA_DIR [train|test] [--show]</c>.
/// <list type="bullet">
/// <item>factuality: chunks whose gold type carries <c>_FACT</c> should get a hedge, modality or attribution difference;</item>
/// <item>numbers: aligned chunks that both hold a number conflict unless the gold type is EQUI ("22 Dead" / "89 dead" is SIMI);</item>
/// <item>EQUI chunks: no number, date or time conflict.</item>
/// </list>
/// </summary>
internal static partial class IstsEvaluation
{
    private static readonly DifferenceKind[] Framing = [DifferenceKind.Hedge, DifferenceKind.Modality, DifferenceKind.Attribution];

    private static readonly DifferenceKind[] Conflicts = [DifferenceKind.Number, DifferenceKind.Date, DifferenceKind.Time];

    internal sealed record Chunk(string Type, string Left, string Right);

    internal sealed record Pair(string Left, string Right, List<Chunk> Chunks);

    [GeneratedRegex(@"^[\d ]+<==>[\d ]+// (?<type>[A-Z_0-9]+) // [^/]* // (?<left>.*) <==> (?<right>.*?)\s*$")]
    private static partial Regex AlignmentLine();

    [GeneratedRegex(@"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HasNumber();

    public static int Run(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "ists2016-headlines");
        var show = args.Contains("--show");
        foreach (var split in args.Skip(1).Where(a => a is "train" or "test").DefaultIfEmpty("train").Concat(args.Length > 1 ? [] : ["test"]))
        {
            var pairs = Load(directory, split);
            var fact = new Counts();
            var number = new Counts();
            int equi = 0, equiConflicts = 0;
            foreach (var pair in pairs)
            {
                var differences = Classify(pair.Left, pair.Right);
                foreach (var chunk in pair.Chunks)
                {
                    var words = Words(chunk.Left + " " + chunk.Right);
                    bool Labelled(DifferenceKind[] kinds) => differences.Any(d => kinds.Contains(d.Kind)
                        && Words(d.Text + " " + d.OtherText).Overlaps(words));

                    var factPredicted = Labelled(Framing);
                    fact.Add(chunk.Type.EndsWith("_FACT", StringComparison.Ordinal), factPredicted);
                    if (show && chunk.Type.EndsWith("_FACT", StringComparison.Ordinal) != factPredicted)
                    {
                        Console.WriteLine($"  fact {(factPredicted ? "extra" : "missed")} [{chunk.Type}] {chunk.Left} <==> {chunk.Right} | {pair.Left} || {pair.Right}");
                    }

                    var aligned = !chunk.Type.StartsWith("NOALI", StringComparison.Ordinal);
                    if (aligned && HasNumber().IsMatch(chunk.Left) && HasNumber().IsMatch(chunk.Right))
                    {
                        var conflict = Labelled(Conflicts);
                        number.Add(!chunk.Type.StartsWith("EQUI", StringComparison.Ordinal), conflict);
                        if (show && conflict == chunk.Type.StartsWith("EQUI", StringComparison.Ordinal))
                        {
                            Console.WriteLine($"  number {(conflict ? "extra" : "missed")} [{chunk.Type}] {chunk.Left} <==> {chunk.Right}");
                        }
                    }

                    if (chunk.Type.StartsWith("EQUI", StringComparison.Ordinal))
                    {
                        equi++;
                        equiConflicts += Labelled(Conflicts) ? 1 : 0;
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{split}: {pairs.Count} pairs; _FACT chunks: {fact.Positives}, labelled hedge/modality/attribution: {fact.Predicted}; {fact}; " +
                $"chunks with numbers on both sides: {number.Positives} non-EQUI / {number.Total} ; number conflict {number}; EQUI chunks: {equi}, with a number/date/time conflict: {equiConflicts}"));
        }

        return 0;
    }

    private static List<Difference> Classify(string a, string b)
    {
        var left = StatementAnalyzer.Analyze(new Statement(0, 0, a, 1, 1));
        var right = StatementAnalyzer.Analyze(new Statement(1, 0, b, 1, 1));
        return DifferenceFinder.Find(WordDiff.Diff([left], [right]), [left], [right]).Differences;
    }

    private static HashSet<string> Words(string text) =>
        [.. Tokenizer.Tokenize(text).Where(t => t.Kind != TokenKind.Punctuation && !StopWords.Contains(t.Norm) || t.Norm is "may" or "might" or "could" or "would" or "will" or "say" or "says" or "said").Select(t => t.Norm)];

    private static List<Pair> Load(string directory, string split)
    {
        var path = Directory.GetFiles(Path.Combine(directory, split), "*.wa").Single();
        var pairs = new List<Pair>();
        var comments = new List<string>();
        List<Chunk>? chunks = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("<sentence", StringComparison.Ordinal))
            {
                comments.Clear();
                chunks = [];
            }
            else if (line.StartsWith("// ", StringComparison.Ordinal) && chunks is { Count: 0 } && comments.Count < 2)
            {
                comments.Add(line[3..]);
            }
            else if (chunks is not null && AlignmentLine().Match(line) is { Success: true } m)
            {
                chunks.Add(new Chunk(m.Groups["type"].Value, Clean(m.Groups["left"].Value), Clean(m.Groups["right"].Value)));
            }
            else if (line.StartsWith("</sentence", StringComparison.Ordinal) && chunks is not null && comments.Count == 2)
            {
                pairs.Add(new Pair(Detokenize(comments[0]), Detokenize(comments[1]), chunks));
                chunks = null;
            }
        }

        return pairs;
    }

    private static string Clean(string chunk) => chunk == "-not aligned-" ? string.Empty : Detokenize(chunk);

    /// <summary>The data is tokenised ("China 's", "U.S. -RRB-"): join it back as a headline is written.</summary>
    private static string Detokenize(string text) =>
        text.Replace(" 's", "'s", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal)
            .Replace("-LRB- ", "(", StringComparison.Ordinal).Replace(" -RRB-", ")", StringComparison.Ordinal)
            .Replace("` ", "'", StringComparison.Ordinal).Replace(" '", "'", StringComparison.Ordinal).Trim();

    /// <summary>Precision and recall of a yes/no label against gold.</summary>
    private sealed class Counts
    {
        public int Total { get; private set; }

        public int Positives { get; private set; }

        public int Predicted { get; private set; }

        public int Correct { get; private set; }

        public void Add(bool gold, bool predicted)
        {
            Total++;
            Positives += gold ? 1 : 0;
            Predicted += predicted ? 1 : 0;
            Correct += gold && predicted ? 1 : 0;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"precision {Ratio(Correct, Predicted)}, recall {Ratio(Correct, Positives)}");

        private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture) + $" ({a}/{b})";
    }
}
