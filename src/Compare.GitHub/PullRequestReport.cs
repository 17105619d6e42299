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

    private enum PartKind
    {
        Group,
        Claims,
        Statement,
        Boilerplate,
    }

    /// <summary>A part of one comparison: a group (by its index), the claims table, a source's unmatched statement (by source and position), the boilerplate.</summary>
    private readonly record struct PartKey(int Comparison, PartKind Kind, int Index, int Item = 0);

    /// <summary>A part that can be shown or left out, in the order parts are shown in; <see cref="Differs"/> for a group with a difference (listed when left out).</summary>
    private readonly record struct Candidate(PartKey Key, bool Differs)
    {
        public PartKind Kind => Key.Kind;
    }

    /// <summary>Which parts a rendering shows: the rest are listed (groups with a difference) or counted.</summary>
    private sealed class Choice
    {
        public HashSet<PartKey> Shown { get; } = [];

        /// <summary>The parts shown, in the order they were chosen.</summary>
        public List<PartKey> Order { get; } = [];

        /// <summary>Groups with a difference left out and not even listed (a report of thousands of them).</summary>
        public HashSet<PartKey> Unlisted { get; } = [];

        /// <summary>Lists of unmatched statements (comparison, source) whose later statements stay out.</summary>
        public HashSet<(int Comparison, int Source)> Closed { get; } = [];

        public bool All { get; init; }

        public bool Shows(PartKey key) => All || Shown.Contains(key);
    }

    /// <summary>The report's parts, each rendered once.</summary>
    private sealed class Layout
    {
        private readonly int _number;
        private readonly IReadOnlyList<FolderReport> _folders;
        private readonly string? _tag;
        private readonly Uri? _htmlLink;
        private readonly List<(DocumentComparison Comparison, MarkdownSections Sections, List<int> Groups)> _comparisons = [];

        public Layout(int number, IReadOnlyList<FolderReport> folders, string? tag, Uri? htmlLink)
        {
            (_number, _folders, _tag, _htmlLink) = (number, folders, tag, htmlLink);
            foreach (var comparison in folders.SelectMany(f => f.Comparisons))
            {
                var sections = Report.ToMarkdownSections(comparison.Result, new MarkdownOptions { HeadingLevel = ComparisonLevel, Title = comparison.Title });

                // A revision report lists what changed, never the statements that stayed the same.
                var groups = Enumerable.Range(0, sections.Groups.Count).Where(g => !comparison.IsRevision || sections.Groups[g].Changed).ToList();
                _comparisons.Add((comparison, sections, groups));
            }
        }

        /// <summary>The parts that can be left out, most important first (see <see cref="PullRequestReport"/>).</summary>
        public IEnumerable<Candidate> Candidates()
        {
            var groups = _comparisons.SelectMany((c, ci) => c.Groups.Select(g => (ci, g, c.Sections.Groups[g]))).ToList();
            var differing = groups.Where(g => g.Item3.Kinds.Count > 0 || g.Item3.Changed)
                .OrderBy(g => g.Item3.Kinds.Count == 0 ? 5 : DifferenceKinds.Importance(g.Item3.Kinds[0]))
                .ThenBy(g => g.ci)
                .ThenBy(g => g.g);
            foreach (var (ci, g, _) in differing)
            {
                yield return new Candidate(new PartKey(ci, PartKind.Group, g), Differs: true);
            }

            for (var ci = 0; ci < _comparisons.Count; ci++)
            {
                if (_comparisons[ci].Sections.Claims.Length > 0)
                {
                    yield return new Candidate(new PartKey(ci, PartKind.Claims, 0), false);
                }
            }

            for (var ci = 0; ci < _comparisons.Count; ci++)
            {
                var onlyIn = _comparisons[ci].Sections.OnlyIn;
                for (var s = 0; s < onlyIn.Count; s++)
                {
                    for (var item = 0; item < onlyIn[s].Items.Count; item++)
                    {
                        yield return new Candidate(new PartKey(ci, PartKind.Statement, s, item), false);
                    }
                }
            }

            foreach (var (ci, g, _) in groups.Where(g => g.Item3.Kinds.Count == 0 && !g.Item3.Changed))
            {
                yield return new Candidate(new PartKey(ci, PartKind.Group, g), false);
            }

            for (var ci = 0; ci < _comparisons.Count; ci++)
            {
                if (_comparisons[ci].Sections.Boilerplate.Length > 0)
                {
                    yield return new Candidate(new PartKey(ci, PartKind.Boilerplate, 0), false);
                }
            }
        }

        /// <summary>A part's text when shown.</summary>
        public string Text(PartKey key)
        {
            var sections = _comparisons[key.Comparison].Sections;
            return key.Kind switch
            {
                PartKind.Group => sections.Groups[key.Index].Text,
                PartKind.Claims => sections.Claims,
                PartKind.Statement => sections.OnlyIn[key.Index].Items[key.Item],
                _ => sections.Boilerplate,
            };
        }

        /// <summary>A group's line in the list of groups left out: its number, heading and kinds.</summary>
        public string Listing(PartKey key)
        {
            var group = _comparisons[key.Comparison].Sections.Groups[key.Index];
            var kinds = group.Kinds.Count == 0 ? string.Empty : " — " + string.Join(", ", group.Kinds.Select(DifferenceKinds.Name));
            return $"- {group.Number}\\. {ReportText.Markdown(group.Heading)}{kinds}\n"; // "\\." : a list item, not a list of its own
        }

        public string Render(Choice choice, FullReportPlace? place)
        {
            var md = new StringBuilder();
            md.Append(MarkerFor(_tag)).Append('\n').Append(Title(_number));
            var documents = _folders.SelectMany(f => f.Documents).ToList();
            if (documents.Count == 0)
            {
                md.Append("No document under the watched paths changed in this pull request.\n");
                return md.ToString();
            }

            var counts = Enum.GetValues<DocumentChange>()
                .Select(change => (change, count: documents.Count(d => d.Change == change)))
                .Where(c => c.count > 0)
                .Select(c => $"{c.count} {c.change.ToString().ToLowerInvariant()}");
            md.Append($"{ReportText.Plural(documents.Count, "document", "documents")}: {string.Join(", ", counts)}.\n\n");
            if (_htmlLink is not null && _comparisons.Count > 0)
            {
                md.Append($"**Side by side:** an HTML page per comparison, with the sources in columns, is among [this run’s artifacts]({_htmlLink.AbsoluteUri}).\n\n");
            }

            var left = new LeftOut();
            var index = 0;
            foreach (var folder in _folders)
            {
                md.Append("### ").Append(folder.Folder.Length == 0 ? "Across the repository" : ReportText.MarkdownCode(folder.Folder + "/")).Append("\n\n");
                foreach (var document in folder.Documents)
                {
                    md.Append("- ").Append(ReportText.MarkdownCode(document.Path)).Append(" (").Append(What(document)).Append(')');
                    if (document.Problem is { } problem)
                    {
                        md.Append(": ").Append(ReportText.Markdown(problem));
                    }

                    md.Append('\n');
                }

                md.Append('\n');
                if (folder.NotCompared.Count > 0)
                {
                    const int Named = 10;
                    var names = string.Join(", ", folder.NotCompared.Take(Named).Select(ReportText.MarkdownCode));
                    var more = folder.NotCompared.Count > Named ? $" and {folder.NotCompared.Count - Named} more" : string.Empty;
                    md.Append($"Compared with the {folder.Others - folder.NotCompared.Count} most similar of the {folder.Others} other documents of the folder; not compared: {names}{more}.\n\n");
                }

                foreach (var _ in folder.Comparisons)
                {
                    Comparison(md, index++, choice, place, left);
                }
            }

            if (place is not null && left.Any)
            {
                md.Append($"*This comment leaves out {left.Describe()}: {place.Render()}.*\n");
            }

            return md.ToString();
        }

        /// <summary>One comparison: its head, then its parts as the choice shows them.</summary>
        private void Comparison(StringBuilder md, int ci, Choice choice, FullReportPlace? place, LeftOut left)
        {
            var (comparison, sections, groups) = _comparisons[ci];
            md.Append(sections.Head);
            if (comparison.IsRevision)
            {
                md.Append(Revision(comparison.Result)).Append("\n\n");
            }

            if (sections.Claims.Length > 0)
            {
                if (choice.Shows(new PartKey(ci, PartKind.Claims, 0)))
                {
                    md.Append(sections.Claims);
                }
                else
                {
                    left.Tables++;
                }
            }

            var shown = groups.Where(g => choice.Shows(new PartKey(ci, PartKind.Group, g))).ToList();
            if (groups.Count > 0)
            {
                md.Append(sections.GroupsIntro);
            }

            foreach (var g in shown)
            {
                md.Append(sections.Groups[g].Text);
            }

            var outside = groups.Except(shown).Select(g => (Index: g, Section: sections.Groups[g])).ToList();
            var listed = outside.Where(o => (o.Section.Kinds.Count > 0 || o.Section.Changed) && !choice.Unlisted.Contains(new PartKey(ci, PartKind.Group, o.Index))).ToList();
            var unlisted = outside.Count(o => (o.Section.Kinds.Count > 0 || o.Section.Changed) && choice.Unlisted.Contains(new PartKey(ci, PartKind.Group, o.Index)));
            var same = outside.Count - listed.Count - unlisted;
            left.Groups += listed.Count + unlisted;
            left.Same += same;
            if (listed.Count + unlisted > 0)
            {
                md.Append($"**{ReportText.Plural(listed.Count + unlisted, "aligned group with differences", "aligned groups with differences")} not shown here** ({place?.Render() ?? "in the full report"}):\n\n");
                foreach (var (g, _) in listed)
                {
                    md.Append(Listing(new PartKey(ci, PartKind.Group, g)));
                }

                if (unlisted > 0)
                {
                    md.Append($"- and {unlisted} more\n");
                }

                md.Append('\n');
            }

            if (same > 0)
            {
                md.Append($"*{ReportText.Plural(same, "aligned group with the same wording is", "aligned groups with the same wording are")} not shown here.*\n\n");
            }

            for (var s = 0; s < sections.OnlyIn.Count; s++)
            {
                var only = sections.OnlyIn[s];
                var keep = 0;
                while (keep < only.Items.Count && choice.Shows(new PartKey(ci, PartKind.Statement, s, keep)))
                {
                    keep++;
                }

                left.Statements += only.Items.Count - keep;
                md.Append(only.Render(keep, place?.Render()));
            }

            if (sections.Boilerplate.Length > 0)
            {
                if (choice.Shows(new PartKey(ci, PartKind.Boilerplate, 0)))
                {
                    md.Append(sections.Boilerplate);
                }
                else
                {
                    left.Boilerplate++;
                }
            }
        }

        private static string What(ChangedDocument document) => document.Change switch
        {
            DocumentChange.Renamed when document.PreviousPath is { } from => $"renamed from {ReportText.MarkdownCode(from)}{(document.Unchanged ? ", without changes" : string.Empty)}",
            DocumentChange.Copied when document.PreviousPath is { } from => $"copied from {ReportText.MarkdownCode(from)}",
            _ => document.Change.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>What a fitted report left out, for its closing line.</summary>
    private sealed class LeftOut
    {
        public int Groups { get; set; }

        public int Same { get; set; }

        public int Statements { get; set; }

        public int Tables { get; set; }

        public int Boilerplate { get; set; }

        public bool Any => Groups + Same + Statements + Tables + Boilerplate > 0;

        public string Describe()
        {
            var parts = new List<string>();
            if (Groups > 0)
            {
                parts.Add(ReportText.Plural(Groups, "aligned group with differences (listed above)", "aligned groups with differences (listed above)"));
            }

            if (Same > 0)
            {
                parts.Add(ReportText.Plural(Same, "aligned group with the same wording", "aligned groups with the same wording"));
            }

            if (Statements > 0)
            {
                parts.Add(ReportText.Plural(Statements, "statement only in one source", "statements only in one source"));
            }

            if (Tables > 0)
            {
                parts.Add(ReportText.Plural(Tables, "table of claims", "tables of claims"));
            }

            if (Boilerplate > 0)
            {
                parts.Add(ReportText.Plural(Boilerplate, "list of boilerplate", "lists of boilerplate"));
            }

            return ReportText.Listed(parts);
        }
    }
}

/// <summary>How a reader reaches the full report.</summary>
internal static class FullReportPlaces
{
    /// <summary>"the full report is in [the job summary](…)" as Markdown.</summary>
    public static string Render(this FullReportPlace place) =>
        place.Link is { } link ? $"the full report is in [{ReportText.Markdown(place.Text)}]({link.AbsoluteUri})" : $"the full report is in {ReportText.Markdown(place.Text)}";
}
