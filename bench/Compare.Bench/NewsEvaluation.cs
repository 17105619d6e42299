using System.Globalization;
using System.Text;
using System.Text.Json;
using Compare.Core;
using Compare.Core.Diffing;
using Compare.Core.Reports;

namespace Compare.Bench;

/// <summary>
/// Scores alignment and difference labels on real article pairs with hand-made gold
/// (<c>../shared/data/news-pairs</c>), with the same rules as <c>shared/tools/score_news.py</c>:
/// recall (gold pairs whose two fragments fall in one aligned group), closed-world precision (statement
/// pairs inside groups that match a gold or optional pair) and, per kind, labels right / flagged / gold.
/// Usage: <c>news [DATA_DIR] [--threshold X] [--json DIR] [--set build|check] [-v]</c>: <c>--json</c> writes each pair's JSON
/// report for the reference scorer; <c>--set</c> scores one set alone (develop with <c>--set build</c>: the check set's
/// figures stay unseen); <c>-v</c> lists the misses and wrong pairs.
/// </summary>
internal static class NewsEvaluation
{
    /// <summary>The difference kinds the gold labels (wording, addition and omission are not scored).</summary>
    internal static readonly string[] Kinds = ["attribution", "hedge", "modality", "quotation", "naming", "number", "date", "time"];

    /// <summary>
    /// The check set: the gold files the data's README lists under "Check set:", looked at only to check
    /// whether a change holds on articles it was not made for. The others are the build set, tuned on.
    /// </summary>
    internal static HashSet<string> CheckSet(string directory)
    {
        var readme = Path.Combine(directory, "README.md");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var listing = false;
        foreach (var line in File.Exists(readme) ? File.ReadLines(readme) : [])
        {
            listing |= line.StartsWith("Check set:", StringComparison.Ordinal);
            if (listing && System.Text.RegularExpressions.Regex.Match(line, @"^- `gold/(?<name>[^`]+)\.json`") is { Success: true } match)
            {
                names.Add(match.Groups["name"].Value);
            }
        }

        return names;
    }

    internal sealed record GoldPair(string A, string B, IReadOnlySet<string> Kinds, string Note);

    internal sealed record Gold(string Name, string Event, string A, string B, List<GoldPair> Pairs, List<GoldPair> Optional);

    /// <summary>Counts for one article pair or a sum of them.</summary>
    internal sealed class Score
    {
        public int Found { get; set; }

        /// <summary>Gold pairs with a fragment in an article's first line (its headline), and how many of them were found.</summary>
        public int HeadlineTotal { get; set; }

        public int HeadlineFound { get; set; }

        public int Total { get; set; }

        public int Right { get; set; }

        public int Wrong { get; set; }

        public Dictionary<string, (int Right, int False, int Missed)> Labels { get; } = Kinds.ToDictionary(k => k, _ => (0, 0, 0));

        public int Groups { get; set; }

        /// <summary>Per sort of label (<see cref="LabelConfidence.Sort"/>): right and flagged.</summary>
        public SortedDictionary<string, (int Right, int Flagged)> Sorts { get; } = new(StringComparer.Ordinal);

        public double Recall => Total == 0 ? 0 : (double)Found / Total;

        public double Precision => Right + Wrong == 0 ? 0 : (double)Right / (Right + Wrong);

        public (int Right, int Flagged, int Gold) Label(string kind) =>
            (Labels[kind].Right, Labels[kind].Right + Labels[kind].False, Labels[kind].Right + Labels[kind].Missed);

        public (int Right, int Flagged, int Gold) AllLabels =>
            (Labels.Values.Sum(l => l.Right), Labels.Values.Sum(l => l.Right + l.False), Labels.Values.Sum(l => l.Right + l.Missed));

        public void Add(Score other)
        {
            Found += other.Found;
            Total += other.Total;
            HeadlineFound += other.HeadlineFound;
            HeadlineTotal += other.HeadlineTotal;
            Right += other.Right;
            Wrong += other.Wrong;
            Groups += other.Groups;
            foreach (var kind in Kinds)
            {
                var (r, f, m) = Labels[kind];
                var (or, of, om) = other.Labels[kind];
                Labels[kind] = (r + or, f + of, m + om);
            }

            foreach (var (sort, (right, flagged)) in other.Sorts)
            {
                var (r, f) = Sorts.GetValueOrDefault(sort);
                Sorts[sort] = (r + right, f + flagged);
            }
        }
    }

    public static int Run(string[] args)
    {
        var directory = Path.Combine("..", "shared", "data", "news-pairs");
        var verbose = false;
        string? jsonDirectory = null;
        string? scored = null;
        var options = Compare.Core.CompareOptions.Default;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-v":
                    verbose = true;
                    break;
                case "--threshold" when i + 1 < args.Length:
                    options = options with { Threshold = double.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--json" when i + 1 < args.Length:
                    jsonDirectory = args[++i];
                    break;
                case "--set" when i + 1 < args.Length && args[i + 1] is "build" or "check":
                    scored = args[++i];
                    break;
                default:
                    directory = args[i];
                    break;
            }
        }

        var all = new Score();
        var onGold = new Score();
        var dev = new Score();
        var test = new Score();
        var rows = new List<(string Name, Score Score)>();
        var onlyIn = new OnlyInScore();
        var onlyInBuild = new OnlyInScore();
        var onlyInCheck = new OnlyInScore();
        var check = CheckSet(directory);
        var golds = Load(directory).Where(g => scored is null || check.Contains(g.Name) == (scored == "check")).ToList();
        bool IsCheck(string name) => check.Contains(name);
        foreach (var gold in golds)
        {
            var a = Comparison.ReadFile(Path.Combine(directory, gold.Event, gold.A), options);
            var b = Comparison.ReadFile(Path.Combine(directory, gold.Event, gold.B), options);
            var result = Comparison.Compare([a, b], options);
            if (jsonDirectory is not null)
            {
                Directory.CreateDirectory(jsonDirectory);
                File.WriteAllText(Path.Combine(jsonDirectory, gold.Name + ".json"), Report.ToJson(result));
            }

            static string FirstLine(string path) => File.ReadLines(path).FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty;
            var score = Evaluate(gold, result, verbose ? Console.Out : null, (FirstLine(Path.Combine(directory, gold.Event, gold.A)), FirstLine(Path.Combine(directory, gold.Event, gold.B))));
            onGold.Add(LabelGoldPairs(gold, result, verbose ? Console.Out : null));
            var only = OnlyIn(gold, result);
            onlyIn.Add(only);
            (IsCheck(gold.Name) ? onlyInCheck : onlyInBuild).Add(only);
            rows.Add((gold.Name, score));
            all.Add(score);
            (IsCheck(gold.Name) ? test : dev).Add(score);
        }

        var (threeWay, pairwise) = ThreeOutlets(directory, options, golds);
        var (threeRight, threeFlagged, _) = threeWay.AllLabels;
        var (pairRight, pairFlagged, _) = pairwise.AllLabels;

        Console.WriteLine("| pair | gold pairs | found | recall | aligned statement pairs | precision | labels right/flagged |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, score) in rows)
        {
            var labels = score.AllLabels;
            Console.WriteLine(Invariant($"| {name}{(IsCheck(name) ? " (check)" : string.Empty)} | {score.Total} | {score.Found} | {score.Recall:0.00} | {score.Right + score.Wrong} | {score.Precision:0.00} | {labels.Right}/{labels.Flagged} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Labels in aligned groups, build set:");
        Console.WriteLine();
        KindTable(dev);
        Console.WriteLine();
        Console.WriteLine("Labels in aligned groups, check set:");
        Console.WriteLine();
        KindTable(test);

        Console.WriteLine();
        Console.WriteLine("Labels on the gold pairs themselves (each pair's two statements compared as if aligned):");
        Console.WriteLine();
        KindTable(onGold);
        Console.WriteLine();
        Console.WriteLine("Labels on the gold pairs by sort (right, flagged; the rows of Lexicons/label-confidence.tsv when run on the build set), with the confidence the tool now gives each sort:");
        Console.WriteLine();
        foreach (var (sort, (right, flagged)) in onGold.Sorts)
        {
            Console.WriteLine(Invariant($"{sort}\t{right}\t{flagged}\t{LabelConfidence.Of(sort):0.00}"));
        }

        var (onGoldRight, onGoldFlagged, onGoldTotal) = onGold.AllLabels;
        Console.WriteLine(Invariant($"gold pairs: {onGold.Total} statement pairs, labels precision {onGoldRight}/{onGoldFlagged} = {Ratio(onGoldRight, onGoldFlagged)}, recall {onGoldRight}/{onGoldTotal} = {Ratio(onGoldRight, onGoldTotal)}"));
        Console.WriteLine();
        Summary(Invariant($"build set ({rows.Count(r => !IsCheck(r.Name))} pairs)"), dev);
        Summary(Invariant($"check set ({rows.Count(r => IsCheck(r.Name))} pairs)"), test);
        Summary("all", all);
        Console.WriteLine(Invariant(
            $"only in one article: {onlyIn.Unmatched} statements ({onlyIn.Unmatched - onlyIn.WithPartner} of them have no gold partner = {Ratio(onlyIn.Unmatched - onlyIn.WithPartner, onlyIn.Unmatched)}); {onlyIn.Alone} resemble nothing in the other ({onlyIn.Alone - onlyIn.AloneWithPartner} of them have no gold partner = {Ratio(onlyIn.Alone - onlyIn.AloneWithPartner, onlyIn.Alone)}); {onlyIn.Near} resemble a statement of the other ({onlyIn.NearRight} of those a gold or optional partner = {Ratio(onlyIn.NearRight, onlyIn.Near)}); {onlyIn.MissedShown} of {onlyIn.Missed} missed gold statement pairs shown so"));
        foreach (var (name, o) in new[] { ("build set", onlyInBuild), ("check set", onlyInCheck) })
        {
            Console.WriteLine(Invariant(
                $"likely counterparts, {name}: closest right {o.NearRight}/{o.Near} = {Ratio(o.NearRight, o.Near)}; gold statement pairs aligned {o.Pairs - o.Missed}/{o.Pairs} = {Ratio(o.Pairs - o.Missed, o.Pairs)}, aligned or shown as a likely counterpart {o.Pairs - o.Missed + o.MissedShown}/{o.Pairs} = {Ratio(o.Pairs - o.Missed + o.MissedShown, o.Pairs)}; mutual (each the other's closest) {o.MutualRight}/{o.Mutual} = {Ratio(o.MutualRight, o.Mutual)}; aligned in a group {o.InGroupRight}/{o.InGroup} = {Ratio(o.InGroupRight, o.InGroup)}; other {o.NearRight - o.MutualRight - o.InGroupRight}/{o.Near - o.Mutual - o.InGroup}"));
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"three outlets in one comparison ({threeWay.Groups} claims with the gold pair's two outlets): recall {threeWay.Found}/{threeWay.Total} = {threeWay.Recall:0.00}, precision {threeWay.Right}/{threeWay.Right + threeWay.Wrong} = {threeWay.Precision:0.00}, labels precision {threeRight}/{threeFlagged} = {Ratio(threeRight, threeFlagged)}"));
        Console.WriteLine(Invariant($"the same gold, each pair compared alone: recall {pairwise.Found}/{pairwise.Total} = {pairwise.Recall:0.00}, precision {pairwise.Right}/{pairwise.Right + pairwise.Wrong} = {pairwise.Precision:0.00}, labels precision {pairRight}/{pairFlagged} = {Ratio(pairRight, pairFlagged)}"));
        return 0;
    }

    /// <summary>The outlets of an event folder, in the order they are compared.</summary>
    private static readonly string[] Outlets = ["nyt.txt", "fox.txt", "hpo.txt"];

    /// <summary>
    /// Each event's three articles compared in one comparison, scored on every gold pair of the event: the
    /// 3-way result seen from the pair's two outlets (the claims holding both, their statements of those two,
    /// and the labels of a comparison between the two), against the same gold scored on the pair alone.
    /// </summary>
    private static (Score ThreeWay, Score Pairwise) ThreeOutlets(string directory, Compare.Core.CompareOptions options, List<Gold> golds)
    {
        var threeWay = new Score();
        var pairwise = new Score();
        foreach (var byEvent in golds.GroupBy(g => g.Event))
        {
            var outlets = Outlets.Where(o => File.Exists(Path.Combine(directory, byEvent.Key, o))).ToList();
            if (outlets.Count < 3)
            {
                continue;
            }

            var three = Comparison.Compare([.. outlets.Select(o => Comparison.ReadFile(Path.Combine(directory, byEvent.Key, o), options))], options);
            foreach (var gold in byEvent)
            {
                threeWay.Add(Evaluate(gold, Seen(three, outlets.IndexOf(gold.A), outlets.IndexOf(gold.B)), null));
                var alone = Comparison.Compare(
                    [Comparison.ReadFile(Path.Combine(directory, gold.Event, gold.A), options), Comparison.ReadFile(Path.Combine(directory, gold.Event, gold.B), options)], options);
                pairwise.Add(Evaluate(gold, alone, null));
            }
        }

        return (threeWay, pairwise);
    }

    /// <summary>A comparison of several sources as two of them see it: sources <paramref name="a"/> and <paramref name="b"/> renumbered 0 and 1.</summary>
    private static ComparisonResult Seen(ComparisonResult result, int a, int b)
    {
        int Of(int source) => source == a ? 0 : 1;
        var groups = result.Alignments
            .Where(g => g.Statements.Any(s => s.Source == a) && g.Statements.Any(s => s.Source == b))
            .Select(g => g with
            {
                Statements = [.. g.Statements.Where(s => s.Source == a || s.Source == b).Select(s => s with { Source = Of(s.Source) })],
                Differences =
                [
                    .. g.Comparisons.Where(c => (c.Source, c.OtherSource) == (a, b) || (c.Source, c.OtherSource) == (b, a))
                        .SelectMany(c => c.Differences)
                        .Select(d => d with { Source = Of(d.Source), OtherSource = d.OtherSource is { } o ? Of(o) : null }),
                ],
            });
        return result with
        {
            Sources = [result.Sources[a] with { Index = 0 }, result.Sources[b] with { Index = 1 }],
            Alignments = [.. groups],
            Unmatched = [.. result.Unmatched.Where(s => s.Source == a || s.Source == b).Select(s => s with { Source = Of(s.Source) })],
        };
    }

    private static void KindTable(Score score)
    {
        Console.WriteLine("| kind | right | flagged | gold | precision | recall |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var kind in Kinds)
        {
            var (right, flagged, goldCount) = score.Label(kind);
            Console.WriteLine(Invariant($"| {kind} | {right} | {flagged} | {goldCount} | {Ratio(right, flagged)} | {Ratio(right, goldCount)} |"));
        }
    }

    /// <summary>
    /// The labels of each gold pair's two statements compared on their own, as if aligned (alignment left
    /// out): per kind, right when the gold gives the kind, false when it does not. Pairs of fragments in the
    /// same two statements count once, with their kinds together.
    /// </summary>
    internal static Score LabelGoldPairs(Gold gold, ComparisonResult result, TextWriter? log)
    {
        var score = new Score();
        var statements = StatementsOf(result);
        var pairs = new Dictionary<(int, int), (Statement A, Statement B, List<GoldPair> Held)>();
        foreach (var pair in gold.Pairs)
        {
            if (Holding(statements, 0, pair.A) is not { } a || Holding(statements, 1, pair.B) is not { } b)
            {
                continue;
            }

            if (!pairs.TryGetValue((a.Index, b.Index), out var entry))
            {
                pairs[(a.Index, b.Index)] = entry = (a, b, []);
            }

            entry.Held.Add(pair);
        }

        // Pronoun speakers are resolved as the comparison resolves them: from each source's statements in order.
        var analyzed = Enumerable.Range(0, 2)
            .Select(source => statements.Where(s => s.Source == source).OrderBy(s => s.Index).Select(Compare.Core.Analysis.StatementAnalyzer.Analyze).ToArray())
            .ToArray();
        var antecedents = analyzed.Select(Compare.Core.Analysis.Coreference.Contexts).ToArray();
        foreach (var (a, b, held) in pairs.Values)
        {
            score.Total++;
            var left = analyzed[0][a.Index];
            var right = analyzed[1][b.Index];
            var (differences, _) = Compare.Core.Diffing.DifferenceFinder.Find(
                Compare.Core.Diffing.WordDiff.Diff([left], [right]), [left], [right], s => antecedents[s.Statement.Source][s.Statement.Index]);
            Tally(score, differences, held, log, gold.Name + " gold pair,", $"\n      A: {a.Text}\n      B: {b.Text}");
        }

        return score;
    }

    /// <summary>
    /// Counts one group's (or gold pair's) labels per kind: right when the gold gives the kind, false when
    /// it does not, missed when the gold gives a kind the labels lack (only where gold pairs are held).
    /// </summary>
    private static void Tally(
        Score score,
        IReadOnlyList<Difference> flagged,
        List<GoldPair> held,
        TextWriter? log,
        string name,
        string context = "")
    {
        var goldKinds = held.SelectMany(p => p.Kinds).ToHashSet();
        var kinds = flagged.Select(d => DifferenceKinds.Name(d.Kind)).ToHashSet();
        foreach (var sort in flagged.Where(d => Kinds.Contains(DifferenceKinds.Name(d.Kind))).GroupBy(LabelConfidence.Sort))
        {
            var (r, f) = score.Sorts.GetValueOrDefault(sort.Key!);
            score.Sorts[sort.Key!] = (r + (goldKinds.Contains(DifferenceKinds.Name(sort.First().Kind)) ? 1 : 0), f + 1);
        }

        foreach (var kind in Kinds)
        {
            var (right, wrong, missed) = score.Labels[kind];
            if (kinds.Contains(kind) && goldKinds.Contains(kind))
            {
                score.Labels[kind] = (right + 1, wrong, missed);
                log?.WriteLine(Invariant($"  {name} right {kind}: {string.Join(" | ", flagged.Where(d => DifferenceKinds.Name(d.Kind) == kind).Select(d => d.Detail))}{context}"));
            }
            else if (kinds.Contains(kind))
            {
                score.Labels[kind] = (right, wrong + 1, missed);
                log?.WriteLine(Invariant($"  {name} false {kind}: {string.Join(" | ", flagged.Where(d => DifferenceKinds.Name(d.Kind) == kind).Select(d => d.Detail))}{context}"));
            }
            else if (goldKinds.Contains(kind) && held.Count > 0)
            {
                score.Labels[kind] = (right, wrong, missed + 1);
                log?.WriteLine(Invariant($"  {name} missed {kind}: {string.Join(" | ", held.Where(p => p.Kinds.Contains(kind) && p.Note.Length > 0).Select(p => p.Note))}"));
            }
        }
    }

    private static void Summary(string name, Score score)
    {
        var (right, flagged, gold) = score.AllLabels;
        Console.WriteLine(Invariant(
            $"{name}: recall {score.Found}/{score.Total} = {score.Recall:0.00}, precision {score.Right}/{score.Right + score.Wrong} = {score.Precision:0.00}, labels precision {right}/{flagged} = {Ratio(right, flagged)}, recall {right}/{gold} = {Ratio(right, gold)}; gold pairs with a headline found {score.HeadlineFound}/{score.HeadlineTotal}"));
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static List<Gold> Load(string directory)
    {
        var golds = new List<Gold>();
        foreach (var path in Directory.GetFiles(Path.Combine(directory, "gold"), "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            golds.Add(new Gold(
                Path.GetFileNameWithoutExtension(path),
                root.GetProperty("event").GetString()!,
                root.GetProperty("a").GetString()!,
                root.GetProperty("b").GetString()!,
                Pairs(root, "pairs"),
                Pairs(root, "optional_pairs")));
        }

        return golds;
    }

    private static List<GoldPair> Pairs(JsonElement root, string name) =>
        root.TryGetProperty(name, out var pairs)
            ? [.. pairs.EnumerateArray().Select(p => new GoldPair(
                Normalize(p.GetProperty("a").GetString()),
                Normalize(p.GetProperty("b").GetString()),
                p.TryGetProperty("kinds", out var kinds) ? kinds.EnumerateArray().Select(k => k.GetString()!).ToHashSet() : new HashSet<string>(),
                p.TryGetProperty("note", out var note) ? note.GetString() ?? string.Empty : string.Empty))]
            : [];

    /// <summary>The scorer's normalisation: NFKC, straight quotes, no-break spaces as spaces, lower case, collapsed spaces, no final stop.</summary>
    public static string Normalize(string? text)
    {
        var s = (text ?? string.Empty).Normalize(NormalizationForm.FormKC)
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201c', '"').Replace('\u201d', '"').Replace('\u00a0', ' ');
        s = string.Join(' ', s.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.TrimEnd('.', '!', '?', ' ');
    }

    /// <summary>Scores one comparison against its gold, as the reference scorer does.</summary>
    public static Score Evaluate(Gold gold, ComparisonResult result, TextWriter? log, (string A, string B)? firstLines = null)
    {
        var score = new Score();
        var (headlineA, headlineB) = firstLines is { } lines ? (Normalize(lines.A), Normalize(lines.B)) : (string.Empty, string.Empty);
        var groups = result.Alignments.Select(g => (
            A: g.Statements.Where(s => s.Source == 0).Select(s => Normalize(s.Text)).ToList(),
            B: g.Statements.Where(s => s.Source == 1).Select(s => Normalize(s.Text)).ToList(),
            Kinds: g.Differences.Select(d => DifferenceKinds.Name(d.Kind)).Where(Kinds.Contains).ToHashSet(),
            Group: g)).ToList();
        score.Groups = groups.Count;

        foreach (var pair in gold.Pairs)
        {
            score.Total++;
            var headline = (headlineA.Length > 0 && headlineA.Contains(pair.A, StringComparison.Ordinal)) || (headlineB.Length > 0 && headlineB.Contains(pair.B, StringComparison.Ordinal));
            score.HeadlineTotal += headline ? 1 : 0;
            if (groups.Any(g => g.A.Any(t => t.Contains(pair.A, StringComparison.Ordinal)) && g.B.Any(t => t.Contains(pair.B, StringComparison.Ordinal))))
            {
                score.Found++;
                score.HeadlineFound += headline ? 1 : 0;
            }
            else
            {
                log?.WriteLine(Invariant($"  {gold.Name} missed: {Where(result, 0, pair.A)} ~ {Where(result, 1, pair.B)}\n      {Short(pair.A)} ~ {Short(pair.B)}"));
            }
        }

        foreach (var (a, b, kinds, group) in groups)
        {
            var held = gold.Pairs
                .Where(p => a.Any(t => t.Contains(p.A, StringComparison.Ordinal)) && b.Any(t => t.Contains(p.B, StringComparison.Ordinal)))
                .ToList();
            foreach (var ta in a)
            {
                foreach (var tb in b)
                {
                    if (gold.Pairs.Concat(gold.Optional).Any(p => ta.Contains(p.A, StringComparison.Ordinal) && tb.Contains(p.B, StringComparison.Ordinal)))
                    {
                        score.Right++;
                    }
                    else
                    {
                        score.Wrong++;
                        log?.WriteLine(Invariant($"  {gold.Name} wrong ({group.Score:0.00}): {Short(ta)} ~ {Short(tb)}"));
                    }
                }
            }

            Tally(score, group.Differences, held, log, gold.Name);
        }

        return score;
    }

    /// <summary>How far the "only in" lists can be trusted: unmatched statements with and without a near match, against the gold.</summary>
    internal sealed class OnlyInScore
    {
        public int Unmatched { get; set; }

        /// <summary>Unmatched statements that resemble nothing in the other article, and of them those with a gold partner.</summary>
        public int Alone { get; set; }

        public int AloneWithPartner { get; set; }

        /// <summary>Near misses, and of them those whose closest statement is a gold or optional partner.</summary>
        public int Near { get; set; }

        public int NearRight { get; set; }

        /// <summary>Near misses whose closest statement is unmatched too and has this one as its closest, and of them the right ones.</summary>
        public int Mutual { get; set; }

        public int MutualRight { get; set; }

        /// <summary>Near misses whose closest statement is aligned in a group, and of them the right ones.</summary>
        public int InGroup { get; set; }

        public int InGroupRight { get; set; }

        /// <summary>Unmatched statements with a gold partner, near match or not.</summary>
        public int WithPartner { get; set; }

        /// <summary>Gold statement pairs not in one group, and of them those a near match shows.</summary>
        public int Missed { get; set; }

        public int MissedShown { get; set; }

        /// <summary>Gold statement pairs in all.</summary>
        public int Pairs { get; set; }

        public void Add(OnlyInScore other)
        {
            Pairs += other.Pairs;
            Unmatched += other.Unmatched;
            Alone += other.Alone;
            Mutual += other.Mutual;
            MutualRight += other.MutualRight;
            InGroup += other.InGroup;
            InGroupRight += other.InGroupRight;
            AloneWithPartner += other.AloneWithPartner;
            Near += other.Near;
            NearRight += other.NearRight;
            WithPartner += other.WithPartner;
            Missed += other.Missed;
            MissedShown += other.MissedShown;
        }
    }

    /// <summary>
    /// Scores the "only in" lists: an unmatched statement shown as resembling nothing should have no gold
    /// partner, and a near match should point to one. Counted on statements (a statement's gold partners are
    /// those of the gold and optional pairs whose fragment it holds).
    /// </summary>
    internal static OnlyInScore OnlyIn(Gold gold, ComparisonResult result)
    {
        var score = new OnlyInScore();
        var statements = StatementsOf(result);

        // The statement pairs of the gold (true) and optional (false) pairs.
        var partners = new Dictionary<(int A, int B), bool>();
        foreach (var (pairs, isGold) in new[] { (gold.Optional, false), (gold.Pairs, true) })
        {
            foreach (var pair in pairs)
            {
                if (Holding(statements, 0, pair.A)?.Index is { } a && Holding(statements, 1, pair.B)?.Index is { } b)
                {
                    partners[(a, b)] = isGold || partners.GetValueOrDefault((a, b));
                }
            }
        }

        // The closest (the most likely counterpart) of each statement shown with one, and every one shown.
        var near = result.NearMatches.GroupBy(n => (n.Statement.Source, n.Statement.Index)).ToDictionary(g => g.Key, g => g.First().Closest.Index);
        var shown = result.NearMatches.Select(n => (n.Statement.Source, n.Statement.Index, n.Closest.Index)).ToHashSet();
        foreach (var statement in result.Unmatched)
        {
            score.Unmatched++;
            var hasPartner = partners.Any(p => p.Value && (statement.Source == 0 ? p.Key.A : p.Key.B) == statement.Index);
            score.WithPartner += hasPartner ? 1 : 0;
            bool IsPartner(int other, bool goldOnly) =>
                partners.TryGetValue(statement.Source == 0 ? (statement.Index, other) : (other, statement.Index), out var isGold) && (isGold || !goldOnly);
            if (near.TryGetValue((statement.Source, statement.Index), out var closest))
            {
                score.Near++;
                var right = IsPartner(closest, goldOnly: false);
                score.NearRight += right ? 1 : 0;
                var other = (1 - statement.Source, closest);
                if (near.TryGetValue(other, out var back) && back == statement.Index)
                {
                    score.Mutual++;
                    score.MutualRight += right ? 1 : 0;
                }
                else if (!near.ContainsKey(other) && !result.Unmatched.Any(u => (u.Source, u.Index) == other))
                {
                    score.InGroup++;
                    score.InGroupRight += right ? 1 : 0;
                }
            }
            else
            {
                score.Alone++;
                score.AloneWithPartner += hasPartner ? 1 : 0;
            }
        }

        var groupOf = ReportFacts.GroupOf(result);
        foreach (var ((a, b), _) in partners.Where(p => p.Value))
        {
            score.Pairs++;
            if (groupOf.TryGetValue((0, a), out var ga) && groupOf.TryGetValue((1, b), out var gb) && ga == gb)
            {
                continue;
            }

            score.Missed++;
            score.MissedShown += shown.Contains((0, a, b)) || shown.Contains((1, b, a)) ? 1 : 0;
        }

        return score;
    }

    /// <summary>All statements of a comparison, aligned or not.</summary>
    internal static List<Statement> StatementsOf(ComparisonResult result) =>
        [.. result.Alignments.SelectMany(g => g.Statements).Concat(result.Unmatched)];

    /// <summary>The first statement of a source, in document order, that holds a gold fragment.</summary>
    internal static Statement? Holding(List<Statement> statements, int source, string fragment) =>
        statements.Where(s => s.Source == source).OrderBy(s => s.Index).FirstOrDefault(s => Normalize(s.Text).Contains(fragment, StringComparison.Ordinal));

    /// <summary>Where a fragment sits: "unmatched" or "in a group with" the other side's statements, for the verbose listing.</summary>
    private static string Where(ComparisonResult result, int source, string fragment)
    {
        var group = result.Alignments.FirstOrDefault(g => g.Statements.Any(s => s.Source == source && Normalize(s.Text).Contains(fragment, StringComparison.Ordinal)));
        return group is null ? "unmatched" : Invariant($"grouped ({group.Score:0.00})");
    }

    private static string Short(string text) => text.Length <= 70 ? text : text[..70] + "…";
}
