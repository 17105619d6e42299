using System.Collections.Frozen;

namespace Compare.Core.Analysis;

/// <summary>
/// Finds attribution frames, hedge cues, modal expressions, quoted spans and names in a statement,
/// with the lexicons in <c>Lexicons/</c>.
/// </summary>
internal static partial class FramingAnalyzer
{
    /// <summary>Words before a verb form that make it an adjective ("the claimed assets", "and alleged groups").</summary>
    private static readonly FrozenSet<string> Determiners = Lexicon.Grammar("adjective-marker");

    /// <summary>Words right after a participle that keep it a verb ("claimed that", "accused by").</summary>
    private static readonly FrozenSet<string> VerbComplements = Lexicon.Grammar("verb-complement");

    /// <summary>Reporting verbs whose participle before a noun hedges it ("the claimed assets").</summary>
    private static readonly FrozenSet<string> HedgingParticiples = Lexicon.Grammar("hedging-participle");

    /// <summary>Adjective markers that join or relate ("and", "of"): after a denying verb they do not make its object a thing.</summary>
    private static readonly FrozenSet<string> LinkingWords = Lexicon.Grammar("linking-word");

    /// <summary>Words between a speaker and the verb: "Azerbaijan has repeatedly stated".</summary>
    private static readonly FrozenSet<string> Auxiliaries = Lexicon.Grammar("auxiliary");

    /// <summary>Words that end a speaker phrase going back from the verb.</summary>
    private static readonly FrozenSet<string> SpeakerStops = Lexicon.Grammar("speaker-stop");

    private static readonly FrozenSet<string> Subordinators = Lexicon.Grammar("subordinator");

    private static readonly PhraseIndex HedgePhrases = new(Lexicon.Hedges.Select(h => (h, string.Join(' ', h))));

    private static readonly PhraseIndex ModalPhrases = new(Lexicon.Modals.Select(m => (m.Words, string.Join(' ', m.Words))));

    /// <summary>Every name of every entity, keyed by the entity's label.</summary>
    private static readonly PhraseIndex AliasNames = new(Lexicon.Aliases.SelectMany(a => a.Names.Select(n => (n, a.Label))));

    private static readonly FrozenSet<string> Pronouns = Lexicon.Grammar("pronoun");

    /// <summary>Words besides "to be" between "it" and the verb of an impersonal frame ("It has widely been reported").</summary>
    private static readonly FrozenSet<string> ImpersonalFillers = Lexicon.Grammar("impersonal-filler");

    public static Framing Analyze(AnalyzedStatement statement)
    {
        var text = statement.Statement.Text;
        var tokens = statement.Tokens;
        var (frames, quotes, quoted, used, hedges) = FramesOf(statement);
        for (var t = 0; t < tokens.Count; t++)
        {
            used[t] &= !quoted[t];
        }

        hedges.AddRange(Matches(tokens, text, used, HedgePhrases, IsHedgeUse));
        hedges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var modals = Matches(tokens, text, used, ModalPhrases, (t, start, end) => IsModalUse(t, text, start, end));
        // Names may stand inside a frame (its speaker): they are looked for afresh.
        var named = new bool[tokens.Count];
        var names = Matches(tokens, text, named, AliasNames, static (_, _, _) => true, Lexicon.MatchesAlias);
        names.AddRange(CapitalisedNames(statement, named));
        return new Framing(frames, hedges, modals, quotes, names);
    }

    /// <summary>
    /// The frames and quotes of a statement, with the tokens quoted, the tokens the frames use (quoted ones
    /// included) and the hedges that reporting verbs used as adjectives make ("the alleged …").
    /// </summary>
    private static (List<Frame> Frames, List<Cue> Quotes, bool[] Quoted, bool[] Used, List<Cue> Hedges) FramesOf(AnalyzedStatement statement)
    {
        var tokens = statement.Tokens;
        var used = new bool[tokens.Count];
        var hedges = new List<Cue>();
        var quotes = Quotes(statement.Statement.Text, statement.Statement.StartsInQuote);

        // Reporting verbs inside a quotation are the quoted speaker's words ("Tell me who you are"), not a
        // frame: quoted words are set aside while frames are found, then given back to hedges and modals.
        var quoted = new bool[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            quoted[t] = used[t] = quotes.Exists(q => q.Start < tokens[t].Start && tokens[t].End < q.End);
        }

        return (Frames(statement, used, hedges), quotes, quoted, used, hedges);
    }

    private static List<Frame> Frames(AnalyzedStatement statement, bool[] used, List<Cue> hedges)
    {
        var text = statement.Statement.Text;
        var tokens = statement.Tokens;
        var frames = new List<Frame>();
        var titleCase = new Lazy<bool>(() => IsTitleCase(tokens, text), LazyThreadSafetyMode.None);
        HeadlineSpeaker(statement, used, frames);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var norm = tokens[i].Norm;
            if (norm == "according" && i + 1 < tokens.Count && tokens[i + 1].Norm == "to")
            {
                var end = i + 2;
                while (end < tokens.Count && (tokens[end].Kind != TokenKind.Punctuation || IsGluedDot(tokens, text, end)) && end - i < 14)
                {
                    end++;
                }

                if (end > i + 2)
                {
                    frames.Add(MakeFrame(statement, used, i, end - 1, speakerFrom: i + 2, speakerTo: end - 1, i, i + 1, "accord", Stance.Neutral, AccordingScope(tokens, i, end)));
                }

                continue;
            }

            if (norm == "reportedly")
            {
                frames.Add(MakeFrame(statement, used, i, i, -1, -1, i, i, "report", Stance.Neutral, Scope.Around));
                continue;
            }

            if (tokens[i].Kind != TokenKind.Word || !Lexicon.ReportingVerbs.TryGetValue(norm, out var verb))
            {
                continue;
            }

            var next = i + 1 < tokens.Count ? tokens[i + 1].Norm : string.Empty;
            var previous = i > 0 ? tokens[i - 1].Norm : string.Empty;

            // "The Drudge Report": a capitalised verb after a word is part of a name, unless every word is
            // capitalised ("North Korea Confirms Third Nuclear Test").
            if (char.IsUpper(text[tokens[i].Start]) && i > 0 && tokens[i - 1].Kind == TokenKind.Word && !titleCase.Value)
            {
                continue;
            }

            // "the claimed military assets", "alleged illegal groups": an adjective, a hedge.
            if (norm.EndsWith("ed", StringComparison.Ordinal)
                && (i == 0 || Determiners.Contains(previous) || previous.EndsWith("'s", StringComparison.Ordinal) || previous.EndsWith("ing", StringComparison.Ordinal))
                && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && !VerbComplements.Contains(next))
            {
                if (HedgingParticiples.Contains(verb.Lemma))
                {
                    hedges.Add(new Cue(text[tokens[i].Start..tokens[i].End], norm, tokens[i].Start, tokens[i].End));
                    used[i] = true;
                }

                continue;
            }

            // "a policy dispute over", "the claim.": the verb's bare form used as a noun.
            if (norm == verb.Lemma && NounLemmas.Contains(norm) && NounUse(tokens, i))
            {
                continue;
            }

            var thatEnd = next == "that" ? i + 1 : i;

            // "It was claimed that", "It has been reported that": an impersonal frame.
            var k = i - 1;
            while (k >= 0 && (Lexicon.BeForms.Contains(tokens[k].Norm) || ImpersonalFillers.Contains(tokens[k].Norm)))
            {
                k--;
            }

            if (k < i - 1 && k >= 0 && tokens[k].Norm == "it" && norm.EndsWith("ed", StringComparison.Ordinal))
            {
                frames.Add(MakeFrame(statement, used, k, thatEnd, -1, -1, i, i, verb.Lemma, verb.Stance, Scope.After));
                continue;
            }

            // "twelve officers accused of hacking": a participle after a noun, with "of", tells what the noun is
            // accused of (the active verb takes its object first: "accused them of"), not who speaks.
            if (k == i - 1 && next == "of" && norm.EndsWith("ed", StringComparison.Ordinal))
            {
                continue;
            }

            // "after being added to the team": a passive, whose subject is the one acted on, not a speaker.
            if (previous == "being")
            {
                continue;
            }

            // "X is said to", "X was reported to": impersonal too, when "to" begins a verb ("is said to have"), not
            // a place or a thing ("are being added to the route", "was reported to Interpol").
            if (k < i - 1 && next == "to" && (norm.EndsWith("ed", StringComparison.Ordinal) || norm == "said") && !BeginsNounPhrase(tokens, text, i + 2))
            {
                frames.Add(MakeFrame(statement, used, k + 1, i, -1, -1, i, i, verb.Lemma, verb.Stance, Scope.Around));
                continue;
            }

            // A speaker before the verb: "Azerbaijan claimed", "with Azerbaijan claiming", "Azerbaijan has repeatedly stated".
            var j = SkipAuxiliaries(tokens, i - 1);
            var beforeVerb = j;

            // "“…,” Ann Ward, the director of the dockers' union, a group of 400, said": after a quotation the speaker
            // is the name right after it, whatever asides follow it.
            if (QuoteSubjectEnd(tokens, text, j) is var subject and >= 0)
            {
                j = subject;
            }

            // "Justice Scalia, who said", "Justice Scalia who said": the speaker is the noun the relative clause follows.
            else if (j >= 1 && tokens[j].Norm == "who")
            {
                j = tokens[j - 1].Norm == "," ? j - 2 : j - 1;
            }
            else if (j >= 3 && tokens[j].Norm == "," && Appositive(tokens, text, j) is var name and >= 0)
            {
                // "Mr. Vega, anticipating an indictment, asserted": the speaker stands before the comma the aside opens with.
                j = name;
            }
            else if (RelativeSubjectEnd(tokens, text, j) is var noun and >= 0)
            {
                j = noun; // "Officials who spoke on condition of anonymity said": the officials.
            }

            var speakerEnd = j;
            while (j >= 0 && speakerEnd - j < 8
                   && (tokens[j].Kind == TokenKind.Word && !SpeakerStops.Contains(tokens[j].Norm)
                       && (!StopWords.Contains(tokens[j].Norm) || tokens[j].Norm == "the" || Pronouns.Contains(tokens[j].Norm))
                       || IsGluedDot(tokens, text, j)
                       || IsAbbreviationDot(tokens, j)
                       || IsOfInName(tokens, text, j)
                       || IsOfInOffice(tokens, j)))
            {
                j--;
            }

            var speakerStart = j + 1;
            var modifier = (Open: -1, Modifier: -1);
            if (speakerEnd == beforeVerb && speakerStart <= speakerEnd && PostModifiedSubject(tokens, text, speakerStart) is { Open: >= 0 } modified)
            {
                (speakerStart, modifier) = (modified.Open, modified); // "people with knowledge of the case said": the people, not the case.
            }

            if (speakerStart > speakerEnd || tokens[speakerStart].Norm == "the" && speakerStart == speakerEnd)
            {
                // A participle after a comma reports what the statement's subject says ("The mayor visited the quay,
                // telling residents the port will reopen"): the speaker is the name or noun the statement opens with.
                if (norm.EndsWith("ing", StringComparison.Ordinal) && previous == "," && OpeningSubjectEnd(tokens, text, i) is var subjectEnd and >= 0)
                {
                    var frameEnd = next == "that" ? i + 1 : verb.Lemma == "tell" ? Listener(tokens, i + 1) : i;
                    frames.Add(MakeFrame(statement, used, i, frameEnd, 0, subjectEnd, i, i, verb.Lemma, verb.Stance, Scope.After) with { Inferred = true });
                    continue;
                }

                // No speaker before it: a verb after a comma or quotation with its speaker after it (", say police",
                // "…," said Senator Ann Ward). Not "told" (its object is the listener) nor "noting" (no inversion).
                if (!(verb.Stance == Stance.Neutral && verb.Lemma != "tell" && !norm.EndsWith("ing", StringComparison.Ordinal)
                      && (IsAfterQuote(tokens, text, i) || previous == ",")))
                {
                    continue;
                }

                // The speaker after the verb: up to four words ("said the county sheriff"), and on through a name
                // with its titles and office ("said Harbour Workers Union President Ann Ward"), whose last word is
                // who it is.
                var after = i + 1;
                while (after < tokens.Count && tokens[after].Kind == TokenKind.Word
                       && (after - i < 5 || (after - i < MaxNamedSpeaker && char.IsUpper(text[tokens[after].Start]) && char.IsUpper(text[tokens[after - 1].Start])))
                       && !SpeakerStops.Contains(tokens[after].Norm) && !Lexicon.BeForms.Contains(tokens[after].Norm))
                {
                    after++;
                }

                if (!NamesSomeone(statement, i + 1, after - 1))
                {
                    continue;
                }

                frames.Add(MakeFrame(statement, used, i, after - 1, i + 1, after - 1, i, i, verb.Lemma, verb.Stance, Scope.Before));
                continue;
            }

            // A neutral verb reports speech only before "that", a colon, a comma or quotation, or at the end after
            // one ("announced a curfew" reports an act); "say" and "tell" report speech even without "that".
            if (!NamesSomeone(statement, speakerStart, speakerEnd))
            {
                continue; // "Congress on Wednesday overwhelmingly rejected": no one is speaking.
            }

            // "months after the texts revealed": a frame at the end of its statement reports what comes before it,
            // set off by a comma or a quotation ("…, the ministry said."); with neither, it reports nothing.
            var last = i + 1 == tokens.Count || (i + 2 == tokens.Count && next == ".");
            var before = speakerStart > 0 && tokens[speakerStart - 1].Norm is "a" or "an" ? speakerStart - 1 : speakerStart;
            if (last && before > 0 && tokens[before - 1].Norm != "," && !IsAfterQuote(tokens, text, before))
            {
                continue;
            }

            // "denied a request", "dismissed the case": a denying verb with a thing for its object turns it down;
            // it reports speech with a noun of report ("denied the allegations") or a clause.
            if (verb.Stance == Stance.Denying && Determiners.Contains(next) && !LinkingWords.Contains(next)
                && i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.Word && !Lexicon.ReportNouns.Contains(tokens[i + 2].Norm))
            {
                continue;
            }

            var reportsSpeech = (verb.Stance != Stance.Neutral && verb.Lemma != "reject")
                                || verb.Lemma is "say" or "tell"
                                || next is "that" or "," or ":" or "\"" or "'" or "."
                                || i + 1 == tokens.Count
                                || IsAfterQuote(tokens, text, speakerStart);
            if (reportsSpeech)
            {
                // "told reporters", "told the council that": the listener belongs to the frame, and what it reports comes after it (or before the frame, at the end).
                var frameEnd = verb.Lemma == "tell" && thatEnd == i && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word ? Listener(tokens, i + 1) : thatEnd;
                var frame = MakeFrame(statement, used, speakerStart, frameEnd, speakerStart, speakerEnd, i, i, verb.Lemma, verb.Stance, SpeakerFirstScope(tokens, text, speakerStart, frameEnd));
                if (modifier.Open >= 0)
                {
                    frame = frame with { Modifier = (tokens[modifier.Modifier].Start, tokens[speakerEnd].End) };
                }

                // "a law which critics said could allow discrimination, and lawmakers vowed …": a frame in a relative
                // clause reports that clause, up to the punctuation that ends it.
                if (speakerStart > 0 && tokens[speakerStart - 1].Norm == "which" && frame.ScopeStart > 0)
                {
                    frame = frame with { ScopeEnd = ClauseEnd(tokens, frameEnd + 1, text.Length) };
                }

                var opener = speakerStart > 0 && Articles.Contains(tokens[speakerStart - 1].Norm) ? speakerStart - 2 : speakerStart - 1;
                frames.Add(opener > 0 && Subordinators.Contains(tokens[opener].Norm) ? frame with { Subordinate = true } : frame);
            }
        }

        return frames;
    }

    /// <summary>
    /// Where a verb that goes on into a report with "to" starts ("continued", "came forward", "went on"),
    /// ending at <paramref name="at"/>; -1 if none ends there ("declined to say" says nothing).
    /// </summary>
    private static int Catenative(List<Token> tokens, int at)
    {
        var verb = at >= 1 && tokens[at].Norm is "forward" or "on" ? at - 1 : at;
        return verb >= 0 && Catenatives.Contains(tokens[verb].Norm) ? verb : -1;
    }

    /// <summary>Verb forms that go on into a report of their subject's with "to".</summary>
    private static readonly FrozenSet<string> Catenatives = Lexicon.List("catenatives.tsv");

    /// <summary>
    /// The last word of the name before an aside closed by the comma at <paramref name="comma"/> ("Mr. Vega,
    /// anticipating an indictment, asserted"; "Theodore J. Boutrous Jr., a lawyer for Wal-Mart, said"), when the
    /// aside is two to eight words after a capitalised name; else -1.
    /// </summary>
    private static int Appositive(List<Token> tokens, string text, int comma)
    {
        var k = comma - 1;
        while (k >= 0 && tokens[k].Kind == TokenKind.Word && comma - k <= 8)
        {
            k--;
        }

        if (k < 1 || comma - k < 3 || tokens[k].Norm != ",")
        {
            return -1;
        }

        var name = k - 1;
        var word = IsAbbreviationDot(tokens, name) ? name - 1 : name; // "Jr.,"
        return tokens[word].Kind == TokenKind.Word && char.IsUpper(text[tokens[word].Start]) ? name : -1;
    }

    /// <summary>Words that begin a noun phrase, never a verb: articles, demonstratives, possessives and quantifiers.</summary>
    private static readonly FrozenSet<string> NounPhraseStarts = Lexicon.Grammar("noun-phrase-start");

    /// <summary>Whether the token at <paramref name="index"/> begins a noun phrase: a determiner, a number or a capitalised name.</summary>
    private static bool BeginsNounPhrase(List<Token> tokens, string text, int index) =>
        index < tokens.Count && (NounPhraseStarts.Contains(tokens[index].Norm) || tokens[index].Kind != TokenKind.Word || char.IsDigit(text[tokens[index].Start]) || char.IsUpper(text[tokens[index].Start]));

    /// <summary>The most words a speaker after its verb may have when they are a name with its titles.</summary>
    private const int MaxNamedSpeaker = 12;

    /// <summary>
    /// A speaker set off by a colon, as headlines and transcripts write it: "Police: 19 hurt in shooting",
    /// "Quake hits Pakistan: CENC" (one to three words before the first colon or after the last).
    /// </summary>
    private static void HeadlineSpeaker(AnalyzedStatement statement, bool[] used, List<Frame> frames)
    {
        var tokens = statement.Tokens;
        var text = statement.Statement.Text;
        var colon = tokens.FindIndex(t => t.Kind == TokenKind.Punctuation && text[t.Start] == ':');
        if (colon is >= 1 and <= 3 && colon + 3 < tokens.Count && tokens.Take(colon).All(t => t.Kind == TokenKind.Word && char.IsUpper(text[t.Start]))
            && !tokens.Take(colon).Any(t => Lexicon.IsPageLabel(t.Norm)))
        {
            frames.Add(MakeFrame(statement, used, 0, colon, 0, colon - 1, colon, colon, "say", Stance.Neutral, Scope.After));
            return;
        }

        var last = tokens.FindLastIndex(t => t.Kind == TokenKind.Punctuation && text[t.Start] == ':');
        var words = tokens.Count - last - 1;
        // In a title-case headline every word is capitalised: a name has no function word ("…: Ann Ward", not "…: Drop Out").
        if (last >= 3 && words is >= 1 and <= 3 && tokens.Skip(last + 1).All(t => t.Kind == TokenKind.Word && char.IsUpper(text[t.Start]))
            && (!IsTitleCase(tokens, text) || tokens.Skip(last + 1).All(t => !StopWords.Contains(t.Norm))))
        {
            frames.Add(MakeFrame(statement, used, last, tokens.Count - 1, last + 1, tokens.Count - 1, last, last, "say", Stance.Neutral, Scope.Before));
        }
    }

    /// <summary>
    /// Whether words could be a speaker: a pronoun, or a word that is neither a function word, a day or
    /// month, an adverb in -ly nor a number ("Wednesday overwhelmingly" names no one).
    /// </summary>
    private static bool NamesSomeone(AnalyzedStatement statement, int from, int to)
    {
        for (var t = Math.Max(0, from); t <= to && t < statement.Tokens.Count; t++)
        {
            var token = statement.Tokens[t];
            if (token.Kind == TokenKind.Word
                && (Pronouns.Contains(token.Norm)
                    || (!StopWords.Contains(token.Norm) && !Lexicon.CalendarWords.Contains(token.Norm) && !token.Norm.EndsWith("ly", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reporting verbs whose bare form is a noun too ("the claim", "a report").</summary>
    private static readonly FrozenSet<string> NounLemmas = Lexicon.List("verb-nouns.tsv");

    private static Frame MakeFrame(
        AnalyzedStatement statement, bool[] used, int from, int to, int speakerFrom, int speakerTo, int verbFrom, int verbTo, string lemma, Stance stance, Scope scope)
    {
        var text = statement.Statement.Text;
        var tokens = statement.Tokens;
        for (var t = from; t <= to; t++)
        {
            used[t] = true;
        }

        var speaker = speakerFrom < 0 ? string.Empty : text[tokens[speakerFrom].Start..tokens[speakerTo].End];
        return new Frame(
            speaker,
            text[tokens[verbFrom].Start..tokens[verbTo].End],
            lemma,
            stance,
            text[tokens[from].Start..tokens[to].End],
            tokens[from].Start,
            tokens[to].End,
            scope == Scope.After ? tokens[to].End : 0,
            scope == Scope.Before ? tokens[from].Start : scope == Scope.After ? ContrastEnd(tokens, used, to + 1, text.Length) : text.Length);
    }

    /// <summary>
    /// What "according to X" reports: the words after it when it opens the statement ("But according to X, …"),
    /// the words before it when it closes it ("…, according to X."), else the statement around it.
    /// </summary>
    private static Scope AccordingScope(List<Token> tokens, int at, int end)
    {
        if (tokens.Take(at).All(t => StopWords.Contains(t.Norm)))
        {
            return Scope.After;
        }

        return tokens.Skip(end).All(t => t.Kind == TokenKind.Punctuation) ? Scope.Before : Scope.Around;
    }

    /// <summary>
    /// What a frame with its speaker first reports: a quote or clause before it when it follows one and
    /// ends its clause ("“…,” he said.", "…, court documents said in a filing"), else the words after it
    /// ("the lawmaker said he is sorry", "prosecutors say Jackson used …").
    /// </summary>
    private static Scope SpeakerFirstScope(List<Token> tokens, string text, int speakerStart, int end)
    {
        // The speaker's noun phrase may run back past where the speaker was cut ("the press release from the U.S. Attorney's Office").
        var phrase = speakerStart;
        while (phrase > 0 && speakerStart - phrase < 10 && (tokens[phrase - 1].Kind == TokenKind.Word || IsGluedDot(tokens, text, phrase - 1)))
        {
            phrase--;
        }

        if (IsAfterQuote(tokens, text, phrase))
        {
            return Scope.Before;
        }

        var follows = phrase > 0 && tokens[phrase - 1].Kind == TokenKind.Punctuation && text[tokens[phrase - 1].Start] is ',' or ';';
        Token? next = end + 1 < tokens.Count ? tokens[end + 1] : null;
        var endsClause = next is null || next.Value.Kind == TokenKind.Punctuation || ClauseEnders.Contains(next.Value.Norm);
        return follows && tokens[end].Norm != "that" && endsClause ? Scope.Before : Scope.After;
    }

    /// <summary>Words after a reporting verb that begin a circumstance, not what was said ("said in a statement", "said on Friday").</summary>
    private static readonly FrozenSet<string> ClauseEnders = Lexicon.Weekdays.Concat(Lexicon.Grammar("circumstance")).ToFrozenSet(StringComparer.Ordinal);
}
