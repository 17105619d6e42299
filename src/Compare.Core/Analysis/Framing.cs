namespace Compare.Core.Analysis;

/// <summary>Who a statement says is speaking: "Azerbaijan claimed that", "It was claimed that", "according to the ministry".</summary>
/// <param name="Speaker">The speaker as written, or empty for an impersonal frame ("It was claimed", "reportedly").</param>
/// <param name="Verb">The reporting verb as written ("claiming", "according to").</param>
/// <param name="Lemma">The verb's lemma ("claim").</param>
/// <param name="Stance">How the verb frames what it reports.</param>
/// <param name="Text">The frame's words ("with Azerbaijan claiming that" is "Azerbaijan claiming that").</param>
/// <param name="Start">Offset of the frame in the statement.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="ScopeStart">Offset of what the frame reports: the words after "said that", the quote before "…," he said.</param>
/// <param name="ScopeEnd">Offset just past what it reports.</param>
internal sealed record Frame(string Speaker, string Verb, string Lemma, Stance Stance, string Text, int Start, int End, int ScopeStart, int ScopeEnd)
{
    /// <summary>Who a pronoun speaker ("he said") is: the last speaker named before it in its source, or empty.</summary>
    public string Referent { get; init; } = string.Empty;

    /// <summary>Whether the speaker is inferred from where the frame stands (the subject before "…, telling residents"), not written with it: never told apart from another speaker.</summary>
    public bool Inferred { get; init; }

    /// <summary>Who speaks: the referent of a resolved pronoun, else the speaker as written.</summary>
    public string Person => Referent.Length > 0 ? Referent : Speaker;

    /// <summary>The speaker as compared across sources: its last word (the referent's for a pronoun), lower-cased; empty when impersonal; "*" for a pronoun nobody was named before.</summary>
    public string SpeakerKey => KeyOf(Person);

    /// <summary>The speaker as a reader is told it: "he (Ruben Vardanyan)" for a resolved pronoun.</summary>
    public string Who => Referent.Length > 0 ? $"{Speaker} ({Referent})" : Speaker;

    /// <summary>The frame's words as a reader is told them: "“he said” (Ruben Vardanyan)" for a resolved pronoun.</summary>
    public string Quoted => Referent.Length > 0 ? $"“{Text}” ({Referent})" : $"“{Text}”";

    /// <summary>Whether the speaker is named: a capitalised word that is no title ("Hutchinson", not "the governor").</summary>
    public bool IsNamed =>
        Tokenizer.Tokenize(Person).Any(t => t.Kind == TokenKind.Word && char.IsUpper(Person[t.Start]) && !StopWords.Contains(t.Norm) && !Lexicon.IsTitle(t.Norm) && !IsPronoun(t.Norm));

    /// <summary>Whether the speaker is "he" or "she", which <see cref="Referent"/> can resolve.</summary>
    public bool IsPersonalPronoun => Speaker.Trim().ToLowerInvariant() is "he" or "she";

    private static bool IsPronoun(string norm) => norm is "he" or "she" or "they" or "it" or "we" or "i";

    private static string KeyOf(string speaker)
    {
        if (speaker.Length == 0)
        {
            return string.Empty;
        }

        var head = Tokenizer.Tokenize(speaker).LastOrDefault(t => t.Kind == TokenKind.Word).Norm ?? string.Empty;
        return IsPronoun(head) ? "*" : head.EndsWith("'s", StringComparison.Ordinal) ? head[..^2] : head;
    }
}

/// <summary>Words of a statement that carry a cue: a hedge, a modal, a quotation or a name.</summary>
/// <param name="Text">The words as written.</param>
/// <param name="Key">What is compared across sources (the lexicon entry, the quoted words folded, the entity).</param>
/// <param name="Start">Offset in the statement.</param>
/// <param name="End">Offset just past it.</param>
internal sealed record Cue(string Text, string Key, int Start, int End);

/// <summary>Which words of its statement a frame reports.</summary>
internal enum Scope
{
    /// <summary>The words after it: "Azerbaijan claimed that …", "According to the ministry, …".</summary>
    After,

    /// <summary>The words before it: "“…,” he said.", "…, court documents said."</summary>
    Before,

    /// <summary>The whole statement: "The plan, according to officials, …", "… reportedly …".</summary>
    Around,
}

/// <summary>The framing cues of one statement.</summary>
internal sealed record Framing(
    IReadOnlyList<Frame> Frames,
    IReadOnlyList<Cue> Hedges,
    IReadOnlyList<Cue> Modals,
    IReadOnlyList<Cue> Quotes,
    IReadOnlyList<Cue> Names);

/// <summary>
/// Finds attribution frames, hedge cues, modal expressions, quoted spans and names in a statement,
/// with the lexicons in <c>Lexicons/</c>.
/// </summary>
internal static class FramingAnalyzer
{
    /// <summary>Words before a verb form that make it an adjective ("the claimed assets", "and alleged groups").</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "its", "their", "his", "her", "these", "those", "this", "and", "or", "for", "from", "with", "our", "two", "three",
    };

    /// <summary>Words between a speaker and the verb: "Azerbaijan has repeatedly stated".</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "also", "repeatedly", "further", "then", "later", "again", "previously", "earlier", "once", "publicly", "officially", "had", "did", "does", "do",
    };

    /// <summary>Words that end a speaker phrase going back from the verb.</summary>
    private static readonly HashSet<string> SpeakerStops = new(StringComparer.Ordinal)
    {
        "that", "which", "who", "with", "and", "but", "as", "while", "in", "on", "at", "by", "to", "for", "if", "when", "after", "before", "because", "since", "so", "than", "where", "whereas", "although", "though", "also",
    };

    private static readonly PhraseIndex HedgePhrases = new(Lexicon.Hedges.Select(h => (h, string.Join(' ', h))));

    private static readonly PhraseIndex ModalPhrases = new(Lexicon.Modals.Select(m => (m.Words, string.Join(' ', m.Words))));

    /// <summary>Every name of every entity, keyed by the entity's label.</summary>
    private static readonly PhraseIndex AliasNames = new(Lexicon.Aliases.SelectMany(a => a.Names.Select(n => (n, a.Label))));

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "he", "she", "they", "it", "we", "i", "you" };

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

    /// <summary>The attribution frames of a statement alone, without its other cues.</summary>
    public static List<Frame> Frames(AnalyzedStatement statement) => FramesOf(statement).Frames;

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
                && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && next is not ("that" or "to" or "by" or "in" or "on" or "as"))
            {
                if (verb.Lemma is "claim" or "allege" or "accuse" or "purport" or "report")
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
            while (k >= 0 && (Lexicon.BeForms.Contains(tokens[k].Norm) || tokens[k].Norm is "has" or "have" or "had" or "widely" or "also"))
            {
                k--;
            }

            if (k < i - 1 && k >= 0 && tokens[k].Norm == "it" && norm.EndsWith("ed", StringComparison.Ordinal))
            {
                frames.Add(MakeFrame(statement, used, k, thatEnd, -1, -1, i, i, verb.Lemma, verb.Stance, Scope.After));
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

            // "Justice Scalia, who said", "Justice Scalia who said": the speaker is the noun the relative clause follows.
            if (j >= 1 && tokens[j].Norm == "who")
            {
                j = tokens[j - 1].Norm == "," ? j - 2 : j - 1;
            }
            else if (j >= 3 && tokens[j].Norm == "," && Appositive(tokens, text, j) is var name and >= 0)
            {
                // "Mr. Vega, anticipating an indictment, asserted": the speaker stands before the comma the aside opens with.
                j = name;
            }

            var speakerEnd = j;
            while (j >= 0 && speakerEnd - j < 8
                   && (tokens[j].Kind == TokenKind.Word && !SpeakerStops.Contains(tokens[j].Norm)
                       && (!StopWords.Contains(tokens[j].Norm) || tokens[j].Norm == "the" || Pronouns.Contains(tokens[j].Norm))
                       || IsGluedDot(tokens, text, j)
                       || IsAbbreviationDot(tokens, j)
                       || IsOfInName(tokens, text, j)))
            {
                j--;
            }

            var speakerStart = j + 1;
            if (speakerStart > speakerEnd || tokens[speakerStart].Norm == "the" && speakerStart == speakerEnd)
            {
                // A participle after a comma reports what the statement's subject says ("The mayor visited the quay,
                // telling residents the port will reopen"): the speaker is the name or noun the statement opens with.
                if (norm.EndsWith("ing", StringComparison.Ordinal) && previous == "," && OpeningSubject(tokens, text, i) is var (subjectFrom, subjectTo) && subjectTo >= 0)
                {
                    var frameEnd = next == "that" ? i + 1 : verb.Lemma == "tell" ? Listener(tokens, i + 1) : i;
                    frames.Add(MakeFrame(statement, used, i, frameEnd, subjectFrom, subjectTo, i, i, verb.Lemma, verb.Stance, Scope.After) with { Inferred = true });
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

            var reportsSpeech = (verb.Stance != Stance.Neutral && verb.Lemma != "reject")
                                || verb.Lemma is "say" or "tell"
                                || next is "that" or "," or ":" or "\"" or "'" or "."
                                || i + 1 == tokens.Count
                                || IsAfterQuote(tokens, text, speakerStart);
            if (reportsSpeech)
            {
                frames.Add(MakeFrame(statement, used, speakerStart, thatEnd, speakerStart, speakerEnd, i, i, verb.Lemma, verb.Stance, SpeakerFirstScope(tokens, text, speakerStart, thatEnd)));
            }
        }

        return frames;
    }

    /// <summary>Goes back over words between a speaker and its verb ("has repeatedly", "on Wednesday"), from <paramref name="j"/>.</summary>
    private static int SkipAuxiliaries(List<Token> tokens, int j)
    {
        while (j >= 0)
        {
            if (Auxiliaries.Contains(tokens[j].Norm))
            {
                j--;
            }
            else if (j >= 1 && Lexicon.CalendarWords.Contains(tokens[j].Norm) && tokens[j - 1].Norm == "on")
            {
                j -= 2;
            }
            else if (j >= 1 && tokens[j].Norm == "to" && Catenative(tokens, j - 1) is var verb and >= 0)
            {
                j = verb - 1; // "continued to allege", "came forward to accuse": the speaker is the subject of the verb before "to".
            }
            else
            {
                return j;
            }
        }

        return j;
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
    private static readonly HashSet<string> Catenatives = new(StringComparer.Ordinal)
    {
        "continue", "continues", "continued", "continuing", "came", "come", "comes", "coming", "went", "go", "goes", "going",
        "began", "begin", "begins", "begun", "proceeded", "moved", "rushed", "hastened", "appeared", "seemed", "sought", "tried",
    };

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
    private static readonly HashSet<string> NounPhraseStarts = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "some", "any", "each", "every", "all", "no", "both", "several", "many", "most",
    };

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
        if (last >= 3 && words is >= 1 and <= 3 && tokens.Skip(last + 1).All(t => t.Kind == TokenKind.Word && char.IsUpper(text[t.Start])))
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
    private static readonly HashSet<string> NounLemmas = new(StringComparer.Ordinal)
    {
        "claim", "report", "dispute", "comment", "estimate", "quote", "hint", "boast", "note", "reply", "remark",
    };

    /// <summary>Whether a statement is written in title case, as headlines are: most of its longer words after the first capitalised.</summary>
    private static bool IsTitleCase(List<Token> tokens, string text)
    {
        int words = 0, capitalised = 0;
        for (var t = 1; t < tokens.Count; t++)
        {
            if (tokens[t].Kind == TokenKind.Word && tokens[t].End - tokens[t].Start > 3)
            {
                words++;
                capitalised += char.IsUpper(text[tokens[t].Start]) ? 1 : 0;
            }
        }

        return words >= 2 && capitalised * 4 >= words * 3;
    }

    /// <summary>
    /// Whether a reporting verb's bare form is a noun: after a determiner or possessive ("the claim", "his
    /// report") or before a preposition a verb does not take or the end of a clause ("dispute over", "claim.").
    /// </summary>
    private static bool NounUse(List<Token> tokens, int i)
    {
        var previous = i > 0 ? tokens[i - 1].Norm : string.Empty;
        if (Determiners.Contains(previous) || previous.EndsWith("'s", StringComparison.Ordinal))
        {
            return true;
        }

        return i + 1 == tokens.Count || tokens[i + 1].Kind == TokenKind.Punctuation
            ? !Pronouns.Contains(previous)
            : tokens[i + 1].Norm is "over" or "of" or "between" or "from" or "against";
    }

    /// <summary>The full stop of a title, an initial or a suffix in a name ("Mr.", "J.", "Jr.").</summary>
    private static bool IsAbbreviationDot(List<Token> tokens, int i) =>
        i >= 1 && tokens[i].Norm == "." && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].End == tokens[i].Start
        && (tokens[i - 1].Norm.Length == 1 || tokens[i - 1].Norm is "jr" or "sr" || Lexicon.IsTitle(tokens[i - 1].Norm));

    /// <summary>"of" between capitalised words, inside a name ("The Union of Concerned Scientists", "Schumer of New York").</summary>
    private static bool IsOfInName(List<Token> tokens, string text, int i) =>
        i > 0 && i + 1 < tokens.Count && tokens[i].Norm == "of"
        && tokens[i - 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[i - 1].Start])
        && tokens[i + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[i + 1].Start]);

    /// <summary>A full stop inside a word, between letters with no space ("BigGovernment.com").</summary>
    private static bool IsGluedDot(List<Token> tokens, string text, int i) =>
        i > 0 && i + 1 < tokens.Count && text[tokens[i].Start] == '.' && tokens[i].End - tokens[i].Start == 1
        && tokens[i - 1].Kind == TokenKind.Word && tokens[i + 1].Kind == TokenKind.Word
        && tokens[i - 1].End == tokens[i].Start && tokens[i].End == tokens[i + 1].Start;

    private static bool IsAfterQuote(List<Token> tokens, string text, int i) =>
        i >= 2 && tokens[i - 1].Kind == TokenKind.Punctuation && text[tokens[i - 1].Start] is ',' && tokens[i - 2].Kind == TokenKind.Punctuation
        || i >= 1 && tokens[i - 1].Kind == TokenKind.Punctuation && text[tokens[i - 1].Start] is '"' or '”' or '’';

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
            scope == Scope.Before ? tokens[from].Start : text.Length);
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
    private static readonly HashSet<string> ClauseEnders = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "during", "after", "before", "from", "while", "when", "as", "last", "this", "earlier", "later", "to", "with",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    };

    /// <summary>"supposed to" and "likely to" are modality; "believed" hedges only before a participle ("believed killed") or "to".</summary>
    private static bool IsHedgeUse(List<Token> tokens, int start, int end) =>
        tokens[start].Norm switch
        {
            "supposed" or "likely" or "unlikely" => end >= tokens.Count || tokens[end].Norm != "to",
            "believed" => end < tokens.Count && (tokens[end].Norm == "to" || tokens[end].Norm.EndsWith("ed", StringComparison.Ordinal)),
            "accused" => start > 0 && Determiners.Contains(tokens[start - 1].Norm),
            _ => true,
        };

    /// <summary>
    /// "will" and "may" as nouns or a month ("the will of", "May 5", "in May and") are not modal, nor "is to" after a noun
    /// of purpose ("the right decision is to step aside" says what the decision is) or before anything but a
    /// verb ("the plea was to a conspiracy charge", "rose to 59").
    /// </summary>
    private static bool IsModalUse(List<Token> tokens, string text, int start, int end) =>
        tokens[start].Norm switch
        {
            "will" or "can" => start == 0 || tokens[start - 1].Norm is not ("the" or "a" or "his" or "her" or "their" or "its" or "good"),
            "may" => (end >= tokens.Count || tokens[end].Kind != TokenKind.Number) && (start == 0 || !char.IsUpper(text[tokens[start].Start])),
            _ when end - start == 2 && tokens[start + 1].Norm == "to" && Lexicon.BeForms.Contains(tokens[start].Norm) =>
                (start == 0 || !PurposeNouns.Contains(tokens[start - 1].Norm))
                && end < tokens.Count && tokens[end].Kind == TokenKind.Word && !Determiners.Contains(tokens[end].Norm),
            _ => true,
        };

    /// <summary>Nouns whose "is to" names what they are, not what must happen.</summary>
    private static readonly HashSet<string> PurposeNouns = new(StringComparer.Ordinal)
    {
        "decision", "goal", "aim", "plan", "idea", "intention", "task", "job", "purpose", "objective", "mission", "priority",
        "answer", "solution", "way", "step", "thing", "option", "choice", "hope", "point", "strategy", "approach", "challenge",
    };

    private static List<Cue> Matches(
        List<Token> tokens,
        string text,
        bool[] used,
        PhraseIndex phrases,
        Func<List<Token>, int, int, bool> accept,
        Func<string, string, Token, bool>? equals = null)
    {
        equals ??= static (word, _, token) => word == "BE" ? Lexicon.BeForms.Contains(token.Norm) : word == token.Norm;
        var cues = new List<Cue>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || tokens[i].Kind == TokenKind.Punctuation)
            {
                continue;
            }

            foreach (var (words, key) in phrases.StartingWith(tokens[i].Norm))
            {
                if (i + words.Length > tokens.Count)
                {
                    continue;
                }

                // A form of "to be" may be followed by an adverb before the rest of the phrase ("is also expected
                // to", "was originally set to").
                var match = true;
                var at = i;
                for (var w = 0; w < words.Length && match; w++, at++)
                {
                    match = at < tokens.Count && !used[at] && equals(words[w], text, tokens[at]);
                    if (match && words[w] == "BE" && w + 1 < words.Length && at + 2 < tokens.Count && IsAdverbAfterBe(tokens[at + 1].Norm) && !used[at + 1])
                    {
                        at++;
                    }
                }

                if (!match || !accept(tokens, i, at))
                {
                    continue;
                }

                var last = at - 1;
                cues.Add(new Cue(text[tokens[i].Start..tokens[last].End], key, tokens[i].Start, tokens[last].End));
                for (var w = i; w <= last; w++)
                {
                    used[w] = true;
                }

                i = last;
                break;
            }
        }

        return cues;
    }

    /// <summary>
    /// The subject a statement opens with, as token indices: a run of capitalised words ("Mayor Ann Ward"), or an
    /// article and the word after it ("The mayor"), followed by a word in lower case; (0, -1) when it opens otherwise.
    /// </summary>
    private static (int From, int To) OpeningSubject(List<Token> tokens, string text, int before)
    {
        var at = tokens.Count > 0 && tokens[0].Norm is "the" or "a" or "an" ? 1 : 0;
        var from = at;
        while (at < before && tokens[at].Kind == TokenKind.Word && char.IsUpper(text[tokens[at].Start]) && !Lexicon.BeForms.Contains(tokens[at].Norm))
        {
            at++;
        }

        if (at == from && from == 1 && at < before && tokens[at].Kind == TokenKind.Word && !StopWords.Contains(tokens[at].Norm))
        {
            at++; // "The mayor"
        }

        var opens = at > from && at < before && tokens[at].Kind == TokenKind.Word && !char.IsUpper(text[tokens[at].Start]);
        return opens ? (0, at - 1) : (0, -1);
    }

    /// <summary>The last token of the listener after "telling": a word, or an article and a word ("telling the council").</summary>
    private static int Listener(List<Token> tokens, int from)
    {
        if (from >= tokens.Count || tokens[from].Kind != TokenKind.Word)
        {
            return from - 1;
        }

        var last = tokens[from].Norm is "the" or "a" or "an" or "his" or "her" or "their" && from + 1 < tokens.Count ? from + 1 : from;
        return last + 1 < tokens.Count && tokens[last + 1].Norm == "that" ? last + 1 : last;
    }

    /// <summary>Adverbs that stand between a form of "to be" and the rest of a phrase without changing it ("is also expected to").</summary>
    private static bool IsAdverbAfterBe(string word) =>
        word is "also" or "now" or "still" or "already" or "currently" or "widely" or "originally" or "initially" or "likewise" or "further";

    /// <summary>
    /// Names the alias table does not know: runs of capitalised words ("Port Director Ilse Marrow"),
    /// keyed by their last word, so that another name with the same head ("Director Marrow") is
    /// recognised as naming the same person or body. A run at the start of the statement counts only
    /// from two words on (its first word is capitalised anyway).
    /// </summary>
    private static IEnumerable<Cue> CapitalisedNames(AnalyzedStatement statement, bool[] used)
    {
        var text = statement.Statement.Text;
        var tokens = statement.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = i;
            while (end < tokens.Count && !used[end] && tokens[end].Kind == TokenKind.Word && char.IsUpper(text[tokens[end].Start]))
            {
                end++;
            }

            // A capitalised function word opening the run is no part of the name ("But Justice Antonin Scalia").
            var first = i;
            while (first < end && StopWords.Contains(tokens[first].Norm))
            {
                first++;
            }

            var head = end > first ? tokens[end - 1].Norm : string.Empty;
            head = head.EndsWith("'s", StringComparison.Ordinal) ? head[..^2] : head;
            if (end - first >= (i == 0 && first == 0 ? 2 : 1) && !Lexicon.CalendarWords.Contains(head))
            {
                yield return new Cue(text[tokens[first].Start..tokens[end - 1].End], "name:" + head, tokens[first].Start, tokens[end - 1].End);
            }

            i = Math.Max(i, end);
        }
    }

    /// <summary>
    /// Spans in quotation marks: “…”, ‘…’, "…", and '…' around words (not apostrophes inside them); all of a
    /// statement without double marks that begins inside a quotation an earlier one opened.
    /// </summary>
    internal static List<Cue> Quotes(string text, bool startsInQuote)
    {
        var quotes = new List<Cue>();
        if (startsInQuote && text.AsSpan().IndexOfAny('“', '”', '"') < 0)
        {
            quotes.Add(new Cue(text, Tokenizer.Fold(text.AsSpan().Trim(" ,.")), 0, text.Length));
            return quotes;
        }

        // A statement that opens inside a quote the previous one began: its closing mark comes first ("We
        // owe them support," he said).
        var firstClose = text.IndexOf('”');
        var firstOpen = text.IndexOf('“');
        var straight = text.IndexOf('"');
        if (firstClose < 0 && firstOpen < 0 && straight > 0 && !char.IsWhiteSpace(text[straight - 1])
            && (straight + 1 == text.Length || char.IsWhiteSpace(text[straight + 1]))
            && text.AsSpan(straight + 1).IndexOf('"') < 0)
        {
            firstClose = straight; // The only straight mark closes a quote: it follows a word and a space or the end follows it.
        }

        if (firstClose > 0 && (firstOpen < 0 || firstClose < firstOpen))
        {
            quotes.Add(new Cue(text[..(firstClose + 1)], Tokenizer.Fold(text.AsSpan(0, firstClose).Trim(" ,.")), 0, firstClose + 1));
        }

        for (var i = quotes.Count > 0 ? quotes[0].End : 0; i < text.Length; i++)
        {
            var close = text[i] switch
            {
                '“' => '”',
                '‘' => '’',
                '"' => '"',
                '\'' when (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && char.IsLetter(text[i + 1]) => '\'',
                _ => '\0',
            };
            if (close == '\0')
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && !(text[end] == close && (close is not ('’' or '\'') || end + 1 >= text.Length || !char.IsLetter(text[end + 1]))))
            {
                end++;
            }

            if (end == i + 1)
            {
                continue;
            }

            if (end >= text.Length)
            {
                // An opening mark never closed: a quote that goes on in the next statement ("His conduct is
                // unbecoming of a member of Congress. He must resign," …), when words follow it.
                if (close is '”' or '"' && quotes.Count == 0 && text.AsSpan(i + 1).IndexOfAny(' ', '\u00a0') > 0)
                {
                    quotes.Add(new Cue(text[i..], Tokenizer.Fold(text.AsSpan(i + 1).Trim(" ,.")), i, text.Length));
                }

                break;
            }

            var inner = text[(i + 1)..end];
            quotes.Add(new Cue(text[i..(end + 1)], Tokenizer.Fold(inner.AsSpan().Trim(" ,.")), i, end + 1));
            i = end;
        }

        return quotes;
    }

    /// <summary>Phrases by their first word (folded; "BE" under every form of "to be"), longest first, so a token is tried only against phrases it can start.</summary>
    private sealed class PhraseIndex
    {
        private readonly Dictionary<string, List<(string[] Words, string Key)>> _byFirst = new(StringComparer.Ordinal);

        public PhraseIndex(IEnumerable<(string[] Words, string Key)> phrases)
        {
            foreach (var phrase in phrases.OrderByDescending(p => p.Words.Length))
            {
                var first = phrase.Words[0];
                IEnumerable<string> keys = first == "BE" ? Lexicon.BeForms : [first[0] == '=' ? first[1..].ToLowerInvariant() : first];
                foreach (var key in keys)
                {
                    if (!_byFirst.TryGetValue(key, out var list))
                    {
                        _byFirst[key] = list = [];
                    }

                    list.Add(phrase);
                }
            }
        }

        private static readonly List<(string[] Words, string Key)> None = [];

        public List<(string[] Words, string Key)> StartingWith(string norm) =>
            _byFirst.TryGetValue(norm, out var list) ? list : None;
    }
}
