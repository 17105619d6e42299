using System.Collections.Frozen;

namespace Compare.Core.Analysis;

/// <summary>What a token is where it stands: part of a name, an abbreviation, a noun rather than a verb, after a quote.</summary>
internal static partial class FramingAnalyzer
{
    private static readonly FrozenSet<string> Articles = Lexicon.Grammar("article");

    /// <summary>Prepositions after a reporting verb's bare form that make it a noun ("a dispute over").</summary>
    private static readonly FrozenSet<string> NounPrepositions = Lexicon.Grammar("noun-preposition");

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
            : NounPrepositions.Contains(tokens[i + 1].Norm);
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

    /// <summary>"of" after a title, inside the name of an office ("chief of staff Mick Mulvaney", "Secretary of State Ann Ward").</summary>
    private static bool IsOfInOffice(List<Token> tokens, int i) =>
        i > 0 && i + 1 < tokens.Count && tokens[i].Norm == "of" && tokens[i + 1].Kind == TokenKind.Word && Lexicon.IsTitle(tokens[i - 1].Norm);

    /// <summary>A full stop inside a word, between letters with no space ("BigGovernment.com").</summary>
    private static bool IsGluedDot(List<Token> tokens, string text, int i) =>
        i > 0 && i + 1 < tokens.Count && text[tokens[i].Start] == '.' && tokens[i].End - tokens[i].Start == 1
        && tokens[i - 1].Kind == TokenKind.Word && tokens[i + 1].Kind == TokenKind.Word
        && tokens[i - 1].End == tokens[i].Start && tokens[i].End == tokens[i + 1].Start;

    private static bool IsAfterQuote(List<Token> tokens, string text, int i) =>
        i >= 2 && tokens[i - 1].Kind == TokenKind.Punctuation && text[tokens[i - 1].Start] is ',' && tokens[i - 2].Kind == TokenKind.Punctuation
        || i >= 1 && tokens[i - 1].Kind == TokenKind.Punctuation && text[tokens[i - 1].Start] is '"' or '”' or '’';

    private static readonly FrozenSet<string> PostModifiers = Lexicon.Grammar("post-modifier");

    /// <summary>
    /// Whether token <paramref name="k"/> of a speaker's words begins what modifies the noun before it, not its
    /// name: a word in lower case that is a preposition or an adjective with one ("with knowledge of",
    /// "familiar with", "to the UN"; "of" only before a word in lower case: "Schumer of New York" is a name), or a
    /// participle ("investigating the leak").
    /// </summary>
    internal static bool StartsPostModifier(List<Token> tokens, string text, int k)
    {
        if (k <= 0 || k + 1 >= tokens.Count || tokens[k].Kind != TokenKind.Word || char.IsUpper(text[tokens[k].Start]))
        {
            return false;
        }

        var norm = tokens[k].Norm;
        if (PostModifiers.Contains(norm))
        {
            return norm != "of" || !char.IsUpper(text[tokens[k + 1].Start]);
        }

        return norm.Length > 5 && norm.EndsWith("ing", StringComparison.Ordinal) && tokens[k - 1].Kind == TokenKind.Word && !StopWords.Contains(tokens[k - 1].Norm);
    }

    /// <summary>
    /// Where the subject of a clause starts when the speaker read back from the verb is what modifies it
    /// ("people with knowledge of the case said", "The special counsel investigating interference in the 2016
    /// election disputed"): the words before <paramref name="speakerStart"/> lead back, through a preposition,
    /// to a noun phrase that opens the clause. Returns where it opens and where what modifies it begins; -1 otherwise.
    /// </summary>
    private static (int Open, int Modifier) PostModifiedSubject(List<Token> tokens, string text, int speakerStart)
    {
        var p = speakerStart - 1;
        while (p >= 0 && (tokens[p].Kind == TokenKind.Number || Articles.Contains(tokens[p].Norm)))
        {
            p--;
        }

        if (p < 1 || tokens[p].Kind != TokenKind.Word || !PostModifiers.Contains(tokens[p].Norm) || char.IsUpper(text[tokens[p].Start]))
        {
            return (-1, -1);
        }

        // The clause opens after the last punctuation or "that" before it.
        var open = p;
        while (open > 0 && !(tokens[open - 1].Kind == TokenKind.Punctuation && !IsGluedDot(tokens, text, open - 1) && !IsAbbreviationDot(tokens, open - 1)) && tokens[open - 1].Norm != "that")
        {
            open--;
        }

        // Its subject: the words up to the first that modifies it, with a word that is no function word.
        var head = open;
        while (head < p && !StartsPostModifier(tokens, text, head) && (tokens[head].Kind == TokenKind.Word || IsAbbreviationDot(tokens, head)))
        {
            head++;
        }

        // A document is not the speaker its author is ("the press release from the U.S. Attorney's Office said": the office).
        var subject = Enumerable.Range(open, head - open).Where(t => tokens[t].Kind == TokenKind.Word).ToList();
        return head > open && head - open <= MaxSubjectWords && speakerStart - open <= MaxModifiedSpeaker && StartsPostModifier(tokens, text, head)
               && subject.Exists(t => !StopWords.Contains(tokens[t].Norm))
               && !subject.Exists(t => Lexicon.DocumentStems.Contains(Stemmer.Stem(tokens[t].Norm)))
               && !subject.Exists(t => Lexicon.BeForms.Contains(tokens[t].Norm) || Lexicon.ReportingVerbs.ContainsKey(tokens[t].Norm))
            ? (open, head)
            : (-1, -1);
    }

    /// <summary>The most words of a subject before what modifies it ("The special counsel").</summary>
    private const int MaxSubjectWords = 5;

    /// <summary>The most words from a subject to the speaker read back from the verb, through what modifies it.</summary>
    private const int MaxModifiedSpeaker = 14;

    /// <summary>
    /// Where what a frame reports ends when the writer goes on in a clause of their own: at a semicolon, or a
    /// comma before a word of contrast ("said the account was hacked, but he has since called it a prank"),
    /// outside quotation marks (the tokens <paramref name="setAside"/> marks: quoted words, and words a frame or
    /// cue found before took); else at <paramref name="end"/>.
    /// </summary>
    private static int ContrastEnd(List<Token> tokens, bool[] setAside, int from, int end)
    {
        for (var t = from; t < tokens.Count; t++)
        {
            if (setAside[t])
            {
                continue;
            }

            if (tokens[t].Norm == ";")
            {
                return tokens[t].Start;
            }

            // The comma may stand inside the closing quotation mark before it ("… “obviously hacked,” but …").
            var comma = t > from && tokens[t - 1].Norm is "\"" or "”" or "'" or "’" ? t - 2 : t - 1;
            // Not an aside between commas ("Grassley, though, would likely become chairman").
            if (Contrasts.Contains(tokens[t].Norm) && comma >= from && tokens[comma].Norm == "," && !(t + 1 < tokens.Count && tokens[t + 1].Norm == ","))
            {
                return tokens[comma].Start;
            }
        }

        return end;
    }

    private static readonly FrozenSet<string> Contrasts = Lexicon.Grammar("contrast");

    /// <summary>Where the clause that goes on from token <paramref name="from"/> ends: at the next comma, semicolon, colon or dash, else at <paramref name="end"/>.</summary>
    private static int ClauseEnd(List<Token> tokens, int from, int end)
    {
        for (var t = from; t < tokens.Count; t++)
        {
            if (tokens[t].Kind == TokenKind.Punctuation && tokens[t].Norm is "," or ";" or ":" or "—" or "–")
            {
                return tokens[t].Start;
            }
        }

        return end;
    }

    /// <summary>
    /// The last token of the subject a statement opens with, before token <paramref name="before"/>: a run of
    /// capitalised words ("Mayor Ann Ward"), or an article and the word after it ("The mayor"), followed by a
    /// word in lower case; -1 when it opens otherwise.
    /// </summary>
    private static int OpeningSubjectEnd(List<Token> tokens, string text, int before)
    {
        var at = tokens.Count > 0 && Articles.Contains(tokens[0].Norm) ? 1 : 0;
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
        return opens ? at - 1 : -1;
    }

    /// <summary>The last token of the listener after "telling": a word, or an article and a word ("telling the council").</summary>
    private static int Listener(List<Token> tokens, int from)
    {
        if (from >= tokens.Count || tokens[from].Kind != TokenKind.Word)
        {
            return from - 1;
        }

        var last = NounPhraseStarts.Contains(tokens[from].Norm) && from + 1 < tokens.Count ? from + 1 : from;
        return last + 1 < tokens.Count && tokens[last + 1].Norm == "that" ? last + 1 : last;
    }

    /// <summary>How many tokens a quotation's speaker and the asides after it may span before the verb.</summary>
    private const int QuoteSubjectReach = 24;

    /// <summary>How many words the name right after a quotation may have.</summary>
    private const int QuoteSubjectWords = 5;

    /// <summary>
    /// The last token of the name that follows a closing quotation mark, when the tokens from it to
    /// <paramref name="before"/> are words and commas only, with asides after the name ("“…,” Ann Ward, the
    /// director of the dockers' union, a group of 400, said"), no reporting verb among them, and the name is
    /// capitalised and at most <see cref="QuoteSubjectWords"/> words; else -1.
    /// </summary>
    private static int QuoteSubjectEnd(List<Token> tokens, string text, int before)
    {
        var commas = 0;
        for (var k = before; k >= 0 && before - k < QuoteSubjectReach; k--)
        {
            var token = tokens[k];
            if (token.Kind == TokenKind.Word)
            {
                if (Lexicon.ReportingVerbs.ContainsKey(token.Norm))
                {
                    return -1;
                }

                continue;
            }

            if (token.Norm == ",")
            {
                commas++;
                continue;
            }

            if (IsAbbreviationDot(tokens, k))
            {
                continue;
            }

            if (text[token.Start] is not ('”' or '"') || commas == 0 || k + 1 > before || !char.IsUpper(text[tokens[k + 1].Start]))
            {
                return -1;
            }

            var end = k + 1;
            while (end + 1 <= before && tokens[end + 1].Norm != ",")
            {
                end++;
            }

            return end - k <= QuoteSubjectWords ? end : -1;
        }

        return -1;
    }

    /// <summary>
    /// Where a time that ends at token <paramref name="j"/> starts: a day word ("today"), a weekday, or a time
    /// noun after "this", "last" or a weekday ("this morning", "Friday night"), with an "on" before it; -1 when none ends there.
    /// </summary>
    private static int TimeStart(List<Token> tokens, int j)
    {
        var norm = tokens[j].Norm;
        var start = DayWords.Contains(norm) || Lexicon.Weekdays.Contains(norm) ? j
            : j >= 1 && TimeNouns.Contains(norm) && (TimeDeictics.Contains(tokens[j - 1].Norm) || Lexicon.Weekdays.Contains(tokens[j - 1].Norm)) ? j - 1
            : -1;
        return start >= 1 && tokens[start - 1].Norm == "on" ? start - 1 : start;
    }

    private static readonly FrozenSet<string> DayWords = Lexicon.Grammar("day-word");

    private static readonly FrozenSet<string> TimeNouns = Lexicon.Grammar("time-noun");

    private static readonly FrozenSet<string> TimeDeictics = Lexicon.Grammar("time-deictic");

    /// <summary>How many tokens a relative clause between a speaker and its verb may span.</summary>
    private const int RelativeClauseReach = 24;

    private static readonly FrozenSet<string> RelativePronouns = Lexicon.Grammar("relative-pronoun");

    private static readonly FrozenSet<string> ClauseOpeners = Lexicon.Grammar("clause-opener");

    /// <summary>
    /// The last token of the noun a relative clause follows when that clause stands between a speaker and its
    /// verb, ending at <paramref name="before"/>: set off by commas ("Ann Ward, who placed second in a poll of
    /// harbour pilots and crane/dock workers, said"), or without them, with no word that opens another clause
    /// in it ("Officials who spoke on condition of anonymity said"); -1 when none ends there. The clause has
    /// words of its own after its pronoun ("Ann Ward, who said" is read where the pronoun meets the verb).
    /// </summary>
    private static int RelativeSubjectEnd(List<Token> tokens, string text, int before)
    {
        var commas = before >= 0 && tokens[before].Norm == ",";
        var last = commas ? before - 1 : before;
        for (var k = last; k >= 1 && before - k < RelativeClauseReach; k--)
        {
            var token = tokens[k];
            if (token.Kind == TokenKind.Word && RelativePronouns.Contains(token.Norm))
            {
                var opened = tokens[k - 1].Norm == ",";
                var noun = opened ? k - 2 : k - 1;
                return opened == commas && last - k >= 2 && noun >= 0 && tokens[noun].Kind == TokenKind.Word ? noun : -1;
            }

            var inside = token.Kind != TokenKind.Punctuation
                ? commas || !ClauseOpeners.Contains(token.Norm)
                : IsGluedDot(tokens, text, k) || IsAbbreviationDot(tokens, k) || token.Norm is "/" or "-" or "–" or "&";
            if (!inside)
            {
                return -1;
            }
        }

        return -1;
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
            else if (TimeStart(tokens, j) is var time and >= 0)
            {
                j = time - 1; // "The president this morning says", "Ann Ward on Friday night said", "the mayor today said".
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
}
