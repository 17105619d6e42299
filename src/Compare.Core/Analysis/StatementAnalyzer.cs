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
    public required List<(string Term, float Weight)> Terms { get; init; }

    /// <summary>
    /// A hash of its words (case and quote styles folded) and their count, 0 for none: statements with the
    /// same words have the same key. Computed once (each step of a many-source alignment asks every earlier statement).
    /// </summary>
    public required long WordsKey { get; init; }

    /// <summary>Its reporting frames, hedges, modals and quotes, read when it is analysed (a statement of many sources' claim is compared several times).</summary>
    public Framing Framing { get; private set; } = Framing.None;

    /// <summary>
    /// The index terms of the content words of each of its quotes that has any, read when it is analysed (the
    /// aligner asks for each candidate).
    /// </summary>
    public string[][] QuotedTerms { get; private set; } = [];

    /// <summary>
    /// Reads its framing and quoted terms (they need its tokens, so once it is made). Read then, while the statement
    /// is young: read later (when aligned statements are compared, long after analysis), each would write a new
    /// object into one the garbage collector had already promoted, and every collection from then on would scan
    /// for such references.
    /// </summary>
    internal void ReadFraming()
    {
        Framing = FramingAnalyzer.Analyze(this);
        QuotedTerms = [
            .. Framing.Quotes
                .Select(q => q.ContentWords.Select(Stemmer.Stem).Distinct(StringComparer.Ordinal).ToArray())
                .Where(terms => terms.Length > 0),
        ];
    }

    /// <summary>A readable form of a term for topic labels: the words it came from (names as written), or null.</summary>
    public string? Surface(string term)
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (TokenTerms[i] == term)
            {
                var value = Values.Find(v => v.Start <= Tokens[i].Start && Tokens[i].End <= v.End);
                if (value.End == 0)
                {
                    return IsName(i) ? Statement.Text[Tokens[i].Start..Tokens[i].End] : Tokens[i].Norm;
                }

                var (start, end) = value.Kind == ValueKind.Number ? Tally(value.Start, value.End) : (value.Start, value.End);
                return Statement.Text[start..end];
            }
        }

        return null;
    }

    /// <summary>A number with the number it is joined to by a hyphen, as a tally or a span is written ("97-1", "2010-2014").</summary>
    private (int Start, int End) Tally(int start, int end)
    {
        var text = Statement.Text;
        if (end + 1 < text.Length && text[end] == '-' && char.IsAsciiDigit(text[end + 1]))
        {
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
        }
        else if (start >= 2 && text[start - 1] == '-' && char.IsAsciiDigit(text[start - 2]))
        {
            start--;
            while (start > 0 && char.IsAsciiDigit(text[start - 1]))
            {
                start--;
            }
        }

        return (start, end);
    }

    public static long KeyOf(List<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            return 0;
        }

        var hash = new HashCode();
        foreach (var token in tokens)
        {
            hash.Add(token.Norm, StringComparer.Ordinal);
        }

        return ((long)hash.ToHashCode() << 32) | (uint)tokens.Count;
    }

    /// <summary>A capitalised word inside the sentence (not its first word).</summary>
    public bool IsName(int i) =>
        i > 0 && char.IsUpper(Statement.Text[Tokens[i].Start]) && !StartsQuotedSentence(i);

    private bool StartsQuotedSentence(int i)
    {
        var previous = Tokens[i - 1];
        return previous.Kind == TokenKind.Punctuation && Statement.Text[previous.Start] is '"' or '“' or '\'' or '‘' or '(' or ':' && i == 1;
    }
}

/// <summary>Tokenises statements and reduces them to terms: stems of content words, and values in one notation.</summary>
internal static class StatementAnalyzer
{
    /// <summary>How much more a name (a capitalised word inside a sentence) counts than another word.</summary>
    internal const float NameBoost = 1.15f;

    public static AnalyzedStatement Analyze(Statement statement)
    {
        var text = statement.Text;
        var tokens = Tokenizer.Tokenize(text);
        var values = ValueExtractor.Extract(text);
        var tokenTerms = new string?[tokens.Count];
        var terms = new List<(string Term, float Weight)>(tokens.Count);
        var analyzed = new AnalyzedStatement
        {
            Statement = statement,
            Tokens = tokens,
            Values = values,
            TokenTerms = tokenTerms,
            Terms = terms,
            WordsKey = AnalyzedStatement.KeyOf(tokens),
        };

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
                Add(terms, value.Term, 1.2f);
                if (value.DayTerm is { } day)
                {
                    // A full date also matches the same day written without a year.
                    Add(terms, day, 0.5f);
                }

                continue;
            }

            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var weight = analyzed.IsName(i) ? NameBoost : 1f;
            var norm = token.Norm;
            if (norm.AsSpan().IndexOfAny('-', '\'', '.') < 0)
            {
                AddWord(terms, tokenTerms, i, norm, weight);
                continue;
            }

            foreach (var part in Parts(norm))
            {
                AddWord(terms, tokenTerms, i, part, weight);
            }
        }

        analyzed.ReadFraming();
        return analyzed;
    }

    private static void AddWord(List<(string Term, float Weight)> terms, string?[] tokenTerms, int i, string word, float weight)
    {
        if (StopWords.Contains(word) || word.Length == 1)
        {
            return;
        }

        var term = ValueExtractor.NumberWordTerm(word) ?? Stemmer.Stem(word);
        tokenTerms[i] ??= term;
        Add(terms, term, weight);
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

    /// <summary>Adds a term, or raises the weight of one already there (statements have a few dozen terms at most: a scan is cheapest).</summary>
    private static void Add(List<(string Term, float Weight)> terms, string term, float weight)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Term == term)
            {
                if (terms[i].Weight < weight)
                {
                    terms[i] = (term, weight);
                }

                return;
            }
        }

        terms.Add((term, weight));
    }
}
