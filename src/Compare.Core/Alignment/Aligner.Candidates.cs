using System.Buffers;

namespace Compare.Core.Alignment;

/// <summary>Candidates from an inverted index of terms: each statement scored against its best few, never every pair.</summary>
internal static partial class Aligner
{
    /// <summary>Scores each left statement against the right statements that share its rarer terms.</summary>
    private static List<(int Left, int Right, double Score)> Candidates(
        TermVector[] left, TermVector[] right, double floor, int[] leftGroup, int[] rightGroup, bool[]? candidates, int documentLength)
    {
        using var postings = new Postings(right, rightGroup, candidates);
        var search = new CandidateSearch(right, postings, documentLength);

        // Each left statement is scored independently: chunks of them run on all cores (each chunk is large: two are worth it).
        var chunks = Parallelism.Map(
            Enumerable.Range(0, (left.Length + ChunkSize - 1) / ChunkSize).ToList(),
            (chunk, _) =>
            {
                var pairs = new List<(int, int, double)>(ChunkSize * CandidatesPerStatement);
                var found = new List<(int Right, double Score)>(CandidatesPerStatement);
                for (var l = chunk * ChunkSize; l < Math.Min(left.Length, (chunk + 1) * ChunkSize); l++)
                {
                    if (leftGroup[l] >= 0)
                    {
                        continue; // Paired with an identical statement already.
                    }

                    search.Best(left[l], floor, default, found);
                    foreach (var (r, score) in found)
                    {
                        pairs.Add((l, r, score));
                    }
                }

                return pairs;
            },
            minimumItems: 2);
        var all = new List<(int Left, int Right, double Score)>(chunks.Sum(c => c.Count));
        foreach (var chunk in chunks)
        {
            all.AddRange(chunk);
        }

        return all;
    }

    /// <summary>
    /// For each statement asked about (an index into <paramref name="all"/>, the statements of every source
    /// in order, source <c>s</c> from <c>offsets[s]</c>), the <paramref name="count"/> statements of other
    /// sources it is most similar to, most similar first, that score at least <paramref name="floor"/>. Found
    /// through the candidate index, as alignment candidates are.
    /// </summary>
    public static (int Statement, double Score)[][] Closest(TermVector[] all, int[] offsets, IReadOnlyList<int> asked, double floor, int count)
    {
        using var postings = new Postings(all, null, null);
        var search = new CandidateSearch(all, postings, all.Length);
        return Parallelism.Map(
            asked,
            (statement, _) =>
            {
                var source = SourceOf(offsets, statement);
                var found = new List<(int Right, double Score)>(CandidatesPerStatement);
                search.Best(all[statement], floor, (offsets[source], offsets[source + 1]), found);
                return found.OrderByDescending(f => f.Score).ThenBy(f => f.Right).Take(count).ToArray();
            });
    }

    /// <summary>The source a statement of all sources' statements in one array belongs to (<paramref name="offsets"/>: where each source starts).</summary>
    public static int SourceOf(int[] offsets, int statement) => Array.FindLastIndex(offsets, o => o <= statement);

    /// <summary>
    /// Finds a statement's candidates of the other side: the statements that share its rarer terms, ranked by
    /// the weight of the terms counted, the best <see cref="CandidatesPerStatement"/> of them scored in full.
    /// </summary>
    private sealed class CandidateSearch(TermVector[] right, Postings postings, int documentLength)
    {
        /// <summary>
        /// Terms in more statements than this are frequent: they nominate candidates only within a budget (they
        /// still count in scores). It grows with the length of a document of the right side.
        /// </summary>
        private readonly int _maxPostings = Math.Max(64, (int)Math.Sqrt(documentLength) * 2);

        /// <summary>The right totals in one array: ranking candidates reads one per posting, and a vector's own field is a cache miss away.</summary>
        private readonly float[] _totals = Array.ConvertAll(right, v => v.Total);

        /// <summary>
        /// Puts into <paramref name="found"/> the candidates of <paramref name="vector"/> that score at least
        /// <paramref name="floor"/>, leaving out the right statements of <paramref name="skip"/> (a range, from and to).
        /// </summary>
        public void Best(TermVector vector, double floor, (int From, int To) skip, List<(int Right, double Score)> found)
        {
            found.Clear();

            // One accumulator per thread: a new one per statement would be a large-object allocation once
            // there are more than ~21,000 right statements (each one counts towards a full collection).
            var accumulator = _accumulator is { } reused && reused.Length >= right.Length ? reused : _accumulator = new float[right.Length];
            var touched = _touched ??= [];
            var lists = _lists ??= [];
            var top = _top ??= new PriorityQueue<int, (float, int)>(CandidatesPerStatement + 1);

            // Rare terms nominate candidates; frequent ones too, rarest first, while the statement's
            // budget of postings lasts (a statement made of common words still finds its counterpart).
            lists.Clear();
            for (var k = 0; k < vector.Ids.Length; k++)
            {
                var count = postings.Of(vector.Ids[k]).Length;
                if (count > 0)
                {
                    lists.Add((vector.Ids[k], count, vector.Weights[k]));
                }
            }

            lists.Sort(static (x, y) => x.Count.CompareTo(y.Count));
            var spent = 0;
            var budget = _maxPostings * PostingsBudget;
            foreach (var (term, count, weight) in lists)
            {
                spent += count;
                if (count > _maxPostings && spent > budget)
                {
                    break;
                }

                foreach (var r in postings.Of(term))
                {
                    if (r >= skip.From && r < skip.To)
                    {
                        continue;
                    }

                    if (accumulator[r] == 0)
                    {
                        touched.Add(r);
                    }

                    accumulator[r] += weight;
                }
            }

            // The top candidates by the similarity of the terms counted so far (accumulated weight over
            // both totals, as Dice), kept in a bounded min-heap (ties: lower index first).
            top.Clear();
            foreach (var r in touched)
            {
                var key = (accumulator[r] / (vector.Total + _totals[r]), -r);
                accumulator[r] = 0;
                if (top.Count == CandidatesPerStatement && top.TryPeek(out _, out var lowest) && key.CompareTo(lowest) <= 0)
                {
                    continue;
                }

                top.Enqueue(r, key);
                if (top.Count > CandidatesPerStatement)
                {
                    top.Dequeue();
                }
            }

            touched.Clear();
            while (top.TryDequeue(out var r, out _))
            {
                var score = vector.Similarity(right[r]);
                if (score >= floor)
                {
                    found.Add((r, score));
                }
            }
        }
    }

    /// <summary>
    /// The right statements not in a group yet that use each term, in order: one array of all of them,
    /// sliced by term id (ids are dense), instead of a growing list per term. Its arrays are rented (an
    /// alignment step of many sources builds two over all earlier statements) and returned when disposed.
    /// </summary>
    private sealed class Postings : IDisposable
    {
        private readonly int[] _starts;
        private readonly int[] _statements;
        private readonly int _terms;

        public Postings(TermVector[] right, int[]? rightGroup, bool[]? candidates)
        {
            var terms = 0;
            var total = 0;
            foreach (var r in Free(right, rightGroup, candidates))
            {
                var ids = right[r].Ids;
                terms = ids.Length > 0 ? Math.Max(terms, ids[^1] + 1) : terms; // Ids are sorted.
                total += ids.Length;
            }

            // Count each term's statements, turn the counts into the starts of slices, then fill the
            // slices in statement order.
            _starts = ArrayPool<int>.Shared.Rent(terms + 1);
            Array.Clear(_starts, 0, terms + 1);
            foreach (var r in Free(right, rightGroup, candidates))
            {
                foreach (var id in right[r].Ids)
                {
                    _starts[id + 1]++;
                }
            }

            for (var t = 1; t <= terms; t++)
            {
                _starts[t] += _starts[t - 1];
            }

            _statements = ArrayPool<int>.Shared.Rent(total);
            var next = ArrayPool<int>.Shared.Rent(terms);
            Array.Copy(_starts, next, terms);
            foreach (var r in Free(right, rightGroup, candidates))
            {
                foreach (var id in right[r].Ids)
                {
                    _statements[next[id]++] = r;
                }
            }

            ArrayPool<int>.Shared.Return(next);
            _terms = terms;
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_starts);
            ArrayPool<int>.Shared.Return(_statements);
        }

        /// <summary>The statements that use a term, in order.</summary>
        public ReadOnlySpan<int> Of(int term) =>
            term < _terms ? _statements.AsSpan(_starts[term], _starts[term + 1] - _starts[term]) : [];

        private static IEnumerable<int> Free(TermVector[] right, int[]? rightGroup, bool[]? candidates) =>
            Enumerable.Range(0, right.Length).Where(r => (rightGroup is null || rightGroup[r] < 0) && (candidates is null || candidates[r]));
    }
}
