namespace Compare.Core.Analysis;

internal enum TokenKind
{
    Word,
    Number,
    Punctuation,
}

/// <summary>A word, number or punctuation mark of a statement, with its normalised form.</summary>
/// <param name="Start">Offset of its first character in the statement text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Norm">Lower-cased, with quotes and dashes folded.</param>
internal readonly record struct Token(int Start, int End, TokenKind Kind, string Norm);

internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>((text.Length / 5) + 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsDigit(c))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i])
                                           || (text[i] is '.' or ',' or ':' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Number, Fold(text.AsSpan(start, i - start))));
            }
            else if (char.IsLetter(c))
            {
                i = DottedAbbreviationEnd(text, start);
                if (i == start)
                {
                    i++;
                    while (i < text.Length && (IsWordChar(text[i])
                                               || (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                    {
                        i++;
                    }
                }

                tokens.Add(new Token(start, i, TokenKind.Word, Fold(text.AsSpan(start, i - start))));
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                tokens.Add(new Token(start, i, TokenKind.Punctuation, Fold(text.AsSpan(start, i - start))));
            }
        }

        return tokens;
    }

    /// <summary>Apostrophes and hyphens inside a word ("Nagorno-Karabakh", "Azerbaijan’s") keep it one token.</summary>
    private static bool IsJoiner(char c) => c is '\'' or '’' or '-' or '‐' or '‑';

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>The end of "U.S.", "p.m.", "e.g." (two or more single letters each followed by a period), or start when there is none.</summary>
    private static int DottedAbbreviationEnd(string text, int start)
    {
        var i = start;
        var pairs = 0;
        while (i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.'
               && (i + 2 >= text.Length || !IsWordChar(text[i + 2]) || (i + 3 < text.Length && text[i + 3] == '.')))
        {
            i += 2;
            pairs++;
            if (i < text.Length && !char.IsLetter(text[i]))
            {
                break;
            }
        }

        return pairs >= 2 ? i : start;
    }

    /// <summary>Folded forms already made on this thread: documents repeat their words, so most tokens allocate nothing.</summary>
    [ThreadStatic]
    private static StringTable? _folded;

    /// <summary>Lower-cases and folds quote and dash styles.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        if (text.Length > 32)
        {
            return FoldNew(text);
        }

        Span<char> buffer = stackalloc char[text.Length];
        FoldInto(text, buffer);
        var folded = _folded ??= new StringTable();
        if (folded.Find(buffer) is { } known)
        {
            return known;
        }

        var made = new string(buffer);
        folded.Add(made, made);
        return made;
    }

    private static string FoldNew(ReadOnlySpan<char> text)
    {
        var buffer = new char[text.Length];
        FoldInto(text, buffer);
        return new string(buffer);
    }

    private static void FoldInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            buffer[i] = c switch
            {
                '’' or '‘' or '‛' or '`' or '´' => '\'',
                '“' or '”' or '„' or '«' or '»' => '"',
                '‐' or '‑' or '‒' or '–' or '—' => '-',
                _ => char.ToLowerInvariant(c),
            };
        }
    }
}
