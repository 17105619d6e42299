using System.Collections.Frozen;
using Compare.Core.Analysis;
using Compare.Core.Reading;

namespace Compare.Core.Segmentation;

/// <summary>
/// Splits text blocks into statements (sentences). Abbreviation-aware: titles ("Dr.", "No. 5"),
/// initials ("J. Smith"), dotted abbreviations ("U.S.", "p.m."), decimals and times never end a
/// sentence unless what follows plainly starts a new one.
/// </summary>
internal static class Segmenter
{
    /// <summary>Abbreviations that are followed by a name or number, never by a new sentence.</summary>
    private static readonly FrozenSet<string> Titles = Lexicon.List("abbreviations.tsv", StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations that only precede a number ("No. 5", "Nos. 3 and 4").</summary>
    private static readonly FrozenSet<string> NumberTitles = Lexicon.List("number-abbreviations.tsv", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that start sentences: after "p.m." or "U.S." they mark a boundary.</summary>
    private static readonly FrozenSet<string> SentenceStarters = Lexicon.List("sentence-starters.tsv", StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<Statement> Segment(ParsedDocument document, int source)
    {
        var statements = new List<Statement>();
        for (var paragraph = 0; paragraph < document.Blocks.Count; paragraph++)
        {
            var block = document.Blocks[paragraph];
            var inQuote = false;
            foreach (var (start, end) in Split(block.Text).SelectMany(r => Bounded(block.Text, r.Start, r.End)))
            {
                var (line, column) = document.Lines.Locate(block.SourceOffsets[start]);
                var text = block.Text[start..end].Replace('\n', ' ');
                statements.Add(new Statement(source, statements.Count, text, line, column) { StartsInQuote = inQuote, InHeadline = block.Headline, Paragraph = paragraph });
                inQuote = InQuoteAfter(text, inQuote);
            }
        }

        return statements;
    }

    /// <summary>
    /// Whether a quotation is still open at the end of a statement (“Mexicans. Stop lying! Mexico is not
    /// yours,” runs over three statements): curly marks open and close; a straight mark closes an open
    /// quote and opens one otherwise.
    /// </summary>
    internal static bool InQuoteAfter(string text, bool inQuote)
    {
        foreach (var c in text)
        {
            inQuote = c switch
            {
                '“' => true,
                '”' => false,
                '"' => !inQuote,
                _ => inQuote,
            };
        }

        return inQuote;
    }

    /// <summary>
    /// The longest statement, in characters. Text without sentence ends (a 1 MB line, a list of words
    /// one per line) is cut at the last space before it, so no statement costs more than a bounded
    /// amount to analyse and diff.
    /// </summary>
    internal const int MaxStatementChars = 2000;

    /// <summary>Cuts a range longer than <see cref="MaxStatementChars"/> into pieces, at spaces where there are any.</summary>
    internal static IEnumerable<(int Start, int End)> Bounded(string text, int start, int end)
    {
        while (end - start > MaxStatementChars)
        {
            var limit = start + MaxStatementChars;
            var cut = text.LastIndexOfAny([' ', '\n', '\t'], limit, MaxStatementChars / 2);
            if (cut <= start)
            {
                cut = char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
            }

            yield return (start, TrimEnd(text, start, cut));
            start = SkipSpace(text, cut);
        }

        if (end > start)
        {
            yield return (start, end);
        }
    }

    /// <summary>Returns the [start, end) ranges of the sentences in the text, trimmed.</summary>
    internal static IEnumerable<(int Start, int End)> Split(string text)
    {
        var start = SkipSpace(text, 0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1;
            int boundary;
            if (c is '.' or '!' or '?' or '…')
            {
                while (next < text.Length && text[next] is '.' or '!' or '?' or '…')
                {
                    next++;
                }

                var end = next;
                while (end < text.Length && IsCloser(text[end]))
                {
                    end++;
                }

                // A single full stop may end an abbreviation; "!", "?" and ellipses end a sentence
                // unless it plainly goes on (a pause, or a lower-case word after them).
                boundary = end < text.Length && !char.IsWhiteSpace(text[end]) ? -1 : end;
                if (boundary >= 0 && (c == '.' && next == i + 1 ? !EndsSentence(text, i, boundary) : IsPause(text, i) || ContinuesLowercase(text, boundary)))
                {
                    boundary = -1;
                }
            }
            else if (c == '\n' && StartsListItem(text, i + 1))
            {
                boundary = i;
            }
            else
            {
                boundary = -1;
            }

            if (boundary < 0)
            {
                i = next;
                continue;
            }

            var trimmed = TrimEnd(text, start, boundary);
            if (trimmed > start)
            {
                yield return (start, trimmed);
            }

            start = SkipSpace(text, boundary);
            i = start;
        }

        var last = TrimEnd(text, start, text.Length);
        if (last > start)
        {
            yield return (start, last);
        }
    }

    private static bool EndsSentence(string text, int period, int after)
    {
        var next = SkipSpace(text, after);
        if (next >= text.Length)
        {
            return true;
        }

        if (ContinuesLowercase(text, after))
        {
            return false;
        }

        var nextChar = text[next];

        var wordStart = period;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not '(' and not '"' and not '“')
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        if (word.Length == 0)
        {
            return true;
        }

        if (NumberTitles.Contains(word))
        {
            return !char.IsDigit(nextChar);
        }

        // A title, or titles before several names ("former Sens. Ann Ward and Tom Bell").
        if (Titles.Contains(word) || (word.Length > 2 && word[^1] is 's' or 'S' && Titles.Contains(word[..^1])))
        {
            return false;
        }

        // An initial: "J. Smith".
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        // A dotted abbreviation ("U.S", "p.m", "e.g"): a boundary only before a plain sentence opener.
        if (word.Contains('.') && word.All(ch => ch == '.' || char.IsLetter(ch)))
        {
            return SentenceStarters.Contains(NextWord(text, next));
        }

        return true;
    }

    /// <summary>An ellipsis with a space before it marks a pause inside a sentence ("Tell me who you are ... I have a right to know").</summary>
    private static bool IsPause(string text, int at) =>
        at > 0 && char.IsWhiteSpace(text[at - 1]) && (text[at] == '…' || text.AsSpan(at).StartsWith("..."));

    /// <summary>
    /// Whether the sentence goes on after "!", "?" or "...": a quoted exclamation or question followed
    /// by its attribution in lower case ("Who are you!" the congressman demands).
    /// </summary>
    private static bool ContinuesLowercase(string text, int after)
    {
        var next = SkipSpace(text, after);
        return next < text.Length && char.IsLower(text[next]);
    }

    private static string NextWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    private static bool StartsListItem(string text, int i)
    {
        i = SkipSpace(text, i);
        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] is '-' or '*' or '•' or '–' && i + 1 < text.Length && text[i + 1] == ' ')
        {
            return true;
        }

        var j = i;
        while (j < text.Length && char.IsDigit(text[j]))
        {
            j++;
        }

        return j > i && j + 1 < text.Length && text[j] is '.' or ')' && text[j + 1] == ' ';
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '}';

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
