namespace Compare.Core.Alignment;

/// <summary>
/// The claims found so far across three or more sources: a union-find over all their statements (in one
/// array, source after source). A claim that holds more than one statement knows its statements and how
/// many of them each source has, so that claims joined through one statement never hold more of one
/// source than a group of two sources may (<see cref="Aligner.MaxGroupSide"/>). A statement in no such
/// claim is a claim of its own.
/// </summary>
/// <param name="sourceOf">The source of each statement, by its place in the one array.</param>
/// <param name="sources">How many sources there are.</param>
internal sealed class ClaimSets(int[] sourceOf, int sources)
{
    private readonly int[] _parent = [.. Enumerable.Range(0, sourceOf.Length)];
    private readonly Dictionary<int, (List<int> Members, int[] PerSource)> _claims = [];

    /// <summary>The claim a statement belongs to, by its root statement.</summary>
    public int Find(int statement)
    {
        var x = statement;
        while (_parent[x] != x)
        {
            x = _parent[x] = _parent[_parent[x]];
        }

        return x;
    }

    /// <summary>How many statements each source has in a statement's claim (null for a statement alone).</summary>
    public int[]? PerSource(int statement) => _claims.TryGetValue(Find(statement), out var claim) ? claim.PerSource : null;

    /// <summary>
    /// Joins the claims of two statements, unless that would give one source more statements than a group
    /// may hold or <paramref name="related"/> says the two claims' statements do not go together.
    /// </summary>
    public void Join(int statement, int other, Func<List<int>, List<int>, bool> related)
    {
        var (root, joining) = (Find(statement), Find(other));
        if (root == joining)
        {
            return;
        }

        var (kept, added) = (Claim(root), Claim(joining));
        var joined = kept.PerSource.Zip(added.PerSource, (a, b) => a + b).ToArray();
        if (joined.Max() <= Aligner.MaxGroupSide && related(kept.Members, added.Members))
        {
            _parent[joining] = root;
            kept.Members.AddRange(added.Members);
            _claims[root] = (kept.Members, joined);
            _claims.Remove(joining);
        }
    }

    /// <summary>The claims that hold statements of two or more sources, each as its statements' places.</summary>
    public IEnumerable<List<int>> Shared() =>
        Enumerable.Range(0, sourceOf.Length)
            .GroupBy(Find)
            .Select(g => g.ToList())
            .Where(g => g.Select(i => sourceOf[i]).Distinct().Count() >= 2);

    private (List<int> Members, int[] PerSource) Claim(int root)
    {
        if (_claims.TryGetValue(root, out var known))
        {
            return known;
        }

        var perSource = new int[sources];
        perSource[sourceOf[root]] = 1;
        return ([root], perSource);
    }
}
