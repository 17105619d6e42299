using System.Text;
using Compare.Core;
using Compare.Core.Reports;

namespace Compare.GitHub;

/// <summary>The report's parts, what a rendering shows of them, and what it leaves out.</summary>
internal static partial class PullRequestReport
{
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
