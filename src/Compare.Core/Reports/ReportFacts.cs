namespace Compare.Core.Reports;

/// <summary>Figures every report format states in its summary.</summary>
internal static class ReportFacts
{
    public static int AlignedIn(ComparisonResult result, int source) =>
        result.Alignments.Sum(g => g.Statements.Count(s => s.Source == source));

    public static int OnlyIn(ComparisonResult result, int source) =>
        result.Unmatched.Count(s => s.Source == source);

    public static string Location(ComparisonResult result, Statement statement) =>
        $"{Path.GetFileName(result.Sources[statement.Source].Path)}:{statement.Line}:{statement.Column}";

    public static string Plural(int count, string singular, string plural) =>
        $"{count} {(count == 1 ? singular : plural)}";

    public static string Score(double score) => score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The pieces of a word diff as (operation, words, space after): a deletion directly followed by its
    /// insertion has no space between them, so the pair reads as one replacement.
    /// </summary>
    public static IEnumerable<(DiffOperation Operation, string Words, string Space)> DiffPieces(IReadOnlyList<DiffSegment> diff)
    {
        for (var i = 0; i < diff.Count; i++)
        {
            var segment = diff[i];
            var words = segment.Text.TrimEnd();
            var replaced = segment.Operation == DiffOperation.Deleted && i + 1 < diff.Count && diff[i + 1].Operation == DiffOperation.Inserted;
            var beforePunctuation = i + 1 < diff.Count && diff[i + 1].Text.Length > 0 && diff[i + 1].Text[0] is ',' or '.' or ';' or ':' or '!' or '?' or ')';
            var space = words.Length < segment.Text.Length && !replaced && !beforePunctuation && i + 1 < diff.Count ? " " : string.Empty;
            yield return (segment.Operation, words, space);
        }
    }
}
