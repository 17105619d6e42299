using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

using Group = DifferenceFinder.Group;

/// <summary>Finds hedges: words that distance a source from what it reports ("alleged", "so-called").</summary>
internal sealed class HedgeDetector : IDifferenceDetector
{
    public void Detect(Group group) => Hedges(group);

    private static void Hedges(Group group)
    {
        var hedges = group.Items(f => f.Hedges);
        if (hedges[0].Length + hedges[1].Length == 0)
        {
            return;
        }

        for (var s = 1; s >= 0; s--)
        {
            var others = hedges[1 - s].Select(h => h.Item.Key).ToHashSet(StringComparer.Ordinal);
            var only = hedges[s].Where(h => !others.Contains(h.Item.Key) && group.QualifiesShared(s, h.Statement, h.Item)).ToList();
            if (only.Count == 0)
            {
                continue;
            }

            var words = string.Join(", ", only.Select(h => h.Item.Text));
            foreach (var (statement, cue) in only)
            {
                group.Explain(s, statement, cue.Start, cue.End);
            }

            group.Differences.Add(new Difference(
                DifferenceKind.Hedge,
                s,
                words,
                s == 1 ? $"added in {group.Label(1)}: {words}" : $"only in {group.Label(0)} (removed in {group.Label(1)}): {words}")
            {
                Cues = [.. only.Select(h => h.Item.Text)],
            });
        }
    }
}
