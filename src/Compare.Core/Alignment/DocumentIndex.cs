using System.Runtime.InteropServices;
using Compare.Core.Analysis;
using Compare.Core.Reading;

namespace Compare.Core;

/// <summary>
/// Finds, among many documents, the ones most like given ones, through an index of their terms: a query
/// costs the postings of its documents' terms, never a pass over every pair of documents. Terms are
/// stemmed content words; a term weighs its (sublinear) count in the document, its rarity among the
/// indexed documents and its rarity in English; documents are compared by cosine similarity.
/// </summary>
/// <remarks>Not thread-safe: documents are added, then asked about.</remarks>
public sealed class DocumentIndex
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<List<(int Document, float Count)>> _postings = [];
    private readonly List<(int[] Terms, float[] Counts)> _documents = [];
    private float[] _weights = [];
    private double[] _norms = [];
    private bool _frozen;

    /// <summary>How many documents are indexed.</summary>
    public int Count => _documents.Count;

    /// <summary>Indexes a document's text (plain text or Markdown alike) and returns its number: 0 for the first, then 1, 2…</summary>
    public int Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<int, int>();
        foreach (var token in Tokenizer.Tokenize(TextNormalizer.Normalize(text)))
        {
            if (token.Kind != TokenKind.Word || token.Norm.Length < 2 || StopWords.Contains(token.Norm))
            {
                continue;
            }

            var stem = Stemmer.Stem(token.Norm);
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, stem, out var known);
            if (!known)
            {
                id = _postings.Count;
                _postings.Add([]);
            }

            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        var number = _documents.Count;
        var terms = counts.Keys.Order().ToArray();
        var weights = terms.Select(t => 1 + MathF.Log(counts[t])).ToArray();
        for (var i = 0; i < terms.Length; i++)
        {
            _postings[terms[i]].Add((number, weights[i]));
        }

        _documents.Add((terms, weights));
        _frozen = false;
        return number;
    }

    /// <summary>
    /// The documents most like any of <paramref name="documents"/> (by their best similarity to one of them,
    /// 0 to 1), at most <paramref name="count"/>, most similar first (ties by number), each at least
    /// <paramref name="floor"/> and above 0; never one of <paramref name="documents"/> nor one
    /// <paramref name="exclude"/> names.
    /// </summary>
    public IReadOnlyList<(int Document, double Similarity)> MostSimilar(IReadOnlyCollection<int> documents, int count, double floor = 0, Func<int, bool>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Freeze();
        var best = new Dictionary<int, double>();
        foreach (var document in documents)
        {
            foreach (var (other, similarity) in Similarities(document))
            {
                if (!documents.Contains(other) && exclude?.Invoke(other) != true && similarity > best.GetValueOrDefault(other))
                {
                    best[other] = similarity;
                }
            }
        }

        return [.. best.Where(b => b.Value > 0 && b.Value >= floor).OrderByDescending(b => b.Value).ThenBy(b => b.Key).Take(count).Select(b => (b.Key, b.Value))];
    }

    /// <summary>The similarity (0 to 1) of two indexed documents.</summary>
    public double Similarity(int a, int b)
    {
        Freeze();
        var (x, y) = (_documents[a], _documents[b]);
        double dot = 0;
        for (int i = 0, j = 0; i < x.Terms.Length && j < y.Terms.Length;)
        {
            var (s, t) = (x.Terms[i], y.Terms[j]);
            if (s == t)
            {
                dot += (double)x.Counts[i] * y.Counts[j] * _weights[s] * _weights[s];
                i++;
                j++;
            }
            else if (s < t)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return _norms[a] == 0 || _norms[b] == 0 ? 0 : dot / (_norms[a] * _norms[b]);
    }

    /// <summary>
    /// The terms in more than this share of the documents (once there are enough of them to tell) say
    /// little about which are alike and have the longest postings: queries skip them.
    /// </summary>
    private const double CommonShare = 0.5;

    /// <summary>How many documents it takes before common terms are skipped.</summary>
    private const int CommonAfter = 20;

    /// <summary>The cosine similarity of a document to every document that shares a term with it (itself too).</summary>
    private Dictionary<int, double> Similarities(int document)
    {
        var (terms, counts) = _documents[document];
        var dots = new Dictionary<int, double>();
        var common = _documents.Count >= CommonAfter ? (int)(CommonShare * _documents.Count) : int.MaxValue;
        for (var i = 0; i < terms.Length; i++)
        {
            var postings = _postings[terms[i]];
            if (postings.Count > common)
            {
                continue;
            }

            var weight = (double)counts[i] * _weights[terms[i]] * _weights[terms[i]];
            foreach (var (other, count) in postings)
            {
                ref var dot = ref CollectionsMarshal.GetValueRefOrAddDefault(dots, other, out _);
                dot += weight * count;
            }
        }

        foreach (var other in dots.Keys.ToList())
        {
            var norms = _norms[document] * _norms[other];
            dots[other] = norms == 0 ? 0 : Math.Min(1, dots[other] / norms);
        }

        return dots;
    }

    /// <summary>Weighs the terms (their rarity among the documents indexed so far and in English) and measures each document.</summary>
    private void Freeze()
    {
        if (_frozen)
        {
            return;
        }

        var ranks = new int[_postings.Count];
        var listed = Lexicon.RankWords(_ids.GetAlternateLookup<ReadOnlySpan<char>>(), ranks);
        _weights = new float[_postings.Count];
        for (var id = 0; id < _weights.Length; id++)
        {
            var rank = ranks[id] > 0 ? ranks[id] : listed + 1;
            _weights[id] = (float)(Math.Log(1 + ((_documents.Count + 1.0) / _postings[id].Count)) * Math.Log(rank + RankOffset));
        }

        _norms = new double[_documents.Count];
        for (var d = 0; d < _norms.Length; d++)
        {
            var (terms, counts) = _documents[d];
            double sum = 0;
            for (var i = 0; i < terms.Length; i++)
            {
                var w = (double)counts[i] * _weights[terms[i]];
                sum += w * w;
            }

            _norms[d] = Math.Sqrt(sum);
        }

        _frozen = true;
    }

    /// <summary>Added to a word's rank in English before the logarithm, as for statements, so the most common words still weigh something.</summary>
    private const double RankOffset = 10;
}
