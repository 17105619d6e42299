using System.Text;
using Compare.Core;
using Compare.Core.Reports;

namespace Compare.GitHub;

/// <summary>
/// Writes the pull request report: the whole of it for the report file, and within a budget for the job
/// summary and the comment. Each part of it is rendered once and measured once; a report over its budget
/// keeps, in this order, the aligned groups with labelled differences (the most important kinds first),
/// the other groups whose words differ, the claims tables, the statements only in one source, the groups
/// with the same wording and the boilerplate. Every group with a difference that is left out is listed
/// by its heading, and every cut says where the full report is.
/// </summary>
internal static partial class PullRequestReport
{
    /// <summary>The hidden marker by which the tool finds its own comment.</summary>
    public const string Marker = "<!-- compare-report:v1 -->";

    /// <summary>The marker of a tagged report ("&lt;!-- compare-report:v1 tag=docs --&gt;"), one comment per tag; the plain marker without a tag.</summary>
    public static string MarkerFor(string? tag) => tag is null ? Marker : $"<!-- compare-report:v1 tag={tag} -->";

    /// <summary>Whether a comment tag is one GitHub's comment and an HTML comment can carry: 1 to 64 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValidTag(string tag) => tag.Length is > 0 and <= 64 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>GitHub refuses comments longer than this many characters.</summary>
    public const int MaxCommentLength = 65_536;

    /// <summary>GitHub refuses a step summary over 1 MiB (1,048,576 bytes); the report keeps under it with room to spare.</summary>
    public const int MaxSummaryBytes = 1_000_000;

    /// <summary>The heading level of a comparison's title (under the folder's, under the report's).</summary>
    private const int ComparisonLevel = 4;

    /// <summary>The whole report.</summary>
    public static string Full(int number, IReadOnlyList<FolderReport> folders, string? tag = null, Uri? htmlLink = null)
    {
        var layout = new Layout(number, folders, tag, htmlLink);
        return layout.Render(new Choice { All = true }, place: null);
    }

    /// <summary>The report as a comment of at most <paramref name="maxLength"/> characters.</summary>
    public static string Comment(int number, IReadOnlyList<FolderReport> folders, FullReportPlace place, string? tag = null, int maxLength = MaxCommentLength, Uri? htmlLink = null) =>
        Fit(new Layout(number, folders, tag, htmlLink), maxLength, static text => text.Length, place);

    /// <summary>The report for the job summary, of at most <paramref name="maxBytes"/> bytes of UTF-8.</summary>
    public static string Summary(int number, IReadOnlyList<FolderReport> folders, FullReportPlace place, string? tag = null, int maxBytes = MaxSummaryBytes, Uri? htmlLink = null) =>
        Fit(new Layout(number, folders, tag, htmlLink), maxBytes, Encoding.UTF8.GetByteCount, place);

    /// <summary>The report when no watched document changed: what an existing report comment is updated to.</summary>
    public static string NothingChanged(int number, string? tag) =>
        $"{MarkerFor(tag)}\n{Title(number)}No document under the watched paths changed in this pull request.\n";

    private static string Title(int number) => $"## Source comparison for pull request \\#\u200D{number}\n\n";

    /// <summary>
    /// The report within <paramref name="limit"/>: every part at its smallest (groups with differences listed
    /// by heading, lists of unmatched statements by their counts), then parts shown whole in the order of
    /// importance while they fit. A group with a difference that does not fit is listed, and nothing less
    /// important is shown after it.
    /// </summary>
    private static string Fit(Layout layout, int limit, Func<string, int> measure, FullReportPlace place)
    {
        var whole = layout.Render(new Choice { All = true }, place: null);
        if (measure(whole) <= limit)
        {
            return whole;
        }

        var choice = new Choice();
        var used = measure(layout.Render(choice, place));
        var budget = limit - used;

        // Listing entries cost too: with thousands of groups, the least important entries go first.
        var listed = layout.Candidates().Where(c => c.Kind == PartKind.Group && c.Differs).Reverse().ToList();
        foreach (var candidate in listed)
        {
            if (budget >= 0)
            {
                break;
            }

            choice.Unlisted.Add(candidate.Key);
            budget += measure(layout.Listing(candidate.Key));
        }

        var droppedDiffering = false;
        foreach (var candidate in layout.Candidates())
        {
            if (droppedDiffering && !candidate.Differs)
            {
                break; // A group with a difference is left out: nothing less important is shown instead.
            }

            if (choice.Unlisted.Contains(candidate.Key))
            {
                droppedDiffering = true;
                continue;
            }

            if (candidate.Kind == PartKind.Statement && choice.Closed.Contains((candidate.Key.Comparison, candidate.Key.Index)))
            {
                continue;
            }

            var cost = measure(layout.Text(candidate.Key)) - (candidate.Differs ? measure(layout.Listing(candidate.Key)) : 0);
            if (cost <= budget)
            {
                choice.Shown.Add(candidate.Key);
                choice.Order.Add(candidate.Key);
                budget -= cost;
            }
            else if (candidate.Differs)
            {
                droppedDiffering = true;
            }
            else if (candidate.Kind == PartKind.Statement)
            {
                // A list of unmatched statements is shown from its start: the rest of it stays out.
                choice.Closed.Add((candidate.Key.Comparison, candidate.Key.Index));
            }
        }

        // The parts' costs add up exactly but for the closing line's counts: should they not, the parts shown
        // last go again until the report fits.
        var text = layout.Render(choice, place);
        for (var shown = choice.Order.Count - 1; measure(text) > limit && shown >= 0; shown--)
        {
            choice.Shown.Remove(choice.Order[shown]);
            text = layout.Render(choice, place);
        }

        if (measure(text) <= limit)
        {
            return text;
        }

        // What cannot fit even at its smallest (thousands of documents): cut, and say so.
        var cut = $"\n\n…the report is cut here; {place.Render()}.\n";
        return Prefix(text, limit - measure(cut), measure) + cut;
    }

    /// <summary>The longest start of the text within the limit (by binary search: the measure grows with the length), never half a surrogate pair.</summary>
    private static string Prefix(string text, int limit, Func<string, int> measure)
    {
        int low = 0, high = Math.Min(text.Length, Math.Max(0, limit));
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = measure(text[..middle]) <= limit ? (middle, high) : (low, middle - 1);
        }

        return low > 0 && char.IsHighSurrogate(text[low - 1]) ? text[..(low - 1)] : text[..low];
    }

    /// <summary>
    /// What a revision did, statement by statement: edited (aligned, with differences), added (only in the
    /// head), removed (only in the base), moved (aligned, but out of the order the others keep: the
    /// statements off a longest run of pairs in the same order in both versions).
    /// </summary>
    internal static string Revision(ComparisonResult result)
    {
        var pairs = result.Alignments
            .Select(g => (Base: g.Statements.Where(s => s.Source == 0).Min(s => s.Index), Head: g.Statements.Where(s => s.Source == 1).Min(s => s.Index), Group: g))
            .OrderBy(p => p.Base)
            .ToList();
        var kept = LongestIncreasing(pairs.Select(p => p.Head).ToList());
        var moved = pairs.Count - kept;
        var edited = pairs.Count(p => p.Group.Differences.Count > 0 || p.Group.Diff.Any(d => d.Operation != DiffOperation.Equal));
        var added = result.Unmatched.Count(s => s.Source == 1);
        var removed = result.Unmatched.Count(s => s.Source == 0);
        return $"**Revision:** {ReportText.Plural(edited, "statement", "statements")} edited, {added} added, {removed} removed, {moved} moved; {pairs.Count - edited} unchanged.";
    }

    /// <summary>The length of a longest strictly increasing subsequence (patience sorting).</summary>
    private static int LongestIncreasing(List<int> values)
    {
        var tails = new List<int>();
        foreach (var value in values)
        {
            var at = tails.BinarySearch(value);
            at = at < 0 ? ~at : at;
            if (at == tails.Count)
            {
                tails.Add(value);
            }
            else
            {
                tails[at] = value;
            }
        }

        return tails.Count;
    }

}

/// <summary>How a reader reaches the full report.</summary>
internal static class FullReportPlaces
{
    /// <summary>"the full report is in [the job summary](…)" as Markdown.</summary>
    public static string Render(this FullReportPlace place) =>
        place.Link is { } link ? $"the full report is in [{ReportText.Markdown(place.Text)}]({link.AbsoluteUri})" : $"the full report is in {ReportText.Markdown(place.Text)}";
}
