namespace Compare.Core.Analysis;

/// <summary>A statement with its tokens, values and index terms.</summary>
internal sealed class AnalyzedStatement
{
    public required Statement Statement { get; init; }

    public required List<Token> Tokens { get; init; }

    public required List<ValueMention> Values { get; init; }

    /// <summary>The index term of each token (a stem or a value), or null for function words and punctuation.</summary>
    public required string?[] TokenTerms { get; init; }

    /// <summary>The distinct terms with how strongly each counts (names count more than other words).</summary>
    public required Dictionary<string, float> Terms { get; init; }

    /// <summary>A readable form of each term, for topic labels.</summary>
    public required Dictionary<string, string> Surface { get; init; }
}

/// <summary>Tokenises statements and reduces them to terms: stems of content words, and values in one notation.</summary>
internal static class StatementAnalyzer
{
    /// <summary>How much more a name (a capitalised word inside a sentence) counts than another word.</summary>
    internal const float NameBoost = 1.3f;

    public static AnalyzedStatement Analyze(Statement statement)
    {
        var text = statement.Text;
        var tokens = Tokenizer.Tokenize(text);
        var values = ValueExtractor.Extract(text);
        var tokenTerms = new string?[tokens.Count];
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);

        var v = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            while (v < values.Count && values[v].End <= token.Start)
            {
                v++;
            }

            if (v < values.Count && values[v].Start <= token.Start && token.End <= values[v].End)
            {
                var value = values[v];
                tokenTerms[i] = value.Term;
                Add(terms, surface, value.Term, 1.2f, text[value.Start..value.End]);
                if (value.Kind == ValueKind.Date && value.Key.Length == 10)
                {
                    // A full date also matches the same day written without a year.
                    Add(terms, surface, "#d--" + value.Key[5..], 0.5f, text[value.Start..value.End]);
                }

                continue;
            }

            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var isName = i > 0 && char.IsUpper(text[token.Start]) && !IsSentenceStart(tokens, i, text);
            foreach (var part in Parts(token.Norm))
            {
                if (StopWords.Contains(part) || part.Length == 1)
                {
                    continue;
                }

                var term = ValueExtractor.NumberWordTerm(part) ?? Stemmer.Stem(part);
                tokenTerms[i] ??= term;
                Add(terms, surface, term, isName ? NameBoost : 1f, isName ? text[token.Start..token.End] : token.Norm);
            }
        }

        return new AnalyzedStatement
        {
            Statement = statement,
            Tokens = tokens,
            Values = values,
            TokenTerms = tokenTerms,
            Terms = terms,
            Surface = surface,
        };
    }

    private static bool IsSentenceStart(List<Token> tokens, int i, string text)
    {
        var previous = tokens[i - 1];
        return previous.Kind == TokenKind.Punctuation && text[previous.Start] is '"' or '“' or '\'' or '‘' or '(' or ':' && i == 1;
    }

    /// <summary>Hyphenated words and possessives count by their parts: "eleven-day" is "eleven" and "day".</summary>
    private static IEnumerable<string> Parts(string norm)
    {
        if (norm.EndsWith("'s", StringComparison.Ordinal))
        {
            norm = norm[..^2];
        }

        if (norm.IndexOfAny(['-', '\'']) < 0)
        {
            yield return norm.Replace(".", string.Empty, StringComparison.Ordinal);
            yield break;
        }

        foreach (var part in norm.Split(['-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            yield return part;
        }
    }

    private static void Add(Dictionary<string, float> terms, Dictionary<string, string> surface, string term, float weight, string display)
    {
        if (!terms.TryGetValue(term, out var existing) || existing < weight)
        {
            terms[term] = weight;
        }

        surface.TryAdd(term, display);
    }
}
