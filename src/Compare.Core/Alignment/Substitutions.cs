using Compare.Core.Analysis;

namespace Compare.Core.Alignment;

/// <summary>
/// Words one source consistently writes differently from the other ("Stepanakert" / "Khankendi"),
/// learned from the statements already aligned with confidence: a word of the left side that, in the
/// aligned pairs lacking it on the right, most often faces the same right word, which in turn most
/// often faces it (one word for one word). Values (numbers, dates) are never learned: a
/// different number is a conflict, not a way of writing.
/// </summary>
internal static class Substitutions
{
    /// <summary>How many confident pairs must show a substitution before it counts.</summary>
    private const int MinimumEvidence = 2;

    /// <summary>The share of a word's unmatched occurrences that must face its substitute.</summary>
    private const double Dominance = 0.5;

    /// <summary>Left term id → right term id for each substitution the confident pairs show.</summary>
    public static Dictionary<int, int> Learn(IEnumerable<(TermVector Left, TermVector Right)> confident)
    {
        var together = new Dictionary<(int Left, int Right), int>();
        var leftAlone = new Dictionary<int, int>();
        var rightAlone = new Dictionary<int, int>();
        var onlyLeft = new List<int>();
        var onlyRight = new List<int>();
        foreach (var (left, right) in confident)
        {
            Unshared(left, right, onlyLeft, onlyRight, left.Space);
            foreach (var a in onlyLeft)
            {
                leftAlone[a] = leftAlone.GetValueOrDefault(a) + 1;
                foreach (var b in onlyRight)
                {
                    together[(a, b)] = together.GetValueOrDefault((a, b)) + 1;
                }
            }

            foreach (var b in onlyRight)
            {
                rightAlone[b] = rightAlone.GetValueOrDefault(b) + 1;
            }
        }

        // Each word's most frequent partner (ties: lower id), kept when the two choose each other.
        var bestForLeft = new Dictionary<int, (int Partner, int Count)>();
        var bestForRight = new Dictionary<int, (int Partner, int Count)>();
        foreach (var ((a, b), count) in together)
        {
            if (count < MinimumEvidence)
            {
                continue;
            }

            if (!bestForLeft.TryGetValue(a, out var l) || count > l.Count || (count == l.Count && b < l.Partner))
            {
                bestForLeft[a] = (b, count);
            }

            if (!bestForRight.TryGetValue(b, out var r) || count > r.Count || (count == r.Count && a < r.Partner))
            {
                bestForRight[b] = (a, count);
            }
        }

        var learned = new Dictionary<int, int>();
        foreach (var (a, (b, count)) in bestForLeft)
        {
            if (bestForRight[b].Partner == a && count >= Dominance * leftAlone[a] && count >= Dominance * rightAlone[b])
            {
                learned[a] = b;
            }
        }

        return learned;
    }

    /// <summary>The word terms each vector has and the other lacks.</summary>
    private static void Unshared(TermVector left, TermVector right, List<int> onlyLeft, List<int> onlyRight, TermSpace space)
    {
        var leftMatched = new bool[left.Ids.Length];
        var rightMatched = new bool[right.Ids.Length];
        foreach (var (a, b) in left.Common(right))
        {
            leftMatched[a] = rightMatched[b] = true;
        }

        onlyLeft.Clear();
        onlyRight.Clear();
        for (var i = 0; i < leftMatched.Length; i++)
        {
            if (!leftMatched[i])
            {
                AddWord(onlyLeft, left.Ids[i], space);
            }
        }

        for (var j = 0; j < rightMatched.Length; j++)
        {
            if (!rightMatched[j])
            {
                AddWord(onlyRight, right.Ids[j], space);
            }
        }
    }

    private static void AddWord(List<int> ids, int id, TermSpace space)
    {
        if (!IndexTerm.IsValue(space.Term(id)))
        {
            ids.Add(id);
        }
    }
}
