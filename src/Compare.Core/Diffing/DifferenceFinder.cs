namespace Compare.Core.Diffing;

/// <summary>Labels the changes of a word diff: words only the first source has, only the second has, or both reworded.</summary>
internal static class DifferenceFinder
{
    public static List<Difference> Find(IEnumerable<DiffRun> runs)
    {
        var differences = new List<Difference>();
        foreach (var run in runs)
        {
            if (run.IsEqual)
            {
                continue;
            }

            var hasLeft = run.Left.Any(t => t.Kind != Analysis.TokenKind.Punctuation);
            var hasRight = run.Right.Any(t => t.Kind != Analysis.TokenKind.Punctuation);
            var leftText = WordDiff.Join(run.Left).Trim();
            var rightText = WordDiff.Join(run.Right).Trim();
            if (hasLeft && hasRight)
            {
                differences.Add(new Difference(DifferenceKind.Wording, 1, rightText, "worded differently", 0, leftText));
            }
            else if (hasLeft)
            {
                differences.Add(new Difference(DifferenceKind.Omission, 0, leftText, "only in source 0"));
            }
            else if (hasRight)
            {
                differences.Add(new Difference(DifferenceKind.Addition, 1, rightText, "only in source 1"));
            }
        }

        return differences;
    }
}
