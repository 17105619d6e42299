using Compare.Core.Analysis;

namespace Compare.Core.Alignment;

/// <summary>A statement (or a group of statements) as weighted term ids, sorted by id.</summary>
internal sealed class TermVector
{
    /// <summary>How much a pair of related word forms ("Syria" / "Syrian", "Greek" / "Greece") counts against an exact match.</summary>
    internal const float RelatedFormCredit = 0.7f;

    public TermVector(int[] ids, float[] weights, string[] terms)
    {
        Ids = ids;
        Weights = weights;
        Terms = terms;
        Total = weights.Sum();
    }

    /// <summary>The term of each id, for matching related word forms.</summary>
    public string[] Terms { get; }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public float Total { get; }

    /// <summary>
    /// The summed weight of the terms both vectors have (the smaller weight of each), plus partial
    /// credit for related forms that the stemmer leaves apart (a long shared prefix: "syria" / "syrian").
    /// </summary>
    public float Shared(TermVector other)
    {
        float shared = 0;
        Span<bool> leftMatched = Ids.Length <= 256 ? stackalloc bool[Ids.Length] : new bool[Ids.Length];
        Span<bool> rightMatched = other.Ids.Length <= 256 ? stackalloc bool[other.Ids.Length] : new bool[other.Ids.Length];
        var matches = 0;
        foreach (var (a, b) in Common(other))
        {
            shared += Math.Min(Weights[a], other.Weights[b]);
            leftMatched[a] = rightMatched[b] = true;
            matches++;
        }

        if (matches == Ids.Length || matches == other.Ids.Length)
        {
            return shared;
        }

        for (var i = 0; i < Ids.Length; i++)
        {
            if (leftMatched[i])
            {
                continue;
            }

            var key = Terms[i].Length >= 4 ? PrefixKey(Terms[i]) : -1;
            if (key < 0)
            {
                continue;
            }

            for (var j = 0; j < other.Ids.Length; j++)
            {
                if (!rightMatched[j] && other.Terms[j].Length >= 4 && PrefixKey(other.Terms[j]) == key && AreRelatedForms(Terms[i], other.Terms[j]))
                {
                    shared += RelatedFormCredit * Math.Min(Weights[i], other.Weights[j]);
                    rightMatched[j] = true;
                    break;
                }
            }
        }

        return shared;
    }

    /// <summary>The positions in this vector and the other of each term both have (a merge of the sorted ids).</summary>
    public IEnumerable<(int Left, int Right)> Common(TermVector other)
    {
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            if (Ids[i] == other.Ids[j])
            {
                yield return (i++, j++);
            }
            else if (Ids[i] < other.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }

    /// <summary>The first four characters packed into a number, or -1 for values; a cheap filter before comparing strings.</summary>
    private static long PrefixKey(string term) =>
        term[0] == '#' ? -1 : ((long)term[0] << 48) | ((long)term[1] << 32) | ((long)term[2] << 16) | term[3];

    /// <summary>Word stems that share a prefix of at least four letters and four fifths of the shorter one.</summary>
    internal static bool AreRelatedForms(string a, string b)
    {
        if (a.Length < 4 || b.Length < 4 || a[0] == '#' || b[0] == '#' || a[0] != b[0])
        {
            return false;
        }

        var common = a.AsSpan().CommonPrefixLength(b);
        return common >= 4 && common * 5 >= Math.Min(a.Length, b.Length) * 4;
    }

    /// <summary>
    /// Weighted Dice similarity, 0 to 1: twice the shared weight over both totals. Rare words weigh more
    /// than common ones (inverse document frequency), so two statements sharing a place name and a date
    /// score above two sharing "armed" and "forces".
    /// </summary>
    public double Similarity(TermVector other)
    {
        var total = Total + other.Total;
        return total <= 0 ? 0 : 2 * Shared(other) / total;
    }

    /// <summary>The union of several vectors (the larger weight of each term), for a group of statements.</summary>
    public static TermVector Union(IEnumerable<TermVector> vectors)
    {
        var merged = new SortedDictionary<int, (float Weight, string Term)>();
        foreach (var vector in vectors)
        {
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                var weight = merged.TryGetValue(vector.Ids[i], out var w) ? Math.Max(w.Weight, vector.Weights[i]) : vector.Weights[i];
                merged[vector.Ids[i]] = (weight, vector.Terms[i]);
            }
        }

        return new TermVector([.. merged.Keys], [.. merged.Values.Select(v => v.Weight)], [.. merged.Values.Select(v => v.Term)]);
    }
}

/// <summary>
/// The terms of all statements being compared, with their inverse document frequency: a term that
/// appears in few statements says more about a statement than one that appears in many.
/// </summary>
internal sealed class TermSpace
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _documentFrequency = [];
    private readonly int _documents;

    public TermSpace(IEnumerable<AnalyzedStatement> statements)
    {
        foreach (var statement in statements)
        {
            _documents++;
            foreach (var term in statement.Terms.Keys)
            {
                if (!_ids.TryGetValue(term, out var id))
                {
                    id = _terms.Count;
                    _ids.Add(term, id);
                    _terms.Add(term);
                    _documentFrequency.Add(0);
                }

                _documentFrequency[id]++;
            }
        }
    }

    public string Term(int id) => _terms[id];

    public int DocumentFrequency(int id) => _documentFrequency[id];

    public float Idf(int id) => (float)Math.Log(1 + ((_documents + 1.0) / _documentFrequency[id]));

    public TermVector Vectorize(AnalyzedStatement statement)
    {
        var pairs = new List<(int Id, float Weight)>(statement.Terms.Count);
        foreach (var (term, boost) in statement.Terms)
        {
            if (_ids.TryGetValue(term, out var id))
            {
                pairs.Add((id, Idf(id) * boost));
            }
        }

        pairs.Sort((x, y) => x.Id.CompareTo(y.Id));
        return new TermVector([.. pairs.Select(p => p.Id)], [.. pairs.Select(p => p.Weight)], [.. pairs.Select(p => _terms[p.Id])]);
    }
}
