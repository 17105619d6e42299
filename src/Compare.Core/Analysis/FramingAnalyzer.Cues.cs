using System.Collections.Frozen;

namespace Compare.Core.Analysis;

/// <summary>The cues besides frames: hedges, modals, quotes and names, matched against the lexicons' phrases.</summary>
internal static partial class FramingAnalyzer
{
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
            "will" or "can" => start == 0 || !ModalNounMarkers.Contains(tokens[start - 1].Norm),
            "may" => (end >= tokens.Count || tokens[end].Kind != TokenKind.Number) && (start == 0 || !char.IsUpper(text[tokens[start].Start])),
            _ when end - start == 2 && tokens[start + 1].Norm == "to" && Lexicon.BeForms.Contains(tokens[start].Norm) =>
                (start == 0 || !PurposeNouns.Contains(tokens[start - 1].Norm))
                && end < tokens.Count && tokens[end].Kind == TokenKind.Word && !Determiners.Contains(tokens[end].Norm),
            _ => true,
        };

    /// <summary>Nouns whose "is to" names what they are, not what must happen.</summary>
    private static readonly FrozenSet<string> PurposeNouns = Lexicon.List("purpose-nouns.tsv");

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

    /// <summary>Adverbs that stand between a form of "to be" and the rest of a phrase without changing it ("is also expected to").</summary>
    private static bool IsAdverbAfterBe(string word) => AdverbsAfterBe.Contains(word);

    private static readonly FrozenSet<string> AdverbsAfterBe = Lexicon.Grammar("adverb-after-be");

    /// <summary>Words before "will" or "can" that make it a noun ("the will of", "good will").</summary>
    private static readonly FrozenSet<string> ModalNounMarkers = Lexicon.Grammar("modal-noun-marker");

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
                yield return new Cue(text[tokens[first].Start..tokens[end - 1].End], head, tokens[first].Start, tokens[end - 1].End) { ByHeadWord = true };
            }

            i = Math.Max(i, end);
        }
    }

    /// <summary>
    /// Spans in quotation marks: “…”, ‘…’, "…", and '…' around words (not apostrophes inside them); all of a
    /// statement without double marks that begins inside a quotation an earlier one opened.
    /// </summary>
    private static List<Cue> Quotes(string text, bool startsInQuote)
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
                // unbecoming of a member of Congress. He must resign," …), when words follow it. A curly mark
                // opens whatever quotes came before it (“…,” he said, claiming that she “failed …); a straight
                // one only as the statement's first.
                if ((close == '”' || (close == '"' && quotes.Count == 0)) && text.AsSpan(i + 1).IndexOfAny(' ', '\u00a0') > 0)
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
