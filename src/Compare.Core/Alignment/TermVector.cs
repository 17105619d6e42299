using System.Runtime.InteropServices;
using Compare.Core.Analysis;

namespace Compare.Core.Alignment;

/// <summary>A statement (or a group of statements) as weighted term ids, sorted by id.</summary>
internal sealed class TermVector
{
    /// <summary>How much a pair of related word forms ("Syria" / "Syrian", "Greek" / "Greece") counts against an exact match.</summary>
    internal const float RelatedFormCredit = 0.85f;

    public TermVector(TermSpace space, int[] ids, float[] weights)
    {
        Space = space;
        Ids = ids;
        Weights = weights;
        Total = weights.Sum();
        Prefixes = Array.ConvertAll(ids, space.Prefix);
    }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public float Total { get; }

    /// <summary>Each term's prefix key (<see cref="PrefixKey"/>), for finding related forms without looking terms up.</summary>
    private long[] Prefixes { get; }

    /// <summary>The term space the ids belong to.</summary>
    public TermSpace Space { get; }

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

        var otherPrefixes = other.Prefixes;
        for (var i = 0; i < Ids.Length; i++)
        {
            var key = Prefixes[i];
            if (leftMatched[i] || key < 0)
            {
                continue;
            }

            for (var j = 0; j < otherPrefixes.Length; j++)
            {
                if (otherPrefixes[j] == key && !rightMatched[j] && AreRelatedForms(Space.Term(Ids[i]), Space.Term(other.Ids[j])))
                {
                    shared += RelatedFormCredit * Math.Min(Weights[i], other.Weights[j]);
                    rightMatched[j] = true;
                    break;
                }
            }
        }

        return shared;
    }

    /// <summary>
    /// The positions in this vector and the other of each term both have (a merge of the sorted ids).
    /// A struct enumerator: scoring runs it for every candidate pair, so it allocates nothing.
    /// </summary>
    public CommonTerms Common(TermVector other) => new(Ids, other.Ids);

    /// <summary>Enumerates the positions of the terms two sorted id arrays share.</summary>
    internal struct CommonTerms(int[] left, int[] right)
    {
        private int _i;
        private int _j;

        public (int Left, int Right) Current { get; private set; }

        public readonly CommonTerms GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_i < left.Length && _j < right.Length)
            {
                if (left[_i] == right[_j])
                {
                    Current = (_i++, _j++);
                    return true;
                }

                if (left[_i] < right[_j])
                {
                    _i++;
                }
                else
                {
                    _j++;
                }
            }

            return false;
        }
    }

    /// <summary>The first four characters packed into a number, or -1 for values and short words; a cheap filter before comparing strings.</summary>
    internal static long PrefixKey(string term) =>
        term.Length < 4 || IndexTerm.IsValue(term) ? -1 : ((long)term[0] << 48) | ((long)term[1] << 32) | ((long)term[2] << 16) | term[3];

    /// <summary>Word stems that share a prefix of at least four letters and four fifths of the shorter one.</summary>
    internal static bool AreRelatedForms(string a, string b)
    {
        if (a.Length < 4 || b.Length < 4 || IndexTerm.IsValue(a) || IndexTerm.IsValue(b) || a[0] != b[0])
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

    /// <summary>This vector with the terms in <paramref name="map"/> replaced by their substitutes (each keeps its weight; the larger one where both appear).</summary>
    public TermVector Substitute(IReadOnlyDictionary<int, int> map)
    {
        if (!Array.Exists(Ids, map.ContainsKey))
        {
            return this;
        }

        var ids = Array.ConvertAll(Ids, id => map.GetValueOrDefault(id, id));
        return Merge(Space, ids, (float[])Weights.Clone());
    }

    /// <summary>The union of several vectors of one term space (the larger weight of each term), for a group of statements.</summary>
    public static TermVector Union(IReadOnlyList<TermVector> vectors)
    {
        if (vectors.Count == 1)
        {
            return vectors[0];
        }

        var ids = new int[vectors.Sum(v => v.Ids.Length)];
        var weights = new float[ids.Length];
        var at = 0;
        foreach (var vector in vectors)
        {
            vector.Ids.CopyTo(ids, at);
            vector.Weights.CopyTo(weights, at);
            at += vector.Ids.Length;
        }

        return Merge(vectors[0].Space, ids, weights);
    }

    /// <summary>A vector of the given terms (arrays it may reorder), sorted by id, with the larger weight of a term given twice.</summary>
    private static TermVector Merge(TermSpace space, int[] ids, float[] weights)
    {
        Array.Sort(ids, weights);
        var count = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (count > 0 && ids[count - 1] == ids[i])
            {
                weights[count - 1] = Math.Max(weights[count - 1], weights[i]);
            }
            else
            {
                ids[count] = ids[i];
                weights[count] = weights[i];
                count++;
            }
        }

        return count == ids.Length ? new TermVector(space, ids, weights) : new TermVector(space, ids[..count], weights[..count]);
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
    private readonly List<long> _prefixes = [];
    private readonly float[] _weights;

    /// <summary>Statements per part counted on its own core before the parts' counts are merged.</summary>
    private const int PartSize = 2048;

    public TermSpace(IEnumerable<AnalyzedStatement> statements)
    {
        // Parts are counted on all cores and merged in order: terms get the ids they get in one pass
        // (in order of first use), and each statement's terms are looked up once in a small table.
        var all = statements as IReadOnlyList<AnalyzedStatement> ?? [.. statements];
        var parts = Parallelism.Map(
            Enumerable.Range(0, (all.Count + PartSize - 1) / PartSize).ToList(),
            (part, _) => Count(all, part * PartSize, Math.Min(all.Count, (part + 1) * PartSize)),
            minimumItems: 2);
        foreach (var (terms, frequencies) in parts)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                // One lookup per term: the id slot is filled in place when the term is new.
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, terms[i], out var known);
                if (!known)
                {
                    id = _terms.Count;
                    _terms.Add(terms[i]);
                    _prefixes.Add(TermVector.PrefixKey(terms[i]));
                    _documentFrequency.Add(0);
                }

                CollectionsMarshal.AsSpan(_documentFrequency)[id] += frequencies[i];
            }
        }

        _weights = Weights(_ids, _terms, _documentFrequency, all.Count);
    }

    /// <summary>The distinct terms of some statements in order of first use, with how many statements use each.</summary>
    private static (List<string> Terms, List<int> Frequencies) Count(IReadOnlyList<AnalyzedStatement> statements, int from, int to)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var frequencies = new List<int>();
        for (var s = from; s < to; s++)
        {
            foreach (var (term, _) in statements[s].Terms)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, term, out var known);
                if (!known)
                {
                    id = terms.Count;
                    terms.Add(term);
                    frequencies.Add(0);
                }

                CollectionsMarshal.AsSpan(frequencies)[id]++;
            }
        }

        return (terms, frequencies);
    }

    public string Term(int id) => _terms[id];

    /// <summary>The term's first four characters packed into a number, or -1 (<see cref="TermVector.PrefixKey"/>).</summary>
    public long Prefix(int id) => _prefixes[id];

    public int DocumentFrequency(int id) => _documentFrequency[id];

    /// <summary>
    /// How much each term says about a statement, once per term: its inverse document frequency among
    /// the statements compared, times how rare it is in English at large (the logarithm of its stem's
    /// rank among common words, <see cref="Lexicon.RankWords"/>, plus <see cref="RankOffset"/>; words
    /// not on the list rank just past its end, values as <see cref="ValueRank"/>). The first alone is
    /// noisy in two short documents, where "people" may be as rare as "Stepanakert".
    /// </summary>
    private static float[] Weights(Dictionary<string, int> ids, List<string> terms, List<int> documentFrequency, int documents)
    {
        var ranks = new int[terms.Count];
        var listed = Lexicon.RankWords(ids.GetAlternateLookup<ReadOnlySpan<char>>(), ranks);
        var weights = new float[terms.Count];
        for (var id = 0; id < weights.Length; id++)
        {
            var rank = IndexTerm.IsValue(terms[id]) ? ValueRank : ranks[id] > 0 ? ranks[id] : listed + 1;
            weights[id] = (float)Math.Log(1 + ((documents + 1.0) / documentFrequency[id])) * (float)Math.Log(rank + RankOffset);
        }

        return weights;
    }

    /// <summary>Added to ranks before the logarithm, so that the most common words still weigh something.</summary>
    private const double RankOffset = 10;

    /// <summary>
    /// The rank a value (a number, date or time in one notation) counts as: a fairly rare word. Tuned on the
    /// STS dev headlines: rarer raises r but lets digests pair headlines that share only "5" or "Tuesday".
    /// </summary>
    private const int ValueRank = 10_000;

    public TermVector Vectorize(AnalyzedStatement statement)
    {
        var ids = new int[statement.Terms.Count];
        var weights = new float[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var (term, boost) = statement.Terms[i];
            ids[i] = _ids[term];
            weights[i] = _weights[ids[i]] * boost;
        }

        Array.Sort(ids, weights);
        return new TermVector(this, ids, weights);
    }
}
