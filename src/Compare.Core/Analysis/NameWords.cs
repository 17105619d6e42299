namespace Compare.Core.Analysis;

/// <summary>
/// The words of a name or a speaker as they are compared across sources, read once from its tokens:
/// lower-cased, titles and honorifics left out, "'s" cut; and the possessives among them, whom the name ties
/// itself to ("the governor's spokesman" holds "governor"). The last word's possessive is the name's own
/// ("Trump's" names Trump), not a tie.
/// </summary>
internal sealed class NameWords
{
    private NameWords(IReadOnlyList<string> words, IReadOnlyList<string> possessives) => (Words, Possessives) = (words, possessives);

    /// <summary>The name's words, titles left out, in order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words written with "'s" before the last word: whom the name ties itself to.</summary>
    public IReadOnlyList<string> Possessives { get; }

    /// <summary>The words of a name as written.</summary>
    public static NameWords Of(string name) => Of(Tokenizer.Tokenize(name));

    /// <summary>The words of a name, from its tokens.</summary>
    public static NameWords Of(IReadOnlyList<Token> tokens)
    {
        var words = new List<string>();
        var possessives = new List<string>();
        foreach (var token in tokens)
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

        if (possessives.Count > 0 && words.Count > 0 && possessives[^1] == words[^1])
        {
            possessives.RemoveAt(possessives.Count - 1);
        }

        return new NameWords(words, possessives);
    }
}
