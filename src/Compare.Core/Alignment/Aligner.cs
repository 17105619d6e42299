using System.Buffers;

namespace Compare.Core.Alignment;

/// <summary>
/// What the aligner asks of the statements' words beyond their terms: which statements of the two sides
/// have the same words (a key per statement, 0 for none, and an exact check), and which quote words the
/// other writes.
/// </summary>
internal abstract class StatementWords
{
    public abstract long LeftKey(int index);

    public abstract long RightKey(int index);

    /// <summary>Whether two statements with the same key really have the same words.</summary>
    public abstract bool Same(int left, int right);

    /// <summary>Whether one of the two statements quotes words the other writes too (“prank”, “a very serious problem”).</summary>
    public abstract bool SharesQuote(int left, int right);

    /// <summary>Whether a statement stands alone (a headline): it never joins a neighbour's group, nor takes neighbours into its own.</summary>
    public virtual bool StandsAlone(bool left, int index) => false;
}

/// <summary>Statements of the two sides that say the same thing, with their similarity (learned substitutions counted).</summary>
internal sealed record AlignedIndexes(IReadOnlyList<int> Left, IReadOnlyList<int> Right, double Score);

/// <summary>
/// Aligns the statements of two sources without regard to order. Candidates come from an inverted
/// index of terms (never a pass over every pair); the best pairs above the threshold are matched one
/// to one; the statements left apart are scored again with the words the confident pairs show one
/// source consistently writes differently (<see cref="Substitutions"/>); then a statement left over
/// joins the group of its best counterpart when, next to a statement of that group, it covers more of
/// what the other side says (one source splitting in two what the other says in one sentence); and a
/// weaker pair is aligned when statements next to both of its statements are aligned with each other.
/// </summary>
internal static partial class Aligner
{
    /// <summary>How many candidates of the other side each statement is scored against.</summary>
    private const int CandidatesPerStatement = 10;

    /// <summary>The largest number of statements one side contributes to a group.</summary>
    public const int MaxGroupSide = 3;

    /// <summary>How far (in statements) a joining statement may stand from a member of its side.</summary>
    private const int MaxJoinDistance = 2;

    /// <summary>How many times the runner-up score a pair near the threshold must reach.</summary>
    private const double DistinctRatio = 1.3;

    /// <summary>
    /// How much of a neighbouring statement's weight the other side of a group must share for it to join: more
    /// than a neighbour that shares only who said it ("county officials") or a common word or two ("state", "tax").
    /// </summary>
    private const float NeighbourContainment = 0.30f;

    /// <summary>How many times the rare-term posting limit a statement may spend on frequent terms to find candidates.</summary>
    private const int PostingsBudget = 4;

    /// <summary>How many left statements one unit of parallel candidate scoring takes.</summary>
    private const int ChunkSize = 128;

    /// <summary>The candidate search's working lists for the thread (see <see cref="CandidateSearch"/>).</summary>
    [ThreadStatic]
    private static float[]? _accumulator;

    [ThreadStatic]
    private static List<int>? _touched;

    [ThreadStatic]
    private static List<(int Term, int Count, float Weight)>? _lists;

    [ThreadStatic]
    private static PriorityQueue<int, (float, int)>? _top;

    /// <summary>
    /// Aligns the statements; those with the same words (<paramref name="words"/>) are paired first, in
    /// order, and a pair that shares a quote is aligned below the threshold. Only the right statements
    /// <paramref name="candidates"/> marks (all when null) are looked for; the others join groups only as
    /// neighbours. <paramref name="rightPlace"/> tells where a right statement stands in its document, 0 to
    /// 1 (by default its index over the right statements: the right side is one document).
    /// <paramref name="documentLength"/> is how many statements a document of the right side has (by default
    /// all of them): a statement spends a candidate budget that grows with it, so that with many earlier
    /// sources on the right a statement costs what it costs against one.
    /// </summary>
    public static List<AlignedIndexes> Align(
        TermVector[] left,
        TermVector[] right,
        double threshold,
        StatementWords? words = null,
        bool[]? candidates = null,
        Func<int, double>? rightPlace = null,
        int documentLength = 0)
    {
        documentLength = documentLength > 0 ? documentLength : right.Length;
        var thresholds = new Thresholds(threshold);
        var leftGroup = Enumerable.Repeat(-1, left.Length).ToArray();
        var rightGroup = Enumerable.Repeat(-1, right.Length).ToArray();
        var groups = new List<Group>();
        if (words is not null)
        {
            PairIdentical(words, left.Length, right.Length, leftGroup, rightGroup, groups);
        }

        var pairs = Candidates(left, right, thresholds.Join, leftGroup, rightGroup, candidates, documentLength);
        Match(pairs, left.Length, right.Length, threshold, leftGroup, rightGroup, groups);

        // Statements still apart are scored again with the words one source consistently writes
        // differently, as the confident pairs show ("Khankendi" where the other writes "Stepanakert"),
        // counted as the same word on both sides.
        var substitutions = Substitutions.Learn(
            groups.Where(g => g.Score >= thresholds.Margin && g.Score < 1).Select(g => (left[g.Left[0]], right[g.Right[0]])));
        if (substitutions.Count > 0)
        {
            var more = Candidates(
                Substituted(left, leftGroup, substitutions),
                Substituted(right, rightGroup, substitutions, candidates),
                thresholds.Join,
                leftGroup,
                rightGroup,
                candidates,
                documentLength);
            Match(more, left.Length, right.Length, threshold, leftGroup, rightGroup, groups);
            pairs.AddRange(more);
        }

        // A headline is a unit of its own: it never joins a neighbour's group, nor takes a neighbour into its own.
        Func<int, bool> leftAlone = words is null ? static _ => false : i => words.StandsAlone(true, i);
        Func<int, bool> rightAlone = words is null ? static _ => false : i => words.StandsAlone(false, i);
        foreach (var (l, r, score) in pairs)
        {
            if (leftGroup[l] < 0 && rightGroup[r] >= 0)
            {
                TryJoin(groups[rightGroup[r]], l, joinsLeft: true, left, right, leftGroup, rightGroup[r], leftAlone);
            }
            else if (rightGroup[r] < 0 && leftGroup[l] >= 0)
            {
                TryJoin(groups[leftGroup[l]], r, joinsLeft: false, left, right, rightGroup, leftGroup[l], rightAlone);
            }
        }

        // A weaker pair told at the same point of the same passage as an aligned one ("complained … slipway"
        // between the meeting and the budget both report), or whose statements are each other's best
        // candidate at about the same point of their documents.
        AlignSupported(
            pairs, left.Length, right.Length, threshold, leftGroup, rightGroup, groups, rightPlace ?? (r => (double)r / right.Length));

        // A candidate pair one of whose statements quotes words the other writes too (“it was a prank,” /
        // calling the incident a “prank”): the same remark, however differently the rest is worded.
        if (words is not null)
        {
            AlignFree(pairs, words.SharesQuote, leftGroup, rightGroup, groups);
        }

        // A statement right next to a group member that is mostly about what the other side of the group
        // says joins too, even when it adds enough of its own to lower the group's similarity
        // ("an agreement has been reached, with Azerbaijan claiming …" before "The ceasefire was set to take effect …").
        var neighbours = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            JoinNeighbours(groups[g], joinsLeft: true, left, right, leftGroup, g, neighbours, leftAlone);
            JoinNeighbours(groups[g], joinsLeft: false, left, right, rightGroup, g, neighbours, rightAlone);
        }

        return [.. groups.Select(g => new AlignedIndexes([.. g.Left.Order()], [.. g.Right.Order()], g.Score))];
    }

    /// <summary>How far (in statements) an aligned pair that supports a weaker one may stand from it.</summary>
    private const int SupportDistance = 2;

    /// <summary>How many times the runner-up candidate of either statement a pair of mutual best candidates must score.</summary>
    private const double MutualMargin = 1.05;

    /// <summary>How far apart (as a share of their documents' lengths) mutual best candidates may stand.</summary>
    private const double MutualPlaceGap = 0.3;

    /// <summary>
    /// Two rules for pairs left apart, below the threshold or held back by the ratio test. A pair down to
    /// <see cref="Thresholds.Supported"/> is aligned when one of its statements is the other's
    /// best candidate and statements within <see cref="SupportDistance"/> before both, or after both, are
    /// aligned with each other: both sources tell it at the same point of the same passage. Stronger pairs
    /// go first, and a pair aligned this way supports the next. Then a pair down to
    /// <see cref="Thresholds.Mutual"/> is aligned when each of its statements is the other's
    /// best candidate, by <see cref="MutualMargin"/> over the runner-up of both, and they stand at about the
    /// same point of their documents (<see cref="MutualPlaceGap"/>): two newsrooms telling one fact in their
    /// own words share few of them, but more with each other than with anything else.
    /// </summary>
    private static void AlignSupported(
        List<(int Left, int Right, double Score)> pairs,
        int leftCount,
        int rightCount,
        double threshold,
        int[] leftGroup,
        int[] rightGroup,
        List<Group> groups,
        Func<int, double> rightPlace)
    {
        var thresholds = new Thresholds(threshold);

        // Each statement's best candidate and its runner-up's score (the right side may be all the
        // statements of many earlier sources: rented).
        var bestOfLeft = ArrayPool<Best>.Shared.Rent(leftCount);
        var bestOfRight = ArrayPool<Best>.Shared.Rent(rightCount);
        Array.Fill(bestOfLeft, new Best(-1, 0, 0), 0, leftCount);
        Array.Fill(bestOfRight, new Best(-1, 0, 0), 0, rightCount);
        foreach (var (l, r, score) in pairs)
        {
            bestOfLeft[l] = bestOfLeft[l].With(r, score);
            bestOfRight[r] = bestOfRight[r].With(l, score);
        }

        bool Aligned(int l, int r) => l >= 0 && r >= 0 && l < leftCount && r < rightCount && leftGroup[l] >= 0 && leftGroup[l] == rightGroup[r];
        bool Supported(int l, int r)
        {
            for (var i = 1; i <= SupportDistance; i++)
            {
                for (var j = 1; j <= SupportDistance; j++)
                {
                    if (Aligned(l - i, r - j) || Aligned(l + i, r + j))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        AlignFree(
            pairs.Where(p => p.Score >= thresholds.Supported && (bestOfLeft[p.Left].Other == p.Right || bestOfRight[p.Right].Other == p.Left)),
            Supported,
            leftGroup,
            rightGroup,
            groups);
        AlignFree(
            pairs.Where(p => p.Score >= thresholds.Mutual
                && bestOfLeft[p.Left].Other == p.Right
                && bestOfRight[p.Right].Other == p.Left
                && p.Score >= MutualMargin * Math.Max(bestOfLeft[p.Left].RunnerUp, bestOfRight[p.Right].RunnerUp)),
            (l, r) => Math.Abs(((double)l / leftCount) - rightPlace(r)) <= MutualPlaceGap,
            leftGroup,
            rightGroup,
            groups);
        ArrayPool<Best>.Shared.Return(bestOfLeft);
        ArrayPool<Best>.Shared.Return(bestOfRight);
    }

    /// <summary>A statement's best candidate so far, its score and the runner-up's score.</summary>
    private readonly record struct Best(int Other, double Score, double RunnerUp)
    {
        public Best With(int other, double score) =>
            score > Score ? new Best(other, score, Score) : score > RunnerUp ? this with { RunnerUp = score } : this;
    }

    /// <summary>Orders candidate pairs best first, ties in document order.</summary>
    private static int BestFirst((int Left, int Right, double Score) x, (int Left, int Right, double Score) y)
    {
        var c = y.Score.CompareTo(x.Score);
        return c != 0 ? c : x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right);
    }

    /// <summary>
    /// Aligns the candidates whose statements are both still apart and that <paramref name="accept"/>
    /// takes, best first (ties in document order): a pair aligned so may change what the next is told.
    /// </summary>
    private static void AlignFree(
        IEnumerable<(int Left, int Right, double Score)> candidates, Func<int, int, bool> accept, int[] leftGroup, int[] rightGroup, List<Group> groups)
    {
        var free = candidates.Where(p => leftGroup[p.Left] < 0 && rightGroup[p.Right] < 0).ToList();
        free.Sort(BestFirst);
        foreach (var (l, r, score) in free)
        {
            if (leftGroup[l] < 0 && rightGroup[r] < 0 && accept(l, r))
            {
                AddPair(l, r, score, leftGroup, rightGroup, groups);
            }
        }
    }

    /// <summary>Makes two statements a group of their own.</summary>
    private static void AddPair(int left, int right, double score, int[] leftGroup, int[] rightGroup, List<Group> groups)
    {
        leftGroup[left] = rightGroup[right] = groups.Count;
        groups.Add(new Group([left], [right], score));
    }

    /// <summary>
    /// Pairs statements one to one, best pairs first. A pair scoring just above the threshold must also
    /// stand out from the runner-up candidates of both its statements that are still free (a ratio
    /// test): unrelated statements that share a few rare words score about as well with several others.
    /// A runner-up taken by a better pair no longer competes, so the pairs left are tried again until
    /// nothing changes.
    /// </summary>
    private static void Match(
        List<(int Left, int Right, double Score)> pairs, int leftCount, int rightCount, double threshold, int[] leftGroup, int[] rightGroup, List<Group> groups)
    {
        pairs.Sort(BestFirst);
        var margin = new Thresholds(threshold).Margin;

        var leftCandidates = new CandidateLists(pairs, leftCount, left: true);
        var rightCandidates = new CandidateLists(pairs, rightCount, left: false);

        // Only pairs that failed the ratio test can be accepted on a later pass (a pair above the band
        // is accepted whenever both its statements are free, and a statement once taken stays taken).
        var waiting = pairs;
        for (var changed = true; changed;)
        {
            changed = false;
            var deferred = new List<(int Left, int Right, double Score)>();
            foreach (var (l, r, score) in waiting)
            {
                if (score < threshold)
                {
                    break;
                }

                if (leftGroup[l] >= 0 || rightGroup[r] >= 0)
                {
                    continue;
                }

                if (score < margin
                    && score < DistinctRatio * Math.Max(leftCandidates.RunnerUp(l, r, rightGroup), rightCandidates.RunnerUp(r, l, leftGroup)))
                {
                    deferred.Add((l, r, score));
                    continue;
                }

                AddPair(l, r, score, leftGroup, rightGroup, groups);
                changed = true;
            }

            waiting = deferred;
        }
    }

    private sealed class Group(List<int> left, List<int> right, double score)
    {
        public List<int> Left { get; } = left;

        public List<int> Right { get; } = right;

        public double Score { get; set; } = score;
    }
}
