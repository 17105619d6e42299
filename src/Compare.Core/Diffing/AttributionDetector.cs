using System.Collections.Frozen;
using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

using Group = DifferenceFinder.Group;
using Side = DifferenceFinder.Side;

/// <summary>Finds attribution: what one side states as fact and the other attributes, or who says it and how.</summary>
internal sealed class AttributionDetector : IDifferenceDetector
{
    public void Detect(Group group) => Attribution(group);

    private static void Attribution(Group group)
    {
        // A frame counts only when what it reports is shared: "as a senator suggested that …" says nothing
        // about the meeting both sides report before it.
        var items = group.Items(f => f.Frames);
        var sides = new[] { items[0].Where(f => group.ReportsShared(0, f.Statement, f.Item)).ToArray(), items[1].Where(f => group.ReportsShared(1, f.Statement, f.Item)).ToArray() };
        var quotes = group.Items(f => f.Quotes);
        var quoteWords = quotes.Select(side => side.Select(q => q.Item.ContentWords).ToArray()).ToArray();
        var quotesSomeone = Enumerable.Range(0, 2)
            .Select(side => quotes[side].Where((q, k) => quoteWords[side][k].Count >= 3 || IsNameCalling(group.Sides[side].Statements[q.Statement], q.Item)).Any())
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

                ReportingFrame? otherFrame = null;
                var change = AttributionChange.StatedAsFact;
                if (others.Length == 0 && quotesSomeone[o])
                {
                    continue; // The other side quotes someone: it does not state it as fact either.
                }

                if (others.Length == 0 && QuotesWhatItReports(quotes, quoteWords, s, statement, frame))
                {
                    continue; // The other side quotes the words this frame reports (“Hi, Mayor.” / the reporter asks, “Hi, Mayor.”): it gives them as someone's too.
                }

                if (others.Length == 0 && frame.Stance == Stance.Neutral && frame.IsNamed && (Names(group.Sides[o], frame) || NamesSurname(group.Sides[o], frame)))
                {
                    continue; // The other side names the speaker too ("Romney said …" / "Romney, who …"): it tells what they said or did.
                }

                if (others.Length == 0 && group.Sides[o].Statements.All(st => st.Statement.InHeadline) && !group.Sides[s].Statements[statement].Statement.InHeadline)
                {
                    continue; // A headline leaves out who says what the other article's body attributes (headline style).
                }

                if (others.Length == 0 && frame.IsDocument)
                {
                    continue; // "court documents said", "according to the terms of the bill": the record the fact comes from, not a claim.
                }

                if (others.Length == 0 && IsSelfReport(group.Sides[s].Statements[statement], frame))
                {
                    continue; // "the governor said he would ask …", "… I think he should …,” Romney said": what they did, told by them.
                }

                if (others.Length == 0 && group.Sides[o].FollowsSpeech())
                {
                    continue; // "The mayor said the port would reopen. Repairs begin on Monday.": the other side may go on telling her words.
                }

                if (others.Length == 0 && AttributesWithoutFrame(group, o))
                {
                    continue; // "in the face of criticism that …", "the plaintiffs' theory is that …", "documents released on Friday showed": the other side does not state it as fact either.
                }

                if (others.Length > 0 && s == 0)
                {
                    // Both sides attribute it and B's frames were reported against A's already.
                    continue;
                }

                if (others.Length > 0)
                {
                    // Who a statement says speaks is its outer frame: one inside what another frame reports ("said
                    // that a report claimed …", "an article saying that Mr. Cohen had told …") is told of, not telling.
                    var outer = others.Where(g => !IsInsideReport(g, items[o])).ToArray();
                    if (outer.Length == 0 || IsInsideReport((statement, frame), items[s]))
                    {
                        continue;
                    }

                    var other = others.FirstOrDefault(g => SameSpeaker(frame, g.Item)).Item;
                    if (other is null && (MayBeOnePerson(frame, outer[0].Item) || frame.Speaker.Length == 0 || outer[0].Item.Speaker.Length == 0))
                    {
                        continue; // "the governor" and "Hutchinson" may well be one person; an impersonal frame names no one to differ.
                    }

                    if (other is null && SameStance(frame.Stance, Stance.Neutral) && outer.All(g => SameStance(g.Item.Stance, Stance.Neutral))
                        && (frame.IsDocument || outer.Any(g => g.Item.IsDocument)))
                    {
                        continue; // A document passes it on for someone the other side names ("the indictment said" / "prosecutors said", "the statement said" / "his lawyer confirmed").
                    }

                    change = other is null ? AttributionChange.Speaker : AttributionChange.Stance;
                    other ??= outer[0].Item;
                    otherFrame = other.Reported;
                    group.Explain(o, others.First(g => g.Item == other).Statement, other.Start, other.End);
                }

                group.Explain(s, statement, frame.Start, frame.End);
                group.Add(new Difference(DifferenceKind.Attribution, s, frame.Text, new AttributionDetail(change, frame.Reported, otherFrame))
                {
                    Attribution = change,
                    StatedAsFactBy = change == AttributionChange.StatedAsFact ? o : null,
                });
            }
        }
    }

    /// <summary>Whether the other side quotes half the content words or more of a quotation the frame reports.</summary>
    private static bool QuotesWhatItReports((int Statement, Cue Item)[][] quotes, IReadOnlyList<string>[][] quoteWords, int side, int statement, Frame frame)
    {
        for (var k = 0; k < quotes[side].Length; k++)
        {
            var (at, quote) = quotes[side][k];
            if (at != statement || quote.Start < frame.ScopeStart || quote.End > frame.ScopeEnd)
            {
                continue;
            }

            var words = quoteWords[side][k];
            if (words.Count > 0 && quoteWords[1 - side].Any(other => other.Count(words.Contains) * 2 >= words.Count))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a frame stands inside what an earlier frame of its statement reports ("Ann Ward said that a
    /// report claimed …"). A frame after it that reports the words before it ("…, the indictment said …,
    /// according to a statement") attributes them too: the two stand side by side.
    /// </summary>
    private static bool IsInsideReport((int Statement, Frame Item) frame, (int Statement, Frame Item)[] all) =>
        Array.Exists(all, g => g.Statement == frame.Statement && g.Item.End <= frame.Item.Start && g.Item.ScopeStart <= frame.Item.Start && frame.Item.End <= g.Item.ScopeEnd);

    /// <summary>
    /// Whether two frames may have one speaker: the same head word (or its stem: "lawyer" / "lawyers"), a
    /// pronoun (its resolved referent is a reader's guess: it is shown, but does not tell speakers apart), or a name word in common once titles are left out ("Senator Chuck Schumer" / "Senate
    /// Democratic Leader Chuck Schumer").
    /// </summary>
    internal static bool SameSpeaker(Frame a, Frame b) =>
        a.SpeakerKey == b.SpeakerKey || a.SpeakerKey == "*" || b.SpeakerKey == "*" || a.IsPersonalPronoun || b.IsPersonalPronoun || a.Inferred || b.Inferred
        || Stemmer.Stem(a.SpeakerKey) == Stemmer.Stem(b.SpeakerKey)
        || SpeakerWords.TryGetValue(Stemmer.Stem(a.SpeakerKey), out var one) && SpeakerWords.TryGetValue(Stemmer.Stem(b.SpeakerKey), out var other) && one == other
        || a.PersonName.Words.Intersect(b.PersonName.Words, StringComparer.Ordinal).Any(w => !StopWords.Contains(w));

    /// <summary>Words for one kind of speaker, by stem: a member of someone's staff, a lawyer.</summary>
    private static readonly FrozenDictionary<string, string> SpeakerWords =
        Lexicon.Pairs("speaker-kinds.tsv").ToFrozenDictionary(p => Stemmer.Stem(p.Key), p => p.Value, StringComparer.Ordinal);

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
    /// or with "he" or "she" right after a named or titled person's "said" ("the governor said he would ask"),
    /// or after the same pronoun's ("he said he wants changes").
    /// </summary>
    private static bool IsSelfReport(AnalyzedStatement statement, Frame frame)
    {
        var first = statement.Tokens.Where(t => t.Kind == TokenKind.Word && t.Start >= frame.ScopeStart && t.End <= frame.ScopeEnd)
            .Select(t => t.Norm).FirstOrDefault(w => w != "that");
        return first is "i" or "we"
               || (first is "he" or "she" && frame.ScopeStart >= frame.End && frame.Speaker.Length > 0
                   && (!frame.IsPersonalPronoun || frame.Speaker.Trim().Equals(first, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A title or another word for one person ("the governor", "the lawmaker"), also as the head of a compound ("the ex-congressman").</summary>
    private static bool IsOnePersonWord(string word)
    {
        var head = word[(word.LastIndexOf('-') + 1)..];
        return Lexicon.IsTitle(head) || PersonWords.Contains(head);
    }

    /// <summary>Words that describe one person where a title does not ("the lawmaker said").</summary>
    private static readonly FrozenSet<string> PersonWords = Lexicon.List("person-nouns.tsv");

    /// <summary>Whether a side's statements hold every word of a frame's speaker's name.</summary>
    private static bool Names(Side side, Frame frame)
    {
        var words = frame.PersonName.Words;
        return words.Count > 0 && words.All(w => side.Statements.Any(st => st.Tokens.Exists(t => t.Norm == w || Stemmer.Stem(t.Norm) == Stemmer.Stem(w))));
    }

    /// <summary>
    /// Whether a side names a frame's speaker by surname: the last word of a run of capitalised words of the
    /// speaker's name, titles left out ("Senator Chuck Schumer of New York" / "Minority Leader Chuck Schumer, D-N.Y.").
    /// </summary>
    private static bool NamesSurname(Side side, Frame frame) =>
        frame.Surnames.Any(n => side.Statements.Any(st => st.Tokens.Exists(t => t.Norm == n && char.IsUpper(st.Statement.Text[t.Start]))));

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

                int? opens = Lexicon.ReportNouns.Contains(tokens[i].Norm)
                    ? tokens.FindIndex(i + 1, Math.Min(ReportNounReach, tokens.Count - i - 1), t => t.Norm is "that" or ":" or "," or ";" or ".")
                    : InquiryNouns.Contains(tokens[i].Norm) && i + 1 < tokens.Count && tokens[i + 1].Norm is "into" or "of"
                        ? i + 1
                    : Lexicon.DocumentStems.Contains(Stemmer.Stem(tokens[i].Norm))
                        ? tokens.FindIndex(i + 1, Math.Min(ReportNounReach, tokens.Count - i - 1), t => RevealingVerbs.Contains(t.Norm))
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
        return at > 0 && statement.Tokens.Take(at).TakeLast(NameCallingReach).Any(t => NameCallingVerbs.Contains(t.Norm));
    }

    /// <summary>How many words before a quote "called" may stand for the quote to be the name it called.</summary>
    private const int NameCallingReach = 5;

    /// <summary>How many words after a noun of report its "that" or colon may come ("a different message for the nominee:").</summary>
    private const int ReportNounReach = 6;

    /// <summary>Nouns of an inquiry: what stands after "into" or "of" is being looked into, not stated as fact ("the federal investigation into his use of campaign money").</summary>
    private static readonly FrozenSet<string> InquiryNouns = Lexicon.List("inquiry-nouns.tsv");

    /// <summary>Verbs by which a document tells what it holds ("documents released on Friday showed").</summary>
    private static readonly FrozenSet<string> RevealingVerbs = Lexicon.Grammar("revealing-verb");

    /// <summary>Verbs that give someone a name ("called", "dubbed"): a quote after them is the name.</summary>
    private static readonly FrozenSet<string> NameCallingVerbs = Lexicon.Grammar("name-calling");
}
