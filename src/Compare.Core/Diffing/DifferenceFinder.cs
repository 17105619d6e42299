using System.Globalization;
using System.Runtime.InteropServices;
using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

/// <summary>
/// Says what kind each difference in an aligned group is: attribution, hedge, modality, quotation,
/// naming, conflicting numbers, dates and times, and what is left of the word diff — additions,
/// omissions and rewordings. Words a labelled difference explains are not reported again as wording.
/// Source 0 is called A and source 1 B in the plain-words details.
/// </summary>
internal static class DifferenceFinder
{
    public static (List<Difference> Differences, List<SameValue> SameValues) Find(
        IReadOnlyList<DiffRun> runs, IReadOnlyList<AnalyzedStatement> left, IReadOnlyList<AnalyzedStatement> right)
    {
        var group = new Group([Side.Of(left), Side.Of(right)], runs);
        Attribution(group);
        Hedges(group);
        Modality(group);
        Quotation(group);
        Naming(group);
        Values(group);
        Residual(group);
        return (group.Differences, group.SameValues);
    }

    private static string Label(int source) => Report.Label(source);

    private static void Attribution(Group group)
    {
        var sides = group.Items(f => f.Frames);
        for (var s = 1; s >= 0; s--)
        {
            var o = 1 - s;
            var frames = sides[s];
            var others = sides[o];
            foreach (var (statement, frame) in frames)
            {
                if (others.Any(g => SameSpeaker(frame, g.Item) && g.Item.Stance == frame.Stance))
                {
                    continue;
                }

                string detail;
                if (others.Length == 0)
                {
                    detail = $"{Label(o)} states it as fact; {Label(s)} attributes it {Whom(frame)}: “{frame.Text}” ({frame.Verb}: {Word(frame.Stance)})";
                }
                else if (s == 0)
                {
                    // Both sides attribute it and B's frames were reported against A's already.
                    continue;
                }
                else
                {
                    var other = others.FirstOrDefault(g => SameSpeaker(frame, g.Item)).Item ?? others[0].Item;
                    var what = SameSpeaker(frame, other) ? "different stance" : "different speakers";
                    detail = $"{what} — {Label(o)}: “{other.Text}” ({other.Verb}: {Word(other.Stance)}); {Label(s)}: “{frame.Text}” ({frame.Verb}: {Word(frame.Stance)})";
                    group.Explain(o, others.First(g => g.Item == other).Statement, other.Start, other.End);
                }

                group.Explain(s, statement, frame.Start, frame.End);
                group.Differences.Add(new Difference(DifferenceKind.Attribution, s, frame.Text, detail));
            }
        }
    }

    private static bool SameSpeaker(Frame a, Frame b) =>
        a.SpeakerKey == b.SpeakerKey || a.SpeakerKey == "*" || b.SpeakerKey == "*";

    private static string Whom(Frame frame) => frame.Speaker.Length == 0 ? "without naming a source" : "to " + frame.Speaker;

    private static string Word(Stance stance) => stance.ToString().ToLowerInvariant();

    private static void Hedges(Group group)
    {
        var hedges = group.Items(f => f.Hedges);
        if (hedges[0].Length + hedges[1].Length == 0)
        {
            return;
        }

        for (var s = 1; s >= 0; s--)
        {
            var others = hedges[1 - s].Select(h => h.Item.Key).ToHashSet(StringComparer.Ordinal);
            var only = hedges[s].Where(h => !others.Contains(h.Item.Key)).ToList();
            if (only.Count == 0)
            {
                continue;
            }

            var words = string.Join(", ", only.Select(h => h.Item.Text));
            foreach (var (statement, cue) in only)
            {
                group.Explain(s, statement, cue.Start, cue.End);
            }

            group.Differences.Add(new Difference(
                DifferenceKind.Hedge,
                s,
                words,
                s == 1 ? $"added in B: {words}" : $"only in A (removed in B): {words}"));
        }
    }

    private static void Modality(Group group)
    {
        var sides = group.Items(f => f.Modals);
        if (sides[0].Length + sides[1].Length == 0)
        {
            return;
        }

        var only = new[]
        {
            sides[0].Where(m => !sides[1].Any(n => n.Item.Key == m.Item.Key)).ToList(),
            sides[1].Where(m => !sides[0].Any(n => n.Item.Key == m.Item.Key)).ToList(),
        };
        if (only[0].Count == 0 && only[1].Count == 0)
        {
            return;
        }

        for (var s = 0; s < 2; s++)
        {
            foreach (var (statement, cue) in only[s])
            {
                group.Explain(s, statement, cue.Start, cue.End);
            }
        }

        var texts = only.Select(o => o.Count == 0 ? "—" : string.Join(", ", o.Select(m => m.Item.Text))).ToArray();
        var strength = only.All(o => o.Count > 0) ? $" ({Strength(only[0][0].Item)} → {Strength(only[1][0].Item)})" : string.Empty;
        var source = only[1].Count > 0 ? 1 : 0;
        group.Differences.Add(new Difference(
            DifferenceKind.Modality,
            source,
            texts[source],
            $"A: {texts[0]}; B: {texts[1]}{strength}",
            1 - source,
            texts[1 - source]));
    }

    private static string Strength(Cue modal) => Lexicon.ModalIsStrong[modal.Key] ? "strong" : "weak";

    private static void Quotation(Group group)
    {
        var quotes = group.Items(f => f.Quotes);
        if (quotes[0].Length + quotes[1].Length == 0)
        {
            return;
        }

        for (var s = 1; s >= 0; s--)
        {
            var o = 1 - s;
            var otherQuotes = quotes[o].Select(q => q.Item.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var (statement, quote) in quotes[s])
            {
                if (otherQuotes.Contains(quote.Key))
                {
                    continue;
                }

                var words = quote.Key.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
                var plain = group.Sides[o].Statements
                    .SelectMany(a => a.Tokens)
                    .Where(t => t.Kind == TokenKind.Word && !StopWords.Contains(t.Norm) && words.Any(w => t.Norm.Split('-').Contains(w)))
                    .Select(t => t.Norm)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                var detail = plain.Count > 0
                    ? $"{Label(s)} puts {quote.Text} in quotation marks; {Label(o)} writes {string.Join(", ", plain)} without them"
                    : words.Length <= 5
                        ? $"scare quotes in {Label(s)}: {quote.Text}"
                        : $"{Label(s)} quotes directly: {quote.Text}";
                group.Explain(s, statement, quote.Start, quote.End);
                group.Differences.Add(new Difference(DifferenceKind.Quotation, s, quote.Text, detail));
            }
        }
    }

    private static void Naming(Group group)
    {
        var names = group.Items(f => f.Names);
        var shared = names[0].Length == 0 || names[1].Length == 0
            ? []
            : names[0].Select(n => n.Item.Key).Intersect(names[1].Select(n => n.Item.Key)).Order(StringComparer.Ordinal).ToList();
        foreach (var entity in shared)
        {
            var variants = names.Select(side => side.Where(n => n.Item.Key == entity).ToList()).ToArray();
            var folded = variants.Select(v => v.Select(n => Tokenizer.Fold(n.Item.Text)).ToHashSet(StringComparer.Ordinal)).ToArray();
            var fromTable = !entity.StartsWith("name:", StringComparison.Ordinal);

            // A capitalised name differs only when neither side also writes the other's form ("Marrow" in both is no difference).
            if (folded[0].SetEquals(folded[1]) || (!fromTable && folded[0].Overlaps(folded[1])))
            {
                continue;
            }

            for (var s = 0; s < 2; s++)
            {
                foreach (var (statement, cue) in variants[s].Where(v => !folded[1 - s].Contains(Tokenizer.Fold(v.Item.Text))))
                {
                    group.Explain(s, statement, cue.Start, cue.End);
                }
            }

            var texts = variants.Select(v => string.Join(", ", v.Select(n => n.Item.Text).Distinct(StringComparer.Ordinal))).ToArray();
            var why = fromTable ? $"both name {entity}" : "the same head word";
            group.Differences.Add(new Difference(DifferenceKind.Naming, 1, texts[1], $"A: {texts[0]}; B: {texts[1]} ({why})", 0, texts[0]));
        }

        // The same words capitalised differently ("Port Director" / "port director"): the word diff folds case, so say it here.
        foreach (var run in group.Runs)
        {
            if (!run.IsEqual)
            {
                continue;
            }

            var start = -1;
            for (var i = 0; i <= run.Left.Count; i++)
            {
                var differs = i < run.Left.Count && run.Left[i].Kind == TokenKind.Word && run.Left[i].Start > 0 && run.Right[i].Start > 0
                              && !string.Equals(run.Left[i].Text, run.Right[i].Text, StringComparison.Ordinal);
                if (differs && start < 0)
                {
                    start = i;
                }
                else if (!differs && start >= 0)
                {
                    var leftText = WordDiff.JoinTrimmed(run.Left.AsSpan(start, i - start));
                    var rightText = WordDiff.JoinTrimmed(run.Right.AsSpan(start, i - start));
                    group.Differences.Add(new Difference(DifferenceKind.Naming, 1, rightText, $"A: {leftText}; B: {rightText} (capitalised differently)", 0, leftText));
                    start = -1;
                }
            }
        }
    }

    private static void Values(Group group)
    {
        if (group.Sides.Any(side => !side.Statements.Any(s => s.Values.Any(v => v.Kind != ValueKind.RelativeDate))))
        {
            return; // Values on one side only: nothing to compare.
        }

        var values = new[] { group.Sides[0].Values(), group.Sides[1].Values() };

        // The same value on both sides: the same, in whatever notation.
        foreach (var l in values[0].ToList())
        {
            var r = values[1].FirstOrDefault(v => v.Value.Kind == l.Value.Kind && v.Value.Key == l.Value.Key && v.Value.Bound == l.Value.Bound);
            if (r.Text is null)
            {
                continue;
            }

            values[0].Remove(l);
            values[1].Remove(r);
            if (Tokenizer.Fold(l.Text) != Tokenizer.Fold(r.Text))
            {
                group.Explain(0, l.Statement, l.Value.QualifiedStart, l.Value.End);
                group.Explain(1, r.Statement, r.Value.QualifiedStart, r.Value.End);
                group.SameValues.Add(new SameValue(KindOf(l.Value.Kind), [l.Text, r.Text], $"{l.Text} = {r.Text}, same"));
            }
        }

        // Values left on both sides: paired when they stand in the same change of the word diff, or are the only ones of their kind.
        foreach (var kind in values[0].Select(v => v.Value.Kind).Distinct().Order().ToList())
        {
            var lefts = values[0].Where(v => v.Value.Kind == kind).ToList();
            var rights = values[1].Where(v => v.Value.Kind == kind).ToList();
            foreach (var l in lefts)
            {
                var r = rights.FirstOrDefault(v => group.InSameChange(l, v));
                if (r.Text is null && lefts.Count == 1 && rights.Count == 1)
                {
                    r = rights[0];
                }

                if (r.Text is null)
                {
                    continue;
                }

                rights.Remove(r);
                group.Explain(0, l.Statement, l.Value.QualifiedStart, l.Value.End);
                group.Explain(1, r.Statement, r.Value.QualifiedStart, r.Value.End);
                if (Compatible(l.Value, r.Value))
                {
                    group.SameValues.Add(new SameValue(KindOf(kind), [l.Text, r.Text], $"{l.Text} ~ {r.Text}, compatible"));
                }
                else
                {
                    group.Differences.Add(new Difference(KindOf(kind), 1, r.Text, $"A: {l.Text}; B: {r.Text} — conflict", 0, l.Text));
                }
            }
        }
    }

    private static DifferenceKind KindOf(ValueKind kind) => kind switch
    {
        ValueKind.Date => DifferenceKind.Date,
        ValueKind.Time => DifferenceKind.Time,
        _ => DifferenceKind.Number,
    };

    /// <summary>Whether two values can both be true: ranges that overlap ("about 100" / "around 100"), a date and the same day without a year.</summary>
    internal static bool Compatible(ValueMention a, ValueMention b)
    {
        if (a.Kind == ValueKind.Date)
        {
            return a.Key == b.Key
                   || (a.Key.StartsWith("--", StringComparison.Ordinal) && b.Key.EndsWith(a.Key[1..], StringComparison.Ordinal))
                   || (b.Key.StartsWith("--", StringComparison.Ordinal) && a.Key.EndsWith(b.Key[1..], StringComparison.Ordinal))
                   || (a.Key.Length == 7 && b.Key.StartsWith(a.Key, StringComparison.Ordinal))
                   || (b.Key.Length == 7 && a.Key.StartsWith(b.Key, StringComparison.Ordinal));
        }

        if (a.Kind == ValueKind.Time)
        {
            return a.Key == b.Key;
        }

        if (a.Kind == ValueKind.Money && a.Key[..3] != b.Key[..3])
        {
            return true; // Different currencies: not comparable here.
        }

        var (aLow, aHigh) = Range(a);
        var (bLow, bHigh) = Range(b);
        return aLow <= bHigh && bLow <= aHigh;
    }

    private static (decimal Low, decimal High) Range(ValueMention value)
    {
        var number = decimal.Parse(value.Kind == ValueKind.Money ? value.Key[4..] : value.Key, CultureInfo.InvariantCulture);
        var step = Math.Max(Math.Abs(number) / 1000m, 0.000001m);
        return value.Bound switch
        {
            Bound.About => (number * 0.9m, number > decimal.MaxValue / 1.1m ? decimal.MaxValue : number * 1.1m),
            Bound.Over => (number > decimal.MaxValue - step ? decimal.MaxValue : number + step, decimal.MaxValue),
            Bound.AtLeast => (number, decimal.MaxValue),
            Bound.Under => (decimal.MinValue, number < decimal.MinValue + step ? decimal.MinValue : number - step),
            Bound.AtMost => (decimal.MinValue, number),
            _ => (number, number),
        };
    }

    /// <summary>The word diff's changes minus the words the labelled differences explain.</summary>
    private static void Residual(Group group)
    {
        foreach (var run in group.Runs)
        {
            if (run.IsEqual)
            {
                continue;
            }

            // What a labelled difference left of a change counts only if it has a content word.
            var trimmed = group.AnyExplained(0, run.Left) || group.AnyExplained(1, run.Right);
            var (leftText, leftCounts) = Unexplained(group, 0, run.Left, trimmed);
            var (rightText, rightCounts) = Unexplained(group, 1, run.Right, trimmed);
            if (leftCounts && rightCounts)
            {
                group.Differences.Add(new Difference(DifferenceKind.Wording, 1, rightText, $"A: {leftText}; B: {rightText}", 0, leftText));
            }
            else if (leftCounts)
            {
                group.Differences.Add(new Difference(DifferenceKind.Omission, 0, leftText, $"only in A: {leftText}"));
            }
            else if (rightCounts)
            {
                group.Differences.Add(new Difference(DifferenceKind.Addition, 1, rightText, $"only in B: {rightText}"));
            }
        }
    }

    /// <summary>
    /// The words of one side of a change that no labelled difference explains, with "…" where explained
    /// words were taken out, and whether they count: any word, or only a content word when the change was trimmed.
    /// </summary>
    private static (string Text, bool Counts) Unexplained(Group group, int side, ArraySegment<DiffToken> tokens, bool trimmed)
    {
        if (!group.AnyExplained(side, tokens))
        {
            // Nothing taken out (most changes): the change is one piece; it counts if it has a word
            // (a content word when the other side was trimmed).
            var hasWord = false;
            var hasContentWord = false;
            foreach (var token in tokens)
            {
                hasWord |= token.Kind != TokenKind.Punctuation;
                hasContentWord |= !token.IsFunctionWord;
            }

            return hasWord ? (WordDiff.JoinTrimmed(tokens), !trimmed || hasContentWord) : (string.Empty, false);
        }

        var pieces = new List<List<DiffToken>> { new() };
        foreach (var token in tokens)
        {
            if (group.IsExplained(side, token))
            {
                if (pieces[^1].Count > 0)
                {
                    pieces.Add([]);
                }
            }
            else
            {
                pieces[^1].Add(token);
            }
        }

        var kept = pieces.Where(p => p.Exists(t => t.Kind != TokenKind.Punctuation)).ToList();
        var text = string.Join(" … ", kept.Select(p => WordDiff.JoinTrimmed(CollectionsMarshal.AsSpan(p))));
        var counts = trimmed ? kept.Exists(p => p.Exists(t => !t.IsFunctionWord)) : kept.Count > 0;
        return (text, counts);
    }

    /// <summary>One side of a group: its statements and their framing cues.</summary>
    private sealed record Side(IReadOnlyList<AnalyzedStatement> Statements, IReadOnlyList<Framing> Framings)
    {
        public static Side Of(IReadOnlyList<AnalyzedStatement> statements) =>
            new(statements, [.. statements.Select(FramingAnalyzer.Analyze)]);

        /// <summary>The cues one selector picks from each statement's framing, with the statement they are in (most groups have none: nothing is allocated then).</summary>
        public (int Statement, T Item)[] Items<T>(Func<Framing, IReadOnlyList<T>> select)
        {
            List<(int, T)>? items = null;
            for (var i = 0; i < Framings.Count; i++)
            {
                var found = select(Framings[i]);
                for (var k = 0; k < found.Count; k++)
                {
                    (items ??= []).Add((i, found[k]));
                }
            }

            return items is null ? [] : [.. items];
        }

        /// <summary>The values of the statements (relative dates left out), with the statement they are in and their text.</summary>
        public List<(int Statement, ValueMention Value, string Text)> Values()
        {
            var values = new List<(int, ValueMention, string)>();
            for (var i = 0; i < Statements.Count; i++)
            {
                var statement = Statements[i];
                foreach (var value in statement.Values)
                {
                    if (value.Kind != ValueKind.RelativeDate)
                    {
                        values.Add((i, value, statement.Statement.Text[value.QualifiedStart..value.End]));
                    }
                }
            }

            return values;
        }
    }

    private sealed class Group(Side[] sides, IReadOnlyList<DiffRun> runs)
    {
        private readonly List<(int Statement, int Start, int End)>[] _explained = [[], []];

        public Side[] Sides { get; } = sides;

        public IReadOnlyList<DiffRun> Runs { get; } = runs;

        public List<Difference> Differences { get; } = [];

        public List<SameValue> SameValues { get; } = [];

        /// <summary>The cues one selector picks on each side (<see cref="Side.Items"/>), A's then B's.</summary>
        public (int Statement, T Item)[][] Items<T>(Func<Framing, IReadOnlyList<T>> select) => [Sides[0].Items(select), Sides[1].Items(select)];

        public void Explain(int side, int statement, int start, int end) => _explained[side].Add((statement, start, end));

        public bool AnyExplained(int side, ArraySegment<DiffToken> tokens)
        {
            foreach (var token in tokens)
            {
                if (IsExplained(side, token))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsExplained(int side, in DiffToken token)
        {
            foreach (var (statement, start, end) in _explained[side])
            {
                if (statement == token.Statement && start <= token.Start && token.Start < end)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether two values stand in one change of the word diff.</summary>
        public bool InSameChange((int Statement, ValueMention Value, string Text) left, (int Statement, ValueMention Value, string Text) right) =>
            Runs.Any(r => !r.IsEqual
                          && r.Left.Any(t => t.Statement == left.Statement && left.Value.Start <= t.Start && t.Start < left.Value.End)
                          && r.Right.Any(t => t.Statement == right.Statement && right.Value.Start <= t.Start && t.Start < right.Value.End));
    }
}
