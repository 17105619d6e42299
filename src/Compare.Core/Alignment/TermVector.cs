using Compare.Core.Analysis;

namespace Compare.Core.Alignment;

/// <summary>A statement (or a group of statements) as weighted term ids, sorted by id.</summary>
internal sealed class TermVector
{
    public TermVector(int[] ids, float[] weights)
    {
        Ids = ids;
        Weights = weights;
        Total = weights.Sum();
    }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public float Total { get; }

    /// <summary>The summed weight of the terms both vectors have (the smaller weight of each).</summary>
    public float Shared(TermVector other)
    {
        float shared = 0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            var a = Ids[i];
            var b = other.Ids[j];
            if (a == b)
            {
                shared += Math.Min(Weights[i], other.Weights[j]);
                i++;
                j++;
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
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
        var merged = new SortedDictionary<int, float>();
        foreach (var vector in vectors)
        {
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                merged[vector.Ids[i]] = merged.TryGetValue(vector.Ids[i], out var w) ? Math.Max(w, vector.Weights[i]) : vector.Weights[i];
            }
        }

        return new TermVector([.. merged.Keys], [.. merged.Values]);
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
        var all = statements.ToList();
        foreach (var statement in all)
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
        return new TermVector([.. pairs.Select(p => p.Id)], [.. pairs.Select(p => p.Weight)]);
    }
}
