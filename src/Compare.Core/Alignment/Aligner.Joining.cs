using System.Buffers;

namespace Compare.Core.Alignment;

/// <summary>Statements left over: the words one source writes differently, identical statements, neighbours that join a group.</summary>
internal static partial class Aligner
{
    /// <summary>The statements not in a group yet with the learned substitutions made (the others as they are: they are not scored again).</summary>
    private static TermVector[] Substituted(TermVector[] vectors, int[] membership, Dictionary<int, int> substitutions, bool[]? candidates = null) =>
        [.. vectors.Select((v, i) => membership[i] < 0 && (candidates is null || candidates[i]) ? v.Substitute(substitutions) : v)];

    /// <summary>Each statement's candidates of the other side with their scores, best first, in two flat arrays (the pairs come sorted).</summary>
    private sealed class CandidateLists
    {
        private readonly int[] _offsets;
        private readonly int[] _others;
        private readonly double[] _scores;

        public CandidateLists(List<(int Left, int Right, double Score)> pairs, int count, bool left)
        {
            _offsets = new int[count + 1];
            foreach (var pair in pairs)
            {
                _offsets[(left ? pair.Left : pair.Right) + 1]++;
            }

            for (var i = 0; i < count; i++)
            {
                _offsets[i + 1] += _offsets[i];
            }

            _others = new int[pairs.Count];
            _scores = new double[pairs.Count];
            var next = _offsets[..^1];
            foreach (var (l, r, score) in pairs)
            {
                var at = next[left ? l : r]++;
                _others[at] = left ? r : l;
                _scores[at] = score;
            }
        }

        /// <summary>The best score among a statement's candidates other than <paramref name="except"/> that are not in a group yet.</summary>
        public double RunnerUp(int statement, int except, int[] otherGroup)
        {
            for (var at = _offsets[statement]; at < _offsets[statement + 1]; at++)
            {
                if (_others[at] != except && otherGroup[_others[at]] < 0)
                {
                    return _scores[at];
                }
            }

            return 0;
        }
    }

    /// <summary>Statements with the same words on both sides pair up in document order (a document repeating a sentence pairs its copies in turn).</summary>
    private static void PairIdentical(StatementWords identical, int leftCount, int rightCount, int[] leftGroup, int[] rightGroup, List<Group> groups)
    {
        // Only right statements whose key some left statement has are listed (the right side may be all
        // the statements of many earlier sources).
        var leftKeys = new HashSet<long>();
        for (var l = 0; l < leftCount; l++)
        {
            leftKeys.Add(identical.LeftKey(l));
        }

        var waiting = new Dictionary<long, List<int>>();
        for (var r = 0; r < rightCount; r++)
        {
            var key = identical.RightKey(r);
            if (key == 0 || !leftKeys.Contains(key))
            {
                continue;
            }

            if (!waiting.TryGetValue(key, out var list))
            {
                waiting[key] = list = [];
            }

            list.Add(r);
        }

        for (var l = 0; l < leftCount; l++)
        {
            var key = identical.LeftKey(l);
            if (key == 0 || !waiting.TryGetValue(key, out var list))
            {
                continue;
            }

            // The next right statement with this key not yet paired that really has the same words.
            var next = 0;
            while (next < list.Count && !identical.Same(l, list[next]))
            {
                next++;
            }

            if (next < list.Count)
            {
                var r = list[next];
                list.RemoveAt(next);
                AddPair(l, r, 1.0, leftGroup, rightGroup, groups);
            }
        }
    }

    private static void JoinNeighbours(
        Group group, bool joinsLeft, TermVector[] left, TermVector[] right, int[] membership, int groupIndex, List<int> neighbours, Func<int, bool> standsAlone)
    {
        var side = joinsLeft ? group.Left : group.Right;
        var vectors = joinsLeft ? left : right;
        if (side.Count >= MaxGroupSide || side.Exists(i => standsAlone(i)))
        {
            return;
        }

        // The free statements right next to a member, in order.
        neighbours.Clear();
        foreach (var member in side)
        {
            foreach (var n in (ReadOnlySpan<int>)[member - 1, member + 1])
            {
                if (n >= 0 && n < vectors.Length && membership[n] < 0 && !neighbours.Contains(n) && !standsAlone(n))
                {
                    neighbours.Add(n);
                }
            }
        }

        if (neighbours.Count == 0)
        {
            return;
        }

        neighbours.Sort();

        var other = TermVector.Union([.. (joinsLeft ? group.Right : group.Left).Select(i => (joinsLeft ? right : left)[i])]);
        foreach (var neighbour in neighbours)
        {
            if (side.Count >= MaxGroupSide || membership[neighbour] >= 0)
            {
                continue;
            }

            var candidate = vectors[neighbour];
            if (candidate.Total > 0 && candidate.Shared(other) / candidate.Total >= NeighbourContainment)
            {
                side.Add(neighbour);
                membership[neighbour] = groupIndex;
                var union = TermVector.Union([.. (joinsLeft ? group.Left : group.Right).Select(i => vectors[i])]);
                group.Score = joinsLeft ? union.Similarity(other) : other.Similarity(union);
            }
        }
    }

    private static void TryJoin(
        Group group,
        int candidate,
        bool joinsLeft,
        TermVector[] left,
        TermVector[] right,
        int[] membership,
        int groupIndex,
        Func<int, bool> standsAlone)
    {
        var side = joinsLeft ? group.Left : group.Right;
        if (side.Count >= MaxGroupSide || !IsNear(side, candidate) || standsAlone(candidate) || side.Exists(i => standsAlone(i)))
        {
            return;
        }

        var joined = new List<int>(side) { candidate };
        var leftVector = TermVector.Union([.. (joinsLeft ? joined : group.Left).Select(i => left[i])]);
        var rightVector = TermVector.Union([.. (joinsLeft ? group.Right : joined).Select(i => right[i])]);
        var score = leftVector.Similarity(rightVector);
        if (score > group.Score)
        {
            side.Add(candidate);
            group.Score = score;
            membership[candidate] = groupIndex;
        }
    }

    /// <summary>Whether a statement stands within <see cref="MaxJoinDistance"/> of a member of its side.</summary>
    private static bool IsNear(List<int> side, int candidate)
    {
        foreach (var member in side)
        {
            if (Math.Abs(member - candidate) <= MaxJoinDistance)
            {
                return true;
            }
        }

        return false;
    }
}
