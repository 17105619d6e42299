using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

/// <summary>The context every detector works on: the two sides of an aligned pair and what has been found in it.</summary>
internal static partial class DifferenceFinder
{
    /// <summary>One side of a group: its statements and their framing cues.</summary>
    internal sealed record Side(IReadOnlyList<AnalyzedStatement> Statements, IReadOnlyList<Framing> Framings)
    {
        public static Side Of(IReadOnlyList<AnalyzedStatement> statements, Func<AnalyzedStatement, SpeakerContext>? context) =>
            new(statements, [.. statements.Select(s => context is null ? s.Framing : Coreference.Resolve(s.Framing, () => context(s).Antecedent))])
            {
                Context = context,
            };

        /// <summary>What each statement's source said before it; null when not known. Read only when a detector asks: reading it frames the whole source.</summary>
        private Func<AnalyzedStatement, SpeakerContext>? Context { get; init; }

        /// <summary>Whether the statement before one of this side's, in its paragraph, reports someone's words.</summary>
        public bool FollowsSpeech() => Context is { } context && Statements.Any(s => context(s).SpeechBefore);

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

        /// <summary>The term of the word a number counts: the word right after it when that is a content word ("six years": year), else null.</summary>
        public string? CountedWord((int Statement, ValueMention Value, string Text) value) =>
            WordTerm(Statements[value.Statement], Statements[value.Statement].Tokens.FindIndex(t => t.Start >= value.Value.End));

        /// <summary>The terms of the content words right before and right after a value.</summary>
        public HashSet<string> Neighbours((int Statement, ValueMention Value, string Text) value)
        {
            var statement = Statements[value.Statement];
            var terms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var term in (ReadOnlySpan<string?>)[
                         WordTerm(statement, statement.Tokens.FindLastIndex(t => t.End <= value.Value.QualifiedStart)),
                         CountedWord(value)])
            {
                if (term is not null)
                {
                    terms.Add(term);
                }
            }

            return terms;
        }

        /// <summary>The term of a token when it is a content word (null for none, punctuation, numbers and function words).</summary>
        private static string? WordTerm(AnalyzedStatement statement, int token) =>
            token >= 0 && statement.Tokens[token].Kind == TokenKind.Word ? statement.TokenTerms[token] : null;

        /// <summary>
        /// A number that counts a unit of time ("90 days", "three months", "a two-year …", "24-month"), in
        /// days; null for any other value.
        /// </summary>
        public double? Duration((int Statement, ValueMention Value, string Text) value)
        {
            if (value.Value.Kind != ValueKind.Number || !double.TryParse(value.Value.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            var unit = ValueDetector.TimeUnit().Match(Statements[value.Statement].Statement.Text, value.Value.End);
            return unit.Success ? count * ValueDetector.DaysIn(unit.Groups["unit"].Value) : null;
        }

        /// <summary>A duration as written: its number and its unit ("two-year", "90 days").</summary>
        public string DurationText((int Statement, ValueMention Value, string Text) value)
        {
            var unit = ValueDetector.TimeUnit().Match(Statements[value.Statement].Statement.Text, value.Value.End);
            return value.Text + Statements[value.Statement].Statement.Text[value.Value.End..(unit.Index + unit.Length)];
        }

        /// <summary>The vague durations of the side's statements ("monthslong", "weeks-long"), with the days they can mean.</summary>
        public (int Statement, int Start, int End, double Low, double High)[] VagueDurations()
        {
            List<(int, int, int, double, double)>? found = null;
            for (var i = 0; i < Statements.Count; i++)
            {
                if (!Statements[i].Statement.Text.Contains("long", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (Match match in ValueDetector.VagueDuration().Matches(Statements[i].Statement.Text))
                {
                    var unit = ValueDetector.DaysIn(match.Groups["unit"].Value);
                    (found ??= []).Add((i, match.Index, match.Index + match.Length, 2 * unit, ValueDetector.DaysIn(ValueDetector.Larger(match.Groups["unit"].Value)) * 1.5));
                }
            }

            return found is null ? [] : [.. found];
        }

        /// <summary>
        /// The days of the week the statements name, each with the capitalised name it follows (the nearest
        /// capitalised word before it that does not open the statement and is not a day or a month, with the
        /// capitalised content words right before it: "White House", not "House"), folded; days with no such name are left out.
        /// </summary>
        public List<(int Statement, ValueMention Value, string Anchor)> Weekdays()
        {
            var days = new List<(int, ValueMention, string)>();
            for (var i = 0; i < Statements.Count; i++)
            {
                var statement = Statements[i];
                foreach (var value in statement.Values)
                {
                    if (value.Kind != ValueKind.RelativeDate || !Lexicon.Weekdays.Contains(value.Key))
                    {
                        continue;
                    }

                    var text = statement.Statement.Text;
                    var at = statement.Tokens.FindLastIndex(t => t.End <= value.Start);
                    for (; at > 0; at--)
                    {
                        var token = statement.Tokens[at];
                        if (token.Norm is ";" or ":")
                        {
                            at = 0;
                            break;
                        }

                        if (token.Kind == TokenKind.Word && statement.IsName(at) && !Lexicon.CalendarWords.Contains(token.Norm))
                        {
                            break;
                        }
                    }

                    if (at > 0)
                    {
                        var first = at;
                        while (first > 0 && statement.Tokens[first - 1].Kind == TokenKind.Word && char.IsUpper(text[statement.Tokens[first - 1].Start])
                               && statement.TokenTerms[first - 1] is not null)
                        {
                            first--;
                        }

                        days.Add((i, value, string.Join(' ', statement.Tokens.Skip(first).Take(at - first + 1).Select(t => t.Norm))));
                    }
                }
            }

            return days;
        }

        /// <summary>A value as the statement writes it.</summary>
        public string Text((int Statement, ValueMention Value, string Anchor) day) =>
            Statements[day.Statement].Statement.Text[day.Value.Start..day.Value.End];

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

    /// <summary>The pair a detector looks at: the two sides, their word diff, and the differences found so far.</summary>
    internal sealed class Group(Side[] sides, IReadOnlyList<DiffRun> runs)
    {
        /// <summary>The sources the two sides are (0 and 1 for a comparison of two).</summary>
        public int[] Sources { get; init; } = [0, 1];

        /// <summary>A value conflict: A's words <paramref name="a"/> against B's <paramref name="b"/>.</summary>
        public void Conflict(DifferenceKind kind, string a, string b) =>
            Add(new Difference(kind, 1, b, new WordsDetail(a, b), 0, a));

        /// <summary>A difference between the pair's sources, with the words explained since the last one (<see cref="Explain"/>) as its spans.</summary>
        public void Add(Difference difference)
        {
            Differences.Add(difference with { Spans = [.. _pending], Between = new SourcePair(Sources[0], Sources[1]) });
            _pending.Clear();
        }

        /// <summary>A value both sides give alike: the words explained for it are no difference's spans.</summary>
        public void AddSame(SameValue value)
        {
            SameValues.Add(value);
            _pending.Clear();
        }

        /// <summary>How long a term must be to count as related to a longer term it begins ("cease" / "ceasefire").</summary>
        private const int RelatedPrefix = 4;

        /// <summary>How many words after a modal or hedge its verb or noun may stand.</summary>
        private const int CueReach = 3;

        /// <summary>How many words before a future modal a "that" or a reporting frame makes it reported.</summary>
        private const int ReportReach = 5;

        private readonly List<(int Statement, int Start, int End)>[] _explained = [[], []];

        /// <summary>The words explained since the last difference or same value was added, as spans of their statements.</summary>
        private readonly List<TextSpan> _pending = [];

        public Side[] Sides { get; } = sides;

        public IReadOnlyList<DiffRun> Runs { get; } = runs;

        public List<Difference> Differences { get; } = [];

        public List<SameValue> SameValues { get; } = [];

        /// <summary>The cues one selector picks on each side (<see cref="Side.Items"/>), A's then B's.</summary>
        public (int Statement, T Item)[][] Items<T>(Func<Framing, IReadOnlyList<T>> select) => [Sides[0].Items(select), Sides[1].Items(select)];

        /// <summary>Marks words of a side's statement as told by the difference about to be added: wording does not report them again.</summary>
        public void Explain(int side, int statement, int start, int end)
        {
            _explained[side].Add((statement, start, end));
            var explained = Sides[side].Statements[statement].Statement;
            _pending.Add(new TextSpan(explained.Source, explained.Index, start, end - start));
        }

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

        /// <summary>
        /// Whether a cue (a modal or hedge) qualifies something the other side says too: the first content
        /// word within <see cref="CueReach"/> words after it ("must lay down", "possibly meet") is one the other
        /// side uses, and not only inside a quote when the cue is inside one too (the other side quotes fewer of
        /// the speaker's words: “you might have a farmer from Iowa who …” / “farmer from Iowa who …”). With
        /// <paramref name="once"/>, the word must also be the only one of its kind on the cue's side ("had misspoken
        /// … and might have misspoken on other occasions": the other side's "misspoken" may be the first).
        /// </summary>
        public bool QualifiesShared(int side, int statement, Cue cue, bool once = false)
        {
            if (Qualified(side, statement, cue) is not { } term
                || (once && Sides[side].Statements.Sum(st => st.TokenTerms.Count(t => t == term)) > 1))
            {
                return false;
            }

            var quoted = InQuote(side, statement, cue.Start);
            for (var o = 0; o < Sides[1 - side].Statements.Count; o++)
            {
                var other = Sides[1 - side].Statements[o];
                for (var k = 0; k < other.TokenTerms.Length; k++)
                {
                    if (other.TokenTerms[k] == term && !(quoted && InQuote(1 - side, o, other.Tokens[k].Start)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The term of the first content word within <see cref="CueReach"/> words after a cue: what it qualifies, or null.</summary>
        public string? Qualified(int side, int statement, Cue cue)
        {
            var analyzed = Sides[side].Statements[statement];
            var at = analyzed.Tokens.FindIndex(t => t.Start >= cue.End);
            for (var i = at; i >= 0 && i < analyzed.Tokens.Count && i < at + CueReach; i++)
            {
                if (analyzed.TokenTerms[i] is { } term && !IsAdverb(analyzed.Tokens[i].Norm))
                {
                    return term;
                }
            }

            return null;
        }

        /// <summary>An adverb between a cue and what it qualifies ("could well rule", "will also use", "will ultimately have to").</summary>
        private static bool IsAdverb(string word) =>
            AdverbsAfterCue.Contains(word) || (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 4);

        private static readonly FrozenSet<string> AdverbsAfterCue = Lexicon.Grammar("adverb-after-cue");

        /// <summary>Modals of the future, whose tense follows a report.</summary>
        private static readonly FrozenSet<string> ReportedFutures = Lexicon.Grammar("reported-future");

        /// <summary>Verbs of promising: a future after them takes their tense ("vowed Congress would defend").</summary>
        private static readonly FrozenSet<string> PromiseVerbs = Lexicon.Grammar("promise-verb");

        /// <summary>Whether an offset of a statement lies inside one of its quotes.</summary>
        private bool InQuote(int side, int statement, int offset) =>
            Sides[side].Framings[statement].Quotes.Any(q => q.Start <= offset && offset < q.End);

        /// <summary>
        /// Whether what a frame reports holds content words the other side uses (the frame's own words left
        /// out): at least a third of those its statement shares with the other side, or two of them.
        /// </summary>
        public bool ReportsShared(int side, int statement, Frame frame)
        {
            // What a frame inside its scope reports is that frame's speaker's ("according to the Times, said
            // he had misspoken at an event in which he said he had served").
            var nested = Sides[side].Framings[statement].Frames
                .Where(g => g != frame && g.Start >= frame.ScopeStart && g.End <= frame.ScopeEnd
                            && g.ScopeStart >= frame.ScopeStart && g.ScopeEnd <= frame.ScopeEnd
                            && !(frame.Start >= g.ScopeStart && frame.End <= g.ScopeEnd))
                .Select(g => (Math.Min(g.Start, g.ScopeStart), Math.Max(g.End, g.ScopeEnd)))
                .ToList();
            var (inside, shared) = SharedInScope(side, statement, frame.Start, frame.End, frame.ScopeStart, frame.ScopeEnd, nested, frame.Modifier);
            // A subordinate frame reports beside the statement's own claim: it counts when it holds most of what is shared.
            return inside > 0 && (frame.Subordinate ? inside * 2 > shared : inside >= MinSharedInScope || inside >= MinScopeShare * shared);
        }

        /// <summary>
        /// How many content words a statement shares with the other side (a report's own words from
        /// <paramref name="start"/> to <paramref name="end"/> left out, but for the words that modify its speaker,
        /// <paramref name="modifier"/>), and how many of them stand in what it reports, from
        /// <paramref name="scopeStart"/> to <paramref name="scopeEnd"/>.
        /// </summary>
        public (int Inside, int Shared) SharedInScope(
            int side, int statement, int start, int end, int scopeStart, int scopeEnd, List<(int Start, int End)>? nested = null, (int Start, int End) modifier = default)
        {
            var analyzed = Sides[side].Statements[statement];
            var inside = new HashSet<string>(StringComparer.Ordinal);
            var shared = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < analyzed.Tokens.Count; i++)
            {
                var token = analyzed.Tokens[i];
                if (token.Start >= start && token.End <= end && !(token.Start >= modifier.Start && token.End <= modifier.End))
                {
                    continue;
                }

                if (analyzed.TokenTerms[i] is { } term && Sides[1 - side].Statements.Any(other => other.TokenTerms.Any(o => o is not null && Related(term, o))))
                {
                    shared.Add(term);
                    if (token.Start >= scopeStart && token.End <= scopeEnd && !(nested?.Exists(n => token.Start >= n.Start && token.End <= n.End) ?? false))
                    {
                        inside.Add(term);
                    }
                }
            }

            return (inside.Count, shared.Count);
        }

        /// <summary>How many shared content words a frame's scope holds to count whatever its statement shares besides.</summary>
        private const int MinSharedInScope = 2;

        /// <summary>The share of its statement's shared content words a frame's scope holds to count otherwise.</summary>
        private const double MinScopeShare = 1.0 / 3;

        /// <summary>One term, or two that begin alike over <see cref="RelatedPrefix"/> letters ("cease" / "ceasefire").</summary>
        private static bool Related(string a, string b) =>
            a == b || (a.Length >= RelatedPrefix && b.Length >= RelatedPrefix && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)));

        /// <summary>
        /// Whether a future modal stands in a reported or complement clause ("said he would ask", "promises
        /// that Mexico will pay", "disbelief that he would invite"): the tense follows the report, and
        /// whether the report is taken as fact is the attribution's to say.
        /// </summary>
        public bool IsReportedFuture(int side, int statement, Cue cue)
        {
            if (!ReportedFutures.Contains(cue.Key))
            {
                return false;
            }

            // Inside what a frame after it reports: "Mr. Trump acknowledged that his declaration … would be litigated".
            if (Sides[side].Framings[statement].Frames.Any(f => f.ScopeStart >= f.End && f.ScopeStart <= cue.Start && cue.End <= f.ScopeEnd))
            {
                return true;
            }

            var analyzed = Sides[side].Statements[statement];
            var tokens = analyzed.Tokens;
            var at = tokens.FindIndex(t => t.Start >= cue.Start);
            for (var i = at - 1; i >= 0 && i >= at - ReportReach; i--)
            {
                if (tokens[i].Norm == "that" || PromiseVerbs.Contains(tokens[i].Norm) || Sides[side].Framings[statement].Frames.Any(f => f.End <= cue.Start && f.End >= tokens[i].Start))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The tokens on the longer side of the change of the word diff that holds both values, or 0 when none holds both.</summary>
        public int ChangeSize((int Statement, ValueMention Value, string Text) left, (int Statement, ValueMention Value, string Text) right)
        {
            foreach (var r in Runs)
            {
                if (!r.IsEqual
                    && r.Left.Any(t => t.Statement == left.Statement && left.Value.Start <= t.Start && t.Start < left.Value.End)
                    && r.Right.Any(t => t.Statement == right.Statement && right.Value.Start <= t.Start && t.Start < right.Value.End))
                {
                    return Math.Max(r.Left.Count, r.Right.Count);
                }
            }

            return 0;
        }
    }
}
