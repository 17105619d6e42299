using System.Text;
using Compare.Core;
using Compare.Core.Reports;

namespace Compare.GitHub;

/// <summary>What a pull request did to a document.</summary>
public enum DocumentChange
{
    /// <summary>A new document.</summary>
    Added,

    /// <summary>A changed document.</summary>
    Modified,

    /// <summary>A deleted document.</summary>
    Removed,

    /// <summary>A moved document.</summary>
    Renamed,

    /// <summary>A new document copied from another.</summary>
    Copied,
}

/// <summary>One comparison in the report: a new or changed document against another, or against its own base version.</summary>
/// <param name="Title">What is compared ("revision: base → head", "with seeds/x/b.txt").</param>
/// <param name="Result">The comparison.</param>
/// <param name="IsRevision">Whether it compares a document's base version (source 0) with its head version (source 1).</param>
public sealed record DocumentComparison(string Title, ComparisonResult Result, bool IsRevision = false);

/// <summary>A document the pull request touches, with its comparisons.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="Change">What the pull request did to it.</param>
/// <param name="PreviousPath">For a renamed document, where it was.</param>
/// <param name="Comparisons">Its revision report and its comparisons with related documents.</param>
/// <param name="Note">What to say when there is nothing to compare ("no related document").</param>
public sealed record DocumentReport(string Path, DocumentChange Change, string? PreviousPath, IReadOnlyList<DocumentComparison> Comparisons, string? Note);

/// <summary>Writes the pull request report: the full one for the job summary, and one that fits a comment.</summary>
internal static class PullRequestReport
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

    public static string Full(int number, IReadOnlyList<DocumentReport> documents, Uri? htmlLink = null) => Render(number, documents, collapse: false, limits: null, FullInSummary, tag: null, htmlLink);

    /// <summary>The report as a comment of at most <paramref name="maxLength"/> characters (see <see cref="Fit"/>), marked with <paramref name="tag"/>'s marker.</summary>
    public static string Comment(int number, IReadOnlyList<DocumentReport> documents, string? tag = null, int maxLength = MaxCommentLength, Uri? htmlLink = null) =>
        Fit(number, documents, maxLength, body => body.Length, FullInSummary, tag, htmlLink);

    /// <summary>The report for the job summary, of at most <paramref name="maxBytes"/> bytes of UTF-8 (see <see cref="Fit"/>), marked with <paramref name="tag"/>'s marker.</summary>
    public static string Summary(int number, IReadOnlyList<DocumentReport> documents, string? tag = null, int maxBytes = MaxSummaryBytes, Uri? htmlLink = null) =>
        Fit(number, documents, maxBytes, Encoding.UTF8.GetByteCount, "the full report is the file the action's report-path output names", tag, htmlLink);

    private const string FullInSummary = "the full report is in the job summary";

    /// <summary>
    /// The report within <paramref name="limit"/> (as <paramref name="measure"/> counts): sections collapse
    /// into details first, then the last aligned groups (the least important: the report's order) and then unmatched statements are
    /// cut, each cut saying how much it left out and where the full report is.
    /// </summary>
    private static string Fit(int number, IReadOnlyList<DocumentReport> documents, int limit, Func<string, int> measure, string whereFull, string? tag, Uri? htmlLink)
    {
        var body = Render(number, documents, collapse: false, limits: null, whereFull, tag, htmlLink);
        if (measure(body) <= limit)
        {
            return body;
        }

        body = Render(number, documents, collapse: true, limits: null, whereFull, tag, htmlLink);
        var comparisons = documents.SelectMany(d => d.Comparisons).ToList();
        // By reference: two comparisons can be equal records (the same pair reported under two documents).
        var limits = comparisons.ToDictionary(object (c) => c, c => (Groups: c.Result.Alignments.Count, Unmatched: c.Result.Unmatched.Count), ReferenceEqualityComparer.Instance);
        while (measure(body) > limit)
        {
            var (largest, kept) = limits.OrderByDescending(l => l.Value.Groups + l.Value.Unmatched).First();

            if (kept.Groups + kept.Unmatched == 0)
            {
                var cut = $"\n\n…the report is cut here; {whereFull}.\n";
                return Prefix(body, limit - measure(cut), measure) + cut;
            }

            limits[largest] = kept.Groups > 0 ? (kept.Groups / 2, kept.Unmatched) : (0, kept.Unmatched / 2);
            body = Render(number, documents, collapse: true, limits, whereFull, tag, htmlLink);
        }

        return body;
    }

    /// <summary>The longest start of the text within the limit (by binary search: the measure grows with the length), never half a surrogate pair.</summary>
    private static string Prefix(string text, int limit, Func<string, int> measure)
    {
        int low = 0, high = Math.Min(text.Length, limit);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = measure(text[..middle]) <= limit ? (middle, high) : (low, middle - 1);
        }

        return low > 0 && char.IsHighSurrogate(text[low - 1]) ? text[..(low - 1)] : text[..low];
    }

    private static string Render(
        int number, IReadOnlyList<DocumentReport> documents, bool collapse, Dictionary<object, (int Groups, int Unmatched)>? limits, string whereFull, string? tag, Uri? htmlLink)
    {
        var md = new StringBuilder();
        md.Append(MarkerFor(tag)).Append('\n');
        md.Append($"## Source comparison for pull request \\#\u200D{number}\n\n");
        if (documents.Count == 0)
        {
            md.Append("No document under the watched paths changed.\n");
            return md.ToString();
        }

        var counts = Enum.GetValues<DocumentChange>()
            .Select(change => (change, count: documents.Count(d => d.Change == change)))
            .Where(c => c.count > 0)
            .Select(c => $"{c.count} {c.change.ToString().ToLowerInvariant()}");
        md.Append($"{ReportFacts.Plural(documents.Count, "document", "documents")}: {string.Join(", ", counts)}.\n\n");
        if (htmlLink is not null && documents.Any(d => d.Comparisons.Count > 0))
        {
            md.Append($"**Side by side:** an HTML page per comparison, with the sources in two columns, is among [this run’s artifacts]({htmlLink.AbsoluteUri}).\n\n");
        }

        foreach (var document in documents)
        {
            var what = document.Change switch
            {
                DocumentChange.Renamed => $"renamed from {MarkdownText.Code(document.PreviousPath ?? "?")}",
                DocumentChange.Copied => $"copied from {MarkdownText.Code(document.PreviousPath ?? "?")}",
                _ => document.Change.ToString().ToLowerInvariant(),
            };
            md.Append($"### {MarkdownText.Code(document.Path)} ({what})\n\n");
            if (document.Note is { } note)
            {
                md.Append(note).Append("\n\n");
            }

            foreach (var comparison in document.Comparisons)
            {
                var result = comparison.Result;
                var cut = string.Empty;
                if (limits is not null && limits.TryGetValue(comparison, out var limit)
                    && (limit.Groups < result.Alignments.Count || limit.Unmatched < result.Unmatched.Count))
                {
                    cut = $"\n*{result.Alignments.Count - limit.Groups} less important aligned groups and {result.Unmatched.Count - limit.Unmatched} unmatched statements are cut here: {whereFull}.*\n";
                    result = result with { Alignments = [.. result.Alignments.Take(limit.Groups)], Unmatched = [.. result.Unmatched.Take(limit.Unmatched)] };
                }

                var report = (comparison.IsRevision ? Revision(comparison.Result) + "\n\n" : string.Empty) + Demote(Report.ToMarkdown(result)) + cut;
                if (collapse)
                {
                    md.Append($"<details>\n<summary>{MarkdownText.Escape(comparison.Title)}</summary>\n\n{report}\n</details>\n\n");
                }
                else
                {
                    md.Append($"#### {MarkdownText.Escape(comparison.Title)}\n\n{report}\n");
                }
            }
        }

        return md.ToString();
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
        return $"**Revision:** {ReportFacts.Plural(edited, "statement", "statements")} edited, {added} added, {removed} removed, {moved} moved; {pairs.Count - edited} unchanged.";
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

    /// <summary>Moves the comparison report's headings two levels down, under the document's heading.</summary>
    private static string Demote(string markdown) =>
        string.Join('\n', markdown.Split('\n').Select(line => line.StartsWith('#') ? "##" + line : line));
}
