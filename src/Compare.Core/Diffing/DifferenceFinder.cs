using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

/// <summary>
/// Says what kind each difference in an aligned group is: attribution, hedge, modality, quotation,
/// naming, conflicting numbers, dates and times, and what is left of the word diff — additions,
/// omissions and rewordings. Words a labelled difference explains are not reported again as wording.
/// Source 0 is called A and source 1 B in the plain-words details.
/// </summary>
internal static partial class DifferenceFinder
{
    /// <summary>The most content words of a quoted phrase the other side writes when it uses half of them.</summary>
    private const int ShortQuoteWords = 2;

    /// <param name="runs">The word diff of the group.</param>
    /// <param name="left">A's statements.</param>
    /// <param name="right">B's statements.</param>
    /// <param name="context">What each statement's source said before it (<see cref="Coreference"/>): who "he said" is, and whether the statement before it reports someone's words; none when null.</param>
    /// <param name="sources">Which sources the two sides are, for the labels and the differences' sources (A and B when null).</param>
    public static (List<Difference> Differences, List<SameValue> SameValues) Find(
        IReadOnlyList<DiffRun> runs,
        IReadOnlyList<AnalyzedStatement> left,
        IReadOnlyList<AnalyzedStatement> right,
        Func<AnalyzedStatement, SpeakerContext>? context = null,
        (int Left, int Right)? sources = null) =>
        Find(runs, Side.Of(left, context), Side.Of(right, context), sources);

    /// <summary>One side's statements with their framing (speakers resolved): prepared once for a side compared with several others.</summary>
    public static Side Prepare(IReadOnlyList<AnalyzedStatement> statements, Func<AnalyzedStatement, SpeakerContext>? context) =>
        Side.Of(statements, context);

    public static (List<Difference> Differences, List<SameValue> SameValues) Find(
        IReadOnlyList<DiffRun> runs, Side left, Side right, (int Left, int Right)? sources = null)
    {
        var (a, b) = sources ?? (0, 1);
        var group = new Group([left, right], runs) { Sources = [a, b] };
        Attribution(group);
        Hedges(group);
        Modality(group);
        Quotation(group);
        Naming(group);
        Values(group);
        Residual(group);
        if ((a, b) == (0, 1))
        {
            return (group.Differences, group.SameValues);
        }

        // The sides' differences as the sources' (three or more sources are compared pair by pair).
        int Of(int side) => side == 0 ? a : b;
        return ([.. group.Differences.Select(d => d with { Source = Of(d.Source), OtherSource = d.OtherSource is { } o ? Of(o) : null })], group.SameValues);
    }

    private static void Attribution(Group group)
    {
        // A frame counts only when what it reports is shared: "as a senator suggested that …" says nothing
        // about the meeting both sides report before it.
        var items = group.Items(f => f.Frames);
        var sides = new[] { items[0].Where(f => group.ReportsShared(0, f.Statement, f.Item)).ToArray(), items[1].Where(f => group.ReportsShared(1, f.Statement, f.Item)).ToArray() };
        var quotes = group.Items(f => f.Quotes);
        var quotesSomeone = Enumerable.Range(0, 2)
            .Select(side => quotes[side].Any(q => ContentWords(q.Item.Key).Count >= 3 || IsNameCalling(group.Sides[side].Statements[q.Statement], q.Item)))
            .ToArray();
        for (var s = 1; s >= 0; s--)
        {
            var o = 1 - s;
            var frames = sides[s];
            var others = sides[o];
            foreach (var (statement, frame) in frames)
            {
                if (others.Any(g => SameSpeaker(frame, g.Item) && SameStance(g.Item.Stance, frame.Stance)))
                {
                    continue;
                }

                string detail;
                if (others.Length == 0 && quotesSomeone[o])
                {
                    continue; // The other side quotes someone: it does not state it as fact either.
                }

                if (others.Length == 0 && frame.Stance == Stance.Neutral && frame.IsNamed && Names(group.Sides[o], frame))
                {
                    continue; // The other side names the speaker too ("Romney said …" / "Romney, who …"): it tells what they said or did.
                }

                if (others.Length == 0 && IsDocument(frame))
                {
                    continue; // "court documents said", "according to the terms of the bill": the record the fact comes from, not a claim.
                }

                if (others.Length == 0 && IsSelfReport(group.Sides[s].Statements[statement].Statement.Text, frame))
                {
                    continue; // "the governor said he would ask …", "… I think he should …,” Romney said": what they did, told by them.
                }

                if (others.Length == 0 && group.Sides[o].SpeechBefore.Any(b => b))
                {
                    continue; // "The mayor said the port would reopen. Repairs begin on Monday.": the other side may go on telling her words.
                }

                if (others.Length == 0 && AttributesWithoutFrame(group, o))
                {
                    continue; // "in the face of criticism that …", "the plaintiffs' theory is that …", "documents released on Friday showed": the other side does not state it as fact either.
                }

                if (others.Length == 0)
                {
                    detail = $"{group.Label(o)} states it as fact; {group.Label(s)} attributes it {Whom(frame)}: “{frame.Text}” ({frame.Verb}: {Word(frame.Stance)})";
                }
                else if (s == 0)
                {
                    // Both sides attribute it and B's frames were reported against A's already.
                    continue;
                }
                else
                {
                    var other = others.FirstOrDefault(g => SameSpeaker(frame, g.Item)).Item;
                    if (other is null && (MayBeOnePerson(frame, others[0].Item) || frame.Speaker.Length == 0 || others[0].Item.Speaker.Length == 0))
                    {
                        continue; // "the governor" and "Hutchinson" may well be one person; an impersonal frame names no one to differ.
                    }

                    if (other is null && SameStance(frame.Stance, Stance.Neutral) && others.All(g => SameStance(g.Item.Stance, Stance.Neutral))
                        && (IsDocument(frame) || others.Any(g => IsDocument(g.Item))))
                    {
                        continue; // A document passes it on for someone the other side names ("the indictment said" / "prosecutors said", "the statement said" / "his lawyer confirmed").
                    }

                    var what = other is null ? "different speakers" : "different stance";
                    other ??= others[0].Item;
                    detail = $"{what} — {group.Label(o)}: {other.Quoted} ({other.Verb}: {Word(other.Stance)}); {group.Label(s)}: {frame.Quoted} ({frame.Verb}: {Word(frame.Stance)})";
                    group.Explain(o, others.First(g => g.Item == other).Statement, other.Start, other.End);
                }

                group.Explain(s, statement, frame.Start, frame.End);
                group.Differences.Add(new Difference(DifferenceKind.Attribution, s, frame.Text, detail));
            }
        }
    }

    /// <summary>
    /// Whether two frames may have one speaker: the same head word (or its stem: "lawyer" / "lawyers"), a
    /// pronoun (its resolved referent is a reader's guess: it is shown, but does not tell speakers apart), or a name word in common once titles are left out ("Senator Chuck Schumer" / "Senate
    /// Democratic Leader Chuck Schumer").
    /// </summary>
    private static bool SameSpeaker(Frame a, Frame b) =>
        a.SpeakerKey == b.SpeakerKey || a.SpeakerKey == "*" || b.SpeakerKey == "*" || a.IsPersonalPronoun || b.IsPersonalPronoun || a.Inferred || b.Inferred
        || Stemmer.Stem(a.SpeakerKey) == Stemmer.Stem(b.SpeakerKey)
        || SpeakerWords.TryGetValue(Stemmer.Stem(a.SpeakerKey), out var one) && SpeakerWords.TryGetValue(Stemmer.Stem(b.SpeakerKey), out var other) && one == other
        || NameWords(a.Person).Words.Intersect(NameWords(b.Person).Words, StringComparer.Ordinal).Any(w => !StopWords.Contains(w));

    /// <summary>Words for one kind of speaker, by stem: a member of someone's staff, a lawyer.</summary>
    private static readonly Dictionary<string, int> SpeakerWords = new(
        ((string[][])[["aide", "staffer", "employee", "assistant"], ["lawyer", "attorney", "counsel"]])
            .SelectMany((words, kind) => words.Select(w => KeyValuePair.Create(Stemmer.Stem(w), kind))),
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a named speaker and a described one may be one person: the description is a title or a word
    /// for one person ("the governor", "the lawmaker"), not a group or a document ("officials", "a report").
    /// </summary>
    private static bool MayBeOnePerson(Frame a, Frame b)
    {
        if (a.IsNamed == b.IsNamed)
        {
            return false;
        }

        var described = a.IsNamed ? b : a;
        return IsOnePersonWord(described.SpeakerKey);
    }

    /// <summary>
    /// Whether two stances tell a reader the same of a claim: "said" and "confirmed" both pass it on as
    /// the speaker's (MOS:SAID's neutral verbs and those that add credence); "claimed" and "denied" do not.
    /// </summary>
    private static bool SameStance(Stance a, Stance b) =>
        a == b || (a is Stance.Neutral or Stance.Confirming && b is Stance.Neutral or Stance.Confirming);

    /// <summary>
    /// Whether the speaker tells of themself: what the frame reports opens with "I" or "we" (their own words),
    /// or with "he" or "she" right after a named or titled person's "said" ("the governor said he would ask").
    /// </summary>
    private static bool IsSelfReport(string text, Frame frame)
    {
        var start = Math.Clamp(frame.ScopeStart, 0, text.Length);
        var end = Math.Clamp(frame.ScopeEnd, start, text.Length);
        var first = Tokenizer.Tokenize(text[start..end]).Where(t => t.Kind == TokenKind.Word).Select(t => t.Norm).FirstOrDefault(w => w != "that");
        return first is "i" or "we" || (first is "he" or "she" && start >= frame.End && !frame.IsPersonalPronoun && frame.Speaker.Length > 0);
    }

    /// <summary>
    /// Whether the speaker is a document, which speaks for whoever wrote it ("court documents", "the terms
    /// of the bill", "a press release"), not someone a document belongs to ("the bill's proponents").
    /// </summary>
    private static bool IsDocument(Frame frame)
    {
        var tokens = Tokenizer.Tokenize(frame.Person);
        return tokens.Where((t, i) => Documents.Contains(Stemmer.Stem(t.Norm))
                                      && !t.Norm.EndsWith("'s", StringComparison.Ordinal) && !t.Norm.EndsWith("’s", StringComparison.Ordinal)
                                      && !(i + 1 < tokens.Count && tokens[i + 1].Norm is "'s" or "’s" or "'" or "’")).Any();
    }

    /// <summary>The stems of words for documents.</summary>
    private static readonly HashSet<string> Documents = new(
        ((string[])["statement", "release", "indictment", "report", "document", "paper", "filing", "complaint", "bill", "terms", "site", "website", "letter", "record", "memo", "transcript", "affidavit", "lawsuit", "ruling", "order", "tweet", "post"]).Select(Stemmer.Stem),
        StringComparer.Ordinal);

    /// <summary>A title or another word for one person ("the governor", "the lawmaker").</summary>
    private static bool IsOnePersonWord(string word) => Lexicon.IsTitle(word) || PersonWords.Contains(word);

    /// <summary>Words that describe one person where a title does not ("the lawmaker said").</summary>
    private static readonly HashSet<string> PersonWords = new(StringComparer.Ordinal)
    {
        "lawmaker", "legislator", "politician", "candidate", "nominee", "lawyer", "official", "man", "woman", "activist", "businessman", "billionaire",
    };

    /// <summary>Whether a side's statements hold every word of a frame's speaker's name.</summary>
    private static bool Names(Side side, Frame frame)
    {
        var words = NameWords(frame.Person).Words;
        return words.Count > 0 && words.All(w => side.Statements.Any(st => st.Tokens.Exists(t => t.Norm == w || Stemmer.Stem(t.Norm) == Stemmer.Stem(w))));
    }

    /// <summary>
    /// Whether a side passes what it shares on as someone's without a frame over it: someone's account
    /// ("the president predicted a legal fight"), a noun of report before what it reports ("criticism
    /// that", "the theory is that", "a different message: …"), an inquiry into it ("the investigation into
    /// his use of campaign money") or a record that shows it ("documents released on Friday showed").
    /// </summary>
    private static bool AttributesWithoutFrame(Group group, int side)
    {
        var statements = group.Sides[side].Statements;
        for (var s = 0; s < statements.Count; s++)
        {
            var tokens = statements[s].Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                // "the president predicted a legal fight", "Michael Rekola, also described …": someone's account, told as theirs.
                if (Lexicon.ReportingVerbs.ContainsKey(tokens[i].Norm) && ToldBy(statements[s], i)
                    && group.SharedInScope(side, s, tokens[i].Start, tokens[i].End, tokens[i].End, statements[s].Statement.Text.Length).Inside > 0)
                {
                    return true;
                }

                int? opens = ReportNouns.Contains(tokens[i].Norm)
                    ? tokens.FindIndex(i + 1, Math.Min(ReportNounReach, tokens.Count - i - 1), t => t.Norm is "that" or ":" or "," or ";" or ".")
                    : InquiryNouns.Contains(tokens[i].Norm) && i + 1 < tokens.Count && tokens[i + 1].Norm is "into" or "of"
                        ? i + 1
                    : Documents.Contains(Stemmer.Stem(tokens[i].Norm))
                        ? tokens.FindIndex(i + 1, Math.Min(ReportNounReach, tokens.Count - i - 1), t => t.Norm is "show" or "shows" or "showed" or "shown" or "reveal" or "reveals" or "revealed")
                        : null;
                if (opens is { } at && at > i && tokens[at].Norm is not ("," or ";" or ".")
                    && group.SharedInScope(side, s, tokens[i].Start, tokens[at].End, tokens[at].End, statements[s].Statement.Text.Length).Inside > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a person stands right before a verb (adverbs and an aside's comma between): a title, a word for one person or a name.</summary>
    private static bool ToldBy(AnalyzedStatement statement, int verb)
    {
        var j = verb - 1;
        while (j > 0 && (statement.Tokens[j].Norm is "," or "also" || statement.Tokens[j].Norm.EndsWith("ly", StringComparison.Ordinal)))
        {
            j--;
        }

        if (j < 0 || statement.Tokens[j].Kind != TokenKind.Word)
        {
            return false;
        }

        var word = statement.Tokens[j].Norm;
        return IsOnePersonWord(word) || (statement.IsName(j) && !StopWords.Contains(word));
    }

    /// <summary>Whether a quote is the name someone called someone else ("called Mr. Trump a “false prophet”").</summary>
    private static bool IsNameCalling(AnalyzedStatement statement, Cue quote)
    {
        var at = statement.Tokens.FindIndex(t => t.Start >= quote.Start);
        return at > 0 && statement.Tokens.Take(at).TakeLast(NameCallingReach).Any(t => t.Norm is "called" or "calls" or "calling" or "dubbed" or "branded" or "labeled" or "labelled");
    }

    /// <summary>How many words before a quote "called" may stand for the quote to be the name it called.</summary>
    private const int NameCallingReach = 5;

    /// <summary>How many words after a noun of report its "that" or colon may come ("a different message for the nominee:").</summary>
    private const int ReportNounReach = 6;

    /// <summary>Nouns of an inquiry: what stands after "into" or "of" is being looked into, not stated as fact ("the federal investigation into his use of campaign money").</summary>
    private static readonly HashSet<string> InquiryNouns = new(
        ["investigation", "investigations", "inquiry", "inquiries", "probe", "probes", "review", "reviews", "audit", "audits"],
        StringComparer.Ordinal);

    /// <summary>Nouns that pass on what someone says, claims or fears (singular and plural).</summary>
    private static readonly HashSet<string> ReportNouns = new(
        ((string[])["criticism", "claim", "allegation", "accusation", "assertion", "theory", "argument", "message", "contention", "charge", "suggestion", "warning", "concern", "fear", "complaint"])
            .SelectMany(n => (string[])[n, n + "s"]),
        StringComparer.Ordinal);

    private static string Whom(Frame frame) => frame.Speaker.Length == 0 ? "without naming a source" : "to " + frame.Who;

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
            var only = hedges[s].Where(h => !others.Contains(h.Item.Key) && group.QualifiesShared(s, h.Statement, h.Item)).ToList();
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
                s == 1 ? $"added in {group.Label(1)}: {words}" : $"only in {group.Label(0)} (removed in {group.Label(1)}): {words}"));
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

        // Modals on both sides are a change of modality unless they are as strong ("are scheduled to" / "is
        // due to") or all are futures in reported clauses, which follow their reports ("acknowledged that it
        // would be litigated" / "predicted a fight that will"); a modal on one side only counts when it
        // qualifies what the other side says too ("can" in "which can be found on YouTube" qualifies nothing
        // the other side says) and is no reported future.
        if (only[0].Count > 0 && only[1].Count > 0)
        {
            if (only[0].Concat(only[1]).Select(m => Lexicon.ModalIsStrong[m.Item.Key]).Distinct().Count() == 1
                || only.Select((o, s) => o.TrueForAll(m => group.IsReportedFuture(s, m.Statement, m.Item))).All(reported => reported))
            {
                return;
            }
        }
        else
        {
            for (var s = 0; s < 2; s++)
            {
                // A modal as strong as one the other side writes is no change ("would put" / "could put").
                // A future on one side against no modal on the other is tense, not modality ("will tap $2.5 billion" /
                // "tapped $2.5 billion").
                var other = sides[1 - s];
                only[s].RemoveAll(m => !group.QualifiesShared(s, m.Statement, m.Item, once: true) || group.IsReportedFuture(s, m.Statement, m.Item)
                                       || (other.Length == 0 && m.Item.Key is "will" or "shall" or "won't")
                                       || other.Any(n => Lexicon.ModalIsStrong[n.Item.Key] == Lexicon.ModalIsStrong[m.Item.Key]
                                                         && group.Qualified(1 - s, n.Statement, n.Item) == group.Qualified(s, m.Statement, m.Item)));
            }
        }

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
            $"{group.Label(0)}: {texts[0]}; {group.Label(1)}: {texts[1]}{strength}",
            1 - source,
            texts[1 - source]));
    }

    private static string Strength(Cue modal) => Lexicon.ModalIsStrong[modal.Key] ? "strong" : "weak";

    /// <summary>
    /// Words one side quotes and the other writes without quotation marks. A quote both sides quote
    /// (even split across statements or interrupted by its attribution) is no difference, and neither
    /// is a quote of words the other side does not say (only what both say is compared), unless it is a
    /// remark quoted directly that the other side retells in its own words (<see cref="Paraphrased"/>).
    /// </summary>
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
            var (quoted, plain) = QuotedWords(group.Sides[o], quotes[o]);
            foreach (var (statement, quote) in quotes[s])
            {
                var words = ContentWords(quote.Key);
                if (words.Count == 0 || words.Count(quoted.Contains) * 2 >= words.Count)
                {
                    continue; // Both sides quote it.
                }

                // The other side must say it: half of a phrase of one or two words ("numerous warnings"),
                // more than half of a longer quote (a remark the other side retells in its own words is
                // not written without quotation marks).
                var unquoted = words.Where(plain.Contains).ToList();
                if (unquoted.Count * 2 < words.Count || (words.Count > ShortQuoteWords && unquoted.Count * 2 == words.Count))
                {
                    if (Paraphrased(group, s, statement, quote, words) is { } retold)
                    {
                        group.Explain(s, statement, quote.Start, quote.End);
                        group.Differences.Add(new Difference(
                            DifferenceKind.Quotation,
                            s,
                            quote.Text,
                            $"{group.Label(s)} quotes {retold.Speaker} directly: {quote.Text}; {group.Label(o)} tells it in its own words: {retold.Frame}"));
                    }

                    continue;
                }

                var detail = $"{group.Label(s)} puts {quote.Text} in quotation marks; {group.Label(o)} writes {string.Join(", ", unquoted)} without them";
                group.Explain(s, statement, quote.Start, quote.End);
                group.Differences.Add(new Difference(DifferenceKind.Quotation, s, quote.Text, detail));
            }
        }
    }

    /// <summary>The fewest content words of a quote that is a remark quoted directly, not a phrase in quotation marks.</summary>
    private const int MinDirectQuoteWords = 4;

    /// <summary>
    /// A remark one side quotes directly that the other side retells in its own words: the quote (four content
    /// words or more, which the other side neither quotes nor mostly writes) is attributed to a speaker, and the
    /// other side reports the same speaker, in a frame over what the two statements share that retells the
    /// quote (<see cref="Retells"/>), without quoting them at length. The speaker and the other side's
    /// frame; null when it is not so.
    /// </summary>
    private static (string Speaker, string Frame)? Paraphrased(Group group, int side, int statement, Cue quote, List<string> words)
    {
        if (words.Count < MinDirectQuoteWords)
        {
            return null;
        }

        var framing = group.Sides[side].Framings[statement];
        var said = framing.Frames.FirstOrDefault(f => f.ScopeStart <= quote.Start && quote.End <= f.ScopeEnd && f.SpeakerKey.Length > 0);
        if (said is null)
        {
            return null;
        }

        // The quote's terms as the analysis made them (stems, values): the other side's tokens carry theirs.
        var quoting = group.Sides[side].Statements[statement];
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < quoting.Tokens.Count; k++)
        {
            if (quoting.TokenTerms[k] is { } term && quote.Start <= quoting.Tokens[k].Start && quoting.Tokens[k].End <= quote.End)
            {
                terms.Add(term);
            }
        }

        var other = 1 - side;
        var sides = group.Sides[other];
        for (var i = 0; i < sides.Statements.Count; i++)
        {
            var quotes = sides.Framings[i].Quotes;
            var longQuotes = quotes.Where(q => ContentWords(q.Key).Count >= MinDirectQuoteWords).ToList();
            foreach (var frame in sides.Framings[i].Frames)
            {
                if (SameSpeaker(said, frame) && group.ReportsShared(other, i, frame)
                    && !longQuotes.Exists(q => q.Start >= frame.ScopeStart && q.End <= frame.ScopeEnd)
                    && Retells(sides.Statements[i], quotes, frame, terms))
                {
                    return (said.Who, frame.Quoted);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the words a frame reports retell the quote, not another remark of the speaker's: two of its
    /// terms (stems), or one that the frame's side quotes too ("he is “profoundly” sorry").
    /// </summary>
    private static bool Retells(AnalyzedStatement statement, IReadOnlyList<Cue> quotes, Frame frame, HashSet<string> quoteTerms)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < statement.Tokens.Count; k++)
        {
            var token = statement.Tokens[k];
            if (statement.TokenTerms[k] is not { } term || token.Start < frame.ScopeStart || token.End > frame.ScopeEnd || !quoteTerms.Contains(term))
            {
                continue;
            }

            if (quotes.Any(q => q.Start <= token.Start && token.End <= q.End))
            {
                return true; // A word of the remark quoted again: the same remark, told in part.
            }

            shared.Add(term);
        }

        return shared.Count >= MinRetoldWords;
    }

    /// <summary>How many of a quote's words (stems) a frame's words must hold to retell it, when it quotes none of them.</summary>
    private const int MinRetoldWords = 2;

    /// <summary>The content words of quoted text, folded ("anti-terrorist operation" is anti-terrorist, operation).</summary>
    private static List<string> ContentWords(string folded) =>
        [.. Tokenizer.Tokenize(folded).Where(t => t.Kind == TokenKind.Word && !StopWords.Contains(t.Norm)).Select(t => t.Norm).Distinct(StringComparer.Ordinal)];

    /// <summary>A side's content words inside its quotations and outside them.</summary>
    private static (HashSet<string> Quoted, HashSet<string> Plain) QuotedWords(Side side, (int Statement, Cue Item)[] quotes)
    {
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < side.Statements.Count; i++)
        {
            foreach (var token in side.Statements[i].Tokens)
            {
                if (token.Kind != TokenKind.Word || StopWords.Contains(token.Norm))
                {
                    continue;
                }

                var inside = Array.Exists(quotes, q => q.Statement == i && q.Item.Start <= token.Start && token.End <= q.Item.End);
                (inside ? quoted : plain).Add(token.Norm);
            }
        }

        return (quoted, plain);
    }

    private static void Naming(Group group)
    {
        var names = group.Items(f => f.Names);
        if (names[0].Length == 0 || names[1].Length == 0)
        {
            return; // A name on one side only: no form to compare, nor one spelled alike.
        }

        var named = new Lazy<HashSet<string>[]>(() => [.. names.Select(side => side.SelectMany(n => NameWords(n.Item.Text).Words).ToHashSet(StringComparer.Ordinal))]);
        var shared = names[0].Select(n => n.Item.Key).Intersect(names[1].Select(n => n.Item.Key)).Order(StringComparer.Ordinal).ToList();
        foreach (var entity in shared)
        {
            var variants = names.Select(side => side.Where(n => n.Item.Key == entity).ToList()).ToArray();
            var fromTable = !entity.StartsWith(NamePrefix, StringComparison.Ordinal);

            // A form differs when no form on the other side is the same name (typography, case, titles and
            // honorifics aside, and a short form of the same name: "Trump" / "President Donald Trump") and,
            // for names found by head word, one form holds the other's words ("Asa Hutchinson" and "Seth
            // Hutchinson" are two people) with a possessive that ties it to someone the other side does not
            // name ("Azerbaijan's Constitution" against a side that names no Azerbaijan).
            var differing = Enumerable.Range(0, 2)
                .Select(s => variants[s]
                    .Where(v => !variants[1 - s].Any(w => SameName(v.Item.Text, w.Item.Text, fromTable))
                                && (fromTable || variants[1 - s].Any(w => NamedDifferently(v.Item.Text, w.Item.Text, named.Value[s], named.Value[1 - s]))))
                    .ToList())
                .ToArray();
            if (differing[0].Count == 0 && differing[1].Count == 0)
            {
                continue;
            }

            for (var s = 0; s < 2; s++)
            {
                foreach (var (statement, cue) in differing[s])
                {
                    group.Explain(s, statement, cue.Start, cue.End);
                }
            }

            var texts = variants.Select(v => string.Join(", ", v.Select(n => n.Item.Text).Distinct(StringComparer.Ordinal))).ToArray();
            var why = fromTable ? $"both name {entity}" : "the same head word";
            group.Differences.Add(new Difference(DifferenceKind.Naming, 1, texts[1], $"{group.Label(0)}: {texts[0]}; {group.Label(1)}: {texts[1]} ({why})", 0, texts[0]));
        }

        SpelledAlike(group, names);
    }

    /// <summary>
    /// A name on each side that the other side does not use, one word each and spelled alike ("Norwalk" /
    /// "Norfolk"): one place or person named two ways, or misnamed by one of the sources.
    /// </summary>
    private static void SpelledAlike(Group group, (int Statement, Cue Item)[][] names)
    {
        var keys = names.Select(side => side.Select(n => n.Item.Key).ToHashSet(StringComparer.Ordinal)).ToArray();

        // The names found by head word that each side has alone, head words of five letters or more (the cheap
        // tests first: most groups have none), then those of one word.
        var own = names.Select((side, s) => side.Where(n => n.Item.Key.Length >= NamePrefix.Length + MinSpelledAlike && n.Item.Key.StartsWith(NamePrefix, StringComparison.Ordinal) && !keys[1 - s].Contains(n.Item.Key)).ToList()).ToArray();
        if (own[0].Count == 0 || own[1].Count == 0)
        {
            return;
        }

        own = [.. own.Select(side => side.Where(n => NameWords(n.Item.Text).Words.Count == 1).ToList())];
        foreach (var left in own[0])
        {
            var right = own[1].FirstOrDefault(r => SpelledAlike(Head(left.Item), Head(r.Item)));
            if (right.Item is null)
            {
                continue;
            }

            group.Explain(0, left.Statement, left.Item.Start, left.Item.End);
            group.Explain(1, right.Statement, right.Item.Start, right.Item.End);
            group.Differences.Add(new Difference(
                DifferenceKind.Naming, 1, right.Item.Text, $"{group.Label(0)}: {left.Item.Text}; {group.Label(1)}: {right.Item.Text} (spelled alike)", 0, left.Item.Text));
            own[1].Remove(right);
        }
    }

    /// <summary>A word's consonants in order, a doubled letter once ("moammar" → "mmr").</summary>
    private static string Consonants(string word)
    {
        var consonants = new System.Text.StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if ((i == 0 || word[i] != word[i - 1]) && "aeiouy".IndexOf(word[i], StringComparison.Ordinal) < 0)
            {
                consonants.Append(word[i]);
            }
        }

        return consonants.ToString();
    }

    /// <summary>The fewest letters of two names spelled alike.</summary>
    private const int MinSpelledAlike = 5;

    /// <summary>How the key of a name found by its head word starts (a name of the alias table has the table's key).</summary>
    private const string NamePrefix = "name:";

    private static string Head(Cue name) => name.Key[NamePrefix.Length..];

    /// <summary>
    /// Whether two different words of five letters or more are spelled alike: the same first letter, neither
    /// the other with another ending ("Clinton" / "Clintons", "Sandi" / "Sandra": a short form of the same
    /// name), at most a third of the longer's letters changed.
    /// </summary>
    private static bool SpelledAlike(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < MinSpelledAlike || a[0] != b[0] || longer.StartsWith(shorter.AsSpan(0, shorter.Length - 1), StringComparison.Ordinal))
        {
            return false;
        }

        // Written with other vowels or a doubled letter only ("Moammar" / "Muammar"): one name transliterated
        // two ways, typography rather than naming.
        if (Consonants(a) == Consonants(b))
        {
            return false;
        }

        return EditDistance(a, b) * 3 <= Math.Max(a.Length, b.Length);
    }

    /// <summary>How many letters must be inserted, deleted or replaced to turn one word into the other (Levenshtein).</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Whether a form is the initials of another ("U.S." / "United States", "UN" / "United Nations"): the same name, shortened.</summary>
    private static bool IsInitialsOf(string initials, string name)
    {
        var letters = initials.Replace(".", string.Empty, StringComparison.Ordinal);
        if (letters.Length < 2 || !letters.All(char.IsUpper))
        {
            return false;
        }

        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]);
        return string.Concat(words) == letters;
    }

    /// <summary>
    /// Whether two forms name an entity the same way. Alias-table names are the same only when they are
    /// the same words; other names when one's words, titles and honorifics left out, are all in the other's
    /// and what the longer one adds ties it to no one else (no possessive).
    /// </summary>
    internal static bool SameName(string a, string b, bool fromTable)
    {
        var left = NameWords(a);
        var right = NameWords(b);
        if (fromTable)
        {
            return left.Words.SequenceEqual(right.Words, StringComparer.Ordinal) || IsInitialsOf(a, b) || IsInitialsOf(b, a);
        }

        var (shorter, longer) = left.Words.Count <= right.Words.Count ? (left, right) : (right, left);
        return shorter.Words.All(longer.Words.Contains) && !longer.Possessives.Except(shorter.Possessives, StringComparer.Ordinal).Any();
    }

    /// <summary>
    /// Whether two forms with one head word name one entity differently: one form's words are all in the
    /// other's, and the longer ties it to someone (a possessive) whom the shorter form's side does not name.
    /// </summary>
    private static bool NamedDifferently(string a, string b, IReadOnlySet<string> aNames, IReadOnlySet<string> bNames)
    {
        var left = NameWords(a);
        var right = NameWords(b);
        var (shorter, longer, shorterNames) = left.Words.Count <= right.Words.Count ? (left, right, aNames) : (right, left, bNames);
        return shorter.Words.All(longer.Words.Contains)
               && longer.Possessives.Except(shorter.Possessives, StringComparer.Ordinal).Any(p => !shorterNames.Contains(p));
    }

    private static (List<string> Words, List<string> Possessives) NameWords(string name)
    {
        var words = new List<string>();
        var possessives = new List<string>();
        foreach (var token in Tokenizer.Tokenize(name))
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var word = token.Norm.EndsWith("'s", StringComparison.Ordinal) ? token.Norm[..^2] : token.Norm;
            if (Lexicon.IsTitle(word))
            {
                continue;
            }

            words.Add(word);
            if (word.Length < token.Norm.Length)
            {
                possessives.Add(word);
            }
        }

        // The last word's possessive is the name's own ("Trump's" names Trump).
        if (possessives.Count > 0 && words.Count > 0 && possessives[^1] == words[^1])
        {
            possessives.RemoveAt(possessives.Count - 1);
        }

        return (words, possessives);
    }

    private static void Values(Group group)
    {
        Weekdays(group);
        var vague = new[] { group.Sides[0].VagueDurations(), group.Sides[1].VagueDurations() };
        if (group.Sides.Select((side, s) => side.Statements.Any(st => st.Values.Any(v => v.Kind != ValueKind.RelativeDate)) || vague[s].Length > 0).Any(has => !has))
        {
            return; // Values on one side only: nothing to compare.
        }

        var values = new[] { group.Sides[0].Values(), group.Sides[1].Values() };

        // The same value on both sides: the same, in whatever notation; a qualifier on one side only
        // ("more than $250,000" / "$250,000") says how exact the figure is, not that it differs.
        foreach (var sameBound in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var l in values[0].ToList())
            {
                var r = values[1].FirstOrDefault(v => v.Value.Kind == l.Value.Kind && v.Value.Key == l.Value.Key && (!sameBound || v.Value.Bound == l.Value.Bound));
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
                    var how = sameBound ? "same" : "same figure, qualified on one side";
                    group.SameValues.Add(new SameValue(KindOf(l.Value.Kind), [l.Text, r.Text], $"{l.Text} = {r.Text}, {how}"));
                }
            }
        }

        // Values left on both sides: paired when they stand in the same change of the word diff, or are the only ones of their kind.
        foreach (var kind in values[0].Select(v => v.Value.Kind).Distinct().Order().ToList())
        {
            var lefts = values[0].Where(v => v.Value.Kind == kind).ToList();
            var rights = values[1].Where(v => v.Value.Kind == kind).ToList();
            foreach (var l in lefts)
            {
                // One figure written for the other ("rises to 59" / "rises to 638") is compared as it is; in a
                // longer change, or as the only figures of their kind, only figures of the same measure are.
                // A duration is compared with a duration, in whatever unit ("90 days" / "three months").
                var days = group.Sides[0].Duration(l);
                var r = days is not null
                    ? PairDuration(group, l, lefts, rights)
                    : rights.FirstOrDefault(v => group.Sides[1].Duration(v) is null && group.ChangeSize(l, v) is > 0 and var size
                                                 && ((size <= SubstitutionTokens && !OtherUnits(group, l, v)) || SameMeasure(group, l, v)));
                if (r.Text is null && days is null && lefts.Count == 1 && rights.Count == 1 && group.Sides[1].Duration(rights[0]) is null && SameMeasure(group, l, rights[0]))
                {
                    r = rights[0];
                }

                if (r.Text is null)
                {
                    continue;
                }

                rights.Remove(r);
                values[0].Remove(l);
                values[1].Remove(r);
                group.Explain(0, l.Statement, l.Value.QualifiedStart, l.Value.End);
                group.Explain(1, r.Statement, r.Value.QualifiedStart, r.Value.End);
                var (lText, rText) = days is null ? (l.Text, r.Text) : (group.Sides[0].DurationText(l), group.Sides[1].DurationText(r));
                var compatible = days is { } d && group.Sides[1].Duration(r) is { } e ? SameDuration(d, e) : Compatible(l.Value, r.Value);
                if (compatible)
                {
                    group.SameValues.Add(new SameValue(KindOf(kind), [lText, rText], $"{lText} ~ {rText}, {(days is null ? "compatible" : "the same duration")}"));
                }
                else
                {
                    group.Conflict(KindOf(kind), lText, rText);
                }
            }
        }

        // A vague duration ("a monthslong investigation") against a duration the other side gives ("a two-year
        // investigation"): a conflict when it lies outside what the vague one can mean.
        for (var s = 0; s < 2; s++)
        {
            foreach (var (statement, start, end, low, high) in vague[s])
            {
                var other = values[1 - s].FirstOrDefault(v => group.Sides[1 - s].Duration(v) is not null);
                if (other.Text is null || group.Sides[1 - s].Duration(other) is not { } days)
                {
                    continue;
                }

                var text = group.Sides[s].Statements[statement].Statement.Text[start..end];
                var otherText = group.Sides[1 - s].DurationText(other);
                group.Explain(s, statement, start, end);
                group.Explain(1 - s, other.Statement, other.Value.QualifiedStart, other.Value.End);
                if (days >= low && days <= high)
                {
                    group.SameValues.Add(new SameValue(DifferenceKind.Number, s == 0 ? [text, otherText] : [otherText, text], $"{text} ~ {otherText}, compatible"));
                }
                else
                {
                    var (a, b) = s == 0 ? (text, otherText) : (otherText, text);
                    group.Conflict(DifferenceKind.Number, a, b);
                }
            }
        }
    }

    /// <summary>
    /// Days of the week, each dating the event of the name it follows ("the Senate on Wednesday, followed
    /// by the House on Thursday": the Senate's day, then the House's). A day the other side gives for the
    /// same name is the same day or a conflict ("the House on Thursday" / "the House … voting to override
    /// Wednesday afternoon"); a day of another name ("the White House on Tuesday"), or of a name either
    /// side gives two days, is not compared.
    /// </summary>
    private static void Weekdays(Group group)
    {
        var days = new[] { group.Sides[0].Weekdays(), group.Sides[1].Weekdays() };
        if (days[0].Count == 0 || days[1].Count == 0)
        {
            return;
        }

        foreach (var left in days[0].ToList())
        {
            var same = days[1].FindIndex(r => r.Anchor == left.Anchor && r.Value.Key == left.Value.Key);
            if (same >= 0)
            {
                days[0].Remove(left);
                days[1].RemoveAt(same);
            }
        }

        foreach (var left in days[0])
        {
            var rights = days[1].Where(r => r.Anchor == left.Anchor).ToList();
            if (rights.Count != 1 || days[0].Count(l => l.Anchor == left.Anchor) != 1)
            {
                continue;
            }

            var right = rights[0];
            group.Explain(0, left.Statement, left.Value.Start, left.Value.End);
            group.Explain(1, right.Statement, right.Value.Start, right.Value.End);
            group.Conflict(DifferenceKind.Date, group.Sides[0].Text(left), group.Sides[1].Text(right));
        }
    }

    /// <summary>A unit of time right after a number: "90 days", "two-year", "24-month".</summary>
    [GeneratedRegex(@"\G\s*-?\s*(?<unit>minute|hour|day|week|month|year|decade)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeUnit();

    /// <summary>A duration given by its unit only: "monthslong", "weeks-long", "years-long".</summary>
    [GeneratedRegex(@"\b(?<unit>hour|day|week|month|year|decade)s-?long\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VagueDuration();

    /// <summary>How many days a unit of time lasts (a month 30.44, a year 365.25).</summary>
    private static double DaysIn(string unit) => unit.ToLowerInvariant() switch
    {
        "minute" => 1.0 / 1440,
        "hour" => 1.0 / 24,
        "day" => 1,
        "week" => 7,
        "month" => 30.44,
        "year" => 365.25,
        "decade" => 3652.5,
        _ => 36525,
    };

    /// <summary>The next larger unit of time: "monthslong" means less than about a year and a half.</summary>
    private static string Larger(string unit) => unit.ToLowerInvariant() switch
    {
        "hour" => "day",
        "day" => "week",
        "week" => "month",
        "month" => "year",
        "year" => "decade",
        _ => "century",
    };

    /// <summary>
    /// The other side's duration a duration is compared with: the same duration in another unit, else one
    /// written in its place in the word diff, else the only one when each side gives one.
    /// </summary>
    private static (int Statement, ValueMention Value, string Text) PairDuration(
        Group group,
        (int Statement, ValueMention Value, string Text) left,
        List<(int Statement, ValueMention Value, string Text)> lefts,
        List<(int Statement, ValueMention Value, string Text)> rights)
    {
        // Durations more than ten times apart measure different things ("a 60-day review" / "a 21-year term"),
        // as figures do.
        var days = group.Sides[0].Duration(left)!.Value;
        var durations = rights.Where(v => group.Sides[1].Duration(v) is { } other && Math.Max(days, other) <= (double)MeasureFactor * Math.Min(days, other)).ToList();
        var same = durations.FirstOrDefault(v => group.Sides[1].Duration(v) is { } other && SameDuration(days, other));
        if (same.Text is not null)
        {
            return same;
        }

        var inPlace = durations.FirstOrDefault(v => group.ChangeSize(left, v) is > 0 and <= SubstitutionTokens);
        return inPlace.Text is not null || durations.Count != 1 || lefts.Count(v => group.Sides[0].Duration(v) is not null) != 1 ? inPlace : durations[0];
    }

    /// <summary>How many times one duration may be the other and still be the same ("three months" is 91 days, "90 days" 90).</summary>
    private const double DurationTolerance = 1.1;

    /// <summary>Whether two durations in days are the same one, written in other units.</summary>
    private static bool SameDuration(double a, double b) => Math.Max(a, b) <= DurationTolerance * Math.Min(a, b);

    /// <summary>The most tokens on either side of a change in which one figure stands for the other.</summary>
    private const int SubstitutionTokens = 4;

    /// <summary>The most tokens a side may have for its figures to be compared whatever they count.</summary>
    private const int ShortTokens = 16;

    /// <summary>Units of weight, length, area and volume (as index terms: stems): a figure in one measures something else than a count of things.</summary>
    private static readonly HashSet<string> MeasureUnits = new(
        ((string[])["kilogram", "kg", "gram", "tonne", "ton", "metre", "meter", "kilometre", "kilometer", "km", "mile", "foot", "feet", "acre", "hectare", "litre", "liter", "gallon", "barrel"]).Select(Stemmer.Stem),
        StringComparer.Ordinal);

    /// <summary>How many times larger one value may be than the other and still be a figure for the same thing.</summary>
    private const decimal MeasureFactor = 10;

    /// <summary>
    /// Whether two values can measure the same thing, so that a difference between them is a conflict:
    /// not a year against a count ("in 1970" / "six years"), not figures more than ten times apart ("a
    /// $600 ticket" / "$250,000 in campaign funds"), and, unless both sides are as short as headlines,
    /// counts of the same noun when each counts one ("three weeks" / "the two could" or "one of his
    /// supporters" are not compared), and counts or percentages that count nothing next to them only when
    /// they stand by the same word ("10.8 percent of their earnings" / "a tax rate of 35.7 percent" are not).
    /// </summary>
    private static bool SameMeasure(Group group, (int Statement, ValueMention Value, string Text) left, (int Statement, ValueMention Value, string Text) right)
    {
        var (a, b) = (left.Value, right.Value);
        if (a.Kind is ValueKind.Date or ValueKind.Time)
        {
            return true;
        }

        if (a.Kind == ValueKind.Number && IsYear(left.Text) != IsYear(right.Text))
        {
            return false;
        }

        if (Magnitude(a) is { } x && Magnitude(b) is { } y && x != 0 && y != 0 && Math.Max(x, y) / MeasureFactor > Math.Min(x, y))
        {
            return false;
        }

        if (a.Kind is not (ValueKind.Number or ValueKind.Percent))
        {
            return true;
        }

        if (OtherUnits(group, left, right))
        {
            return false;
        }

        var counted = new[] { group.Sides[0].CountedWord(left), group.Sides[1].CountedWord(right) };
        if (group.Sides.All(side => side.Statements.Sum(st => st.Tokens.Count) <= ShortTokens))
        {
            return true; // Headline-short statements: the figures they give are the ones they are about.
        }

        if (counted[0] is not null && counted[1] is not null)
        {
            return counted[0] == counted[1];
        }

        // A number that counts no word next to it ("killed 12", "Number one,") is compared only with one
        // that stands by the same word ("killed 15").
        return group.Sides[0].Neighbours(left).Overlaps(group.Sides[1].Neighbours(right));
    }

    /// <summary>Whether two numbers count different things of which one is a unit of measure ("140 passengers" / "1400 kilograms of mail").</summary>
    private static bool OtherUnits(Group group, (int Statement, ValueMention Value, string Text) left, (int Statement, ValueMention Value, string Text) right) =>
        group.Sides[0].CountedWord(left) is { } a && group.Sides[1].CountedWord(right) is { } b && a != b
        && (MeasureUnits.Contains(a) || MeasureUnits.Contains(b));

    /// <summary>A number written as a year of the last two centuries or this one ("1976", not "1,976" or "2,000").</summary>
    private static bool IsYear(string text) =>
        text.Length == 4 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is >= 1800 and <= 2100;

    private static decimal? Magnitude(ValueMention value) =>
        value.Kind is ValueKind.Number or ValueKind.Percent or ValueKind.Money
        && decimal.TryParse(value.Kind == ValueKind.Money ? value.Key[4..] : value.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? Math.Abs(number)
            : null;

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
            // Dates agree when every part both give agrees ("March 2008" and "March 2" can both be true).
            var (ay, am, ad) = DateParts(a.Key);
            var (by, bm, bd) = DateParts(b.Key);
            return (ay is null || by is null || ay == by) && (am is null || bm is null || am == bm) && (ad is null || bd is null || ad == bd);
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
        return (aLow <= bHigh && bLow <= aHigh) || RoundedTo(a, b) || RoundedTo(b, a);
    }

    /// <summary>
    /// Whether <paramref name="rounded"/> is <paramref name="exact"/> rounded to its own significant digits, two
    /// or more of them ("$1.4 billion" for "$1.375 billion"; not "200" for "240").
    /// </summary>
    private static bool RoundedTo(ValueMention exact, ValueMention rounded)
    {
        if (Magnitude(exact) is not { } x || Magnitude(rounded) is not { } y || y == 0 || exact.Bound != Bound.Exact || rounded.Bound != Bound.Exact)
        {
            return false;
        }

        // The place of the last significant digit of the rounded figure: 1,400,000,000 → 100,000,000.
        var digits = y.ToString(CultureInfo.InvariantCulture).Replace(".", string.Empty, StringComparison.Ordinal).Trim('0').Length;
        if (digits < 2)
        {
            return false;
        }

        // Values at the ends of the decimal range (29 digits, or 28 places after the point) have no place
        // to round to that decimal can hold, or give a quotient past it: they are left uncompared.
        var exponent = Math.Floor(Math.Log10((double)y)) - digits + 1;
        if (exponent is < -28 or > 28)
        {
            return false;
        }

        try
        {
            var place = (decimal)Math.Pow(10, exponent);
            return place != 0 && x != y && Math.Round(x / place, MidpointRounding.AwayFromZero) * place == y;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The year, month and day a date key gives ("2023-09-20", "--09-20", "2008-03", "2008"), each null when not given.</summary>
    private static (string? Year, string? Month, string? Day) DateParts(string key)
    {
        var parts = key.Split('-');
        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        return key.StartsWith("--", StringComparison.Ordinal) ? (null, Part(2), Part(3)) : (Part(0), Part(1), Part(2));
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
                group.Differences.Add(new Difference(DifferenceKind.Wording, 1, rightText, $"{group.Label(0)}: {leftText}; {group.Label(1)}: {rightText}", 0, leftText));
            }
            else if (leftCounts)
            {
                group.Differences.Add(new Difference(DifferenceKind.Omission, 0, leftText, $"only in {group.Label(0)}: {leftText}"));
            }
            else if (rightCounts)
            {
                group.Differences.Add(new Difference(DifferenceKind.Addition, 1, rightText, $"only in {group.Label(1)}: {rightText}"));
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
    internal sealed record Side(IReadOnlyList<AnalyzedStatement> Statements, IReadOnlyList<Framing> Framings)
    {
        public static Side Of(IReadOnlyList<AnalyzedStatement> statements, Func<AnalyzedStatement, SpeakerContext>? context) =>
            new(statements, [.. statements.Select(s => context is null ? s.Framing : Coreference.Resolve(s.Framing, () => context(s).Antecedent))])
            {
                SpeechBefore = context is null ? [] : [.. statements.Select(s => context(s).SpeechBefore)],
            };

        /// <summary>Whether the statement before each one in its paragraph reports someone's words up to its end (empty when not known).</summary>
        public IReadOnlyList<bool> SpeechBefore { get; init; } = [];

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

            var unit = TimeUnit().Match(Statements[value.Statement].Statement.Text, value.Value.End);
            return unit.Success ? count * DaysIn(unit.Groups["unit"].Value) : null;
        }

        /// <summary>A duration as written: its number and its unit ("two-year", "90 days").</summary>
        public string DurationText((int Statement, ValueMention Value, string Text) value)
        {
            var unit = TimeUnit().Match(Statements[value.Statement].Statement.Text, value.Value.End);
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

                foreach (Match match in VagueDuration().Matches(Statements[i].Statement.Text))
                {
                    var unit = DaysIn(match.Groups["unit"].Value);
                    (found ??= []).Add((i, match.Index, match.Index + match.Length, 2 * unit, DaysIn(Larger(match.Groups["unit"].Value)) * 1.5));
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

    private sealed class Group(Side[] sides, IReadOnlyList<DiffRun> runs)
    {
        /// <summary>The sources the two sides are (0 and 1 for a comparison of two).</summary>
        public int[] Sources { get; init; } = [0, 1];

        /// <summary>How reports name a side's source ("A", "C").</summary>
        public string Label(int side) => Report.Label(Sources[side]);

        /// <summary>A value conflict: A's words <paramref name="a"/> against B's <paramref name="b"/>.</summary>
        public void Conflict(DifferenceKind kind, string a, string b) =>
            Differences.Add(new Difference(kind, 1, b, $"{Label(0)}: {a}; {Label(1)}: {b} — conflict", 0, a));

        /// <summary>How long a term must be to count as related to a longer term it begins ("cease" / "ceasefire").</summary>
        private const int RelatedPrefix = 4;

        /// <summary>How many words after a modal or hedge its verb or noun may stand.</summary>
        private const int CueReach = 3;

        /// <summary>How many words before a future modal a "that" or a reporting frame makes it reported.</summary>
        private const int ReportReach = 5;

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
            word is "well" or "also" or "then" or "still" or "soon" or "even" or "now" or "again" or "yet" || (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 4);

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
            var (inside, shared) = SharedInScope(side, statement, frame.Start, frame.End, frame.ScopeStart, frame.ScopeEnd, nested);
            return inside > 0 && (inside >= MinSharedInScope || inside >= MinScopeShare * shared);
        }

        /// <summary>
        /// How many content words a statement shares with the other side (a report's own words from
        /// <paramref name="start"/> to <paramref name="end"/> left out), and how many of them stand in what
        /// it reports, from <paramref name="scopeStart"/> to <paramref name="scopeEnd"/>.
        /// </summary>
        public (int Inside, int Shared) SharedInScope(
            int side, int statement, int start, int end, int scopeStart, int scopeEnd, List<(int Start, int End)>? nested = null)
        {
            var analyzed = Sides[side].Statements[statement];
            var inside = new HashSet<string>(StringComparer.Ordinal);
            var shared = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < analyzed.Tokens.Count; i++)
            {
                var token = analyzed.Tokens[i];
                if (token.Start >= start && token.End <= end)
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
            if (cue.Key is not ("will" or "would" or "won't" or "wouldn't" or "shall"))
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
                if (tokens[i].Norm == "that" || Sides[side].Framings[statement].Frames.Any(f => f.End <= cue.Start && f.End >= tokens[i].Start))
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
