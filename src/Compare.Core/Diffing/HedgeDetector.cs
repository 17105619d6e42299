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
            var only = hedges[s].Where(h => !others.Contains(h.Item.Key) && group.QualifiesShared(s, h.Statement, h.Item) && !Distances(group, 1 - s, group.Sides[s].Statements[h.Statement], h.Item)).ToList();
            if (only.Count == 0)
            {
                continue;
            }

            var cues = only.ConvertAll(h => h.Item.Text);
            foreach (var (statement, cue) in only)
            {
                group.Explain(s, statement, cue.Start, cue.End);
            }

            group.Add(new Difference(
                DifferenceKind.Hedge,
                s,
                string.Join(", ", cues),
                new HedgeDetail(cues))
            {
                Cues = cues,
            });
        }
    }

    /// <summary>How many words after a hedge it qualifies ("the so-called marriage penalty").</summary>
    private const int HedgedWords = 3;

    /// <summary>
    /// Whether a side keeps its distance from the same thing by other means than the hedge word: a distancing
    /// reporting verb over it ("accused of hacking" / "allegedly hacking", "a story claiming that …" / "the story
    /// that alleged …"), or quotation marks around the words the hedge qualifies (“marriage penalty” / the
    /// so-called marriage penalty). A reader is told the same of the claim either way.
    /// </summary>
    private static bool Distances(Group group, int side, AnalyzedStatement hedged, Cue hedge)
    {
        var statements = group.Sides[side].Statements;
        if (statements.Any(st => st.Tokens.Exists(t => t.Kind == TokenKind.Word && Lexicon.ReportingVerbs.TryGetValue(t.Norm, out var verb) && verb.Stance == Stance.Distancing)))
        {
            return true;
        }

        var after = Qualified(hedged, hedge);
        var quoted = group.Sides[side].Items(f => f.Quotes).SelectMany(q => q.Item.ContentWords).ToHashSet(StringComparer.Ordinal);
        return after.Count > 0 && quoted.Contains(after[0]);
    }

    /// <summary>Whether a side hedges one of the words: the first content word after one of its hedges ("the so-called marriage penalty").</summary>
    internal static bool HedgesAny(DifferenceFinder.Side side, IReadOnlyCollection<string> words) =>
        side.Items(f => f.Hedges).Any(h => Qualified(side.Statements[h.Statement], h.Item) is [var first, ..] && words.Contains(first));

    /// <summary>The content words right after a hedge, which it qualifies.</summary>
    private static List<string> Qualified(AnalyzedStatement statement, Cue hedge) =>
        [.. statement.Tokens.Where(t => t.Start >= hedge.End && t.Kind == TokenKind.Word && !StopWords.Contains(t.Norm)).Take(HedgedWords).Select(t => t.Norm)];
}
