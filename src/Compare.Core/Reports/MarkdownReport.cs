using System.Globalization;
using System.Text;
using static Compare.Core.Reports.MarkdownText;
using static Compare.Core.Reports.ReportFacts;

namespace Compare.Core.Reports;

internal static class MarkdownReport
{
    /// <summary>Groups rendered together: enough to keep all cores busy, few enough that their text is short-lived.</summary>
    private const int GroupsPerBatch = 1024;

    /// <summary>A builder per thread for rendering one group (groups are rendered on all cores).</summary>
    [ThreadStatic]
    private static StringBuilder? _groupBuilder;

    /// <summary>Below this share of shared words, an inline diff is mostly one deletion and one insertion: the two sides are shown in two columns instead.</summary>
    private const double MinSharedForInline = 0.5;

    public static string Render(ComparisonResult result, MarkdownOptions? options = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(result, text, options);
        return text.ToString();
    }

    /// <summary>Writes the report part by part: a long comparison's report is never held whole.</summary>
    public static void Write(ComparisonResult result, TextWriter output, MarkdownOptions? options = null)
    {
        var headings = new Headings(options ?? MarkdownOptions.Default);

        // The head (its figures read every group) and the sections of unmatched statements are made while
        // the first groups are rendered: each takes one core, for a long comparison tens of milliseconds.
        var head = Task.Run(() => Head(result, headings));
        var onlyIn = Task.Run(() => OnlyInSections(result, headings));
        var md = new StringBuilder();

        // Groups are rendered on all cores (a long comparison has thousands), a batch at a time, then
        // written in order, some 64K characters at a time (a console writer flushes on every write).
        var first = Batch(result, 0, headings);
        md.Append(head.GetAwaiter().GetResult());
        if (result.Alignments.Count > 0)
        {
            md.Append(Claims(result, headings)).Append(GroupsIntro(result, headings));
        }

        for (var from = 0; from < result.Alignments.Count; from += GroupsPerBatch)
        {
            foreach (var section in from == 0 ? first : Batch(result, from, headings))
            {
                md.Append(section);
                if (md.Length >= 1 << 16)
                {
                    output.Write(md);
                    md.Clear();
                }
            }
        }

        foreach (var only in onlyIn.GetAwaiter().GetResult())
        {
            only.AppendTo(md, only.Items.Count);
        }

        md.Append(Boilerplate(result));
        output.Write(md);
    }

    /// <summary>The groups of one batch from <paramref name="from"/>, rendered on all cores.</summary>
    private static string[] Batch(ComparisonResult result, int from, Headings headings) =>
        Parallelism.Map(
            Enumerable.Range(from, Math.Min(GroupsPerBatch, result.Alignments.Count - from)).ToList(),
            i => Group(result, result.Alignments[i], i, headings));

    /// <summary>The report in sections, each rendered once (see <see cref="MarkdownSections"/>).</summary>
    public static MarkdownSections Sections(ComparisonResult result, MarkdownOptions? options = null)
    {
        var headings = new Headings(options ?? MarkdownOptions.Default);
        var groups = Parallelism.Map(
            Enumerable.Range(0, result.Alignments.Count).ToList(),
            i =>
            {
                var group = result.Alignments[i];
                var kinds = group.Differences.Select(d => d.Kind).Distinct().OrderBy(DifferenceKinds.Importance).ThenBy(k => k).ToList();
                var changed = group.Differences.Count > 0 || group.SameValues.Count > 0 || group.Diff.Any(d => d.Operation != DiffOperation.Equal)
                              || group.Comparisons.Any(c => c.Diff.Any(d => d.Operation != DiffOperation.Equal));
                return new GroupSection(i + 1, group.Heading, kinds, changed, Group(result, group, i, headings));
            });
        return new MarkdownSections(
            Head(result, headings),
            result.Alignments.Count > 0 && result.Sources.Count > 2 ? Claims(result, headings) : string.Empty,
            result.Alignments.Count > 0 ? GroupsIntro(result, headings) : string.Empty,
            groups,
            OnlyInSections(result, headings),
            Boilerplate(result));
    }

    /// <summary>The heading levels of one report: its title at the options' level, its sections one below, its groups two below.</summary>
    private readonly struct Headings(MarkdownOptions options)
    {
        public string Title { get; } = new string('#', options.HeadingLevel) + " ";

        public string Name { get; } = options.Title;

        public string Section { get; } = new string('#', Math.Min(6, options.HeadingLevel + 1)) + " ";

        public string Group { get; } = new string('#', Math.Min(6, options.HeadingLevel + 2)) + " ";
    }

    /// <summary>The title, the sources table, the counts, the verdict, the key findings and the table of difference kinds.</summary>
    private static string Head(ComparisonResult result, Headings headings)
    {
        var md = new StringBuilder();
        md.Append(headings.Title).Append(Escape(headings.Name)).Append("\n\n");
        md.Append("| | Source | Title | Statements | Aligned | Words aligned | Only here |\n");
        md.Append("|---|---|---|---:|---:|---:|---:|\n");
        foreach (var source in result.Sources)
        {
            md.Append($"| **{Report.Label(source.Index)}** | {Code(source.Path)} | {Escape(source.Title)} | {source.Statements} | {AlignedIn(result, source.Index)} | {Coverage(result, source.Index)} | {OnlyIn(result, source.Index)} |\n");
        }

        md.Append('\n');
        var summary = new List<string> { $"**{Plural(result.Alignments.Count, "aligned group", "aligned groups")}**" };
        summary.AddRange(result.Sources.Select(s => $"{Plural(OnlyIn(result, s.Index), "statement", "statements")} only in {Report.Label(s.Index)}"));
        summary.Add($"{Plural(result.Boilerplate.Count, "boilerplate line", "boilerplate lines")} set aside");
        md.Append(string.Join(" · ", summary)).Append("\n\n");

        if (Verdict(result) is { } verdict)
        {
            md.Append("**").Append(Escape(verdict)).Append("**\n\n");
        }

        var kinds = KindSummary(result);
        if (result.Alignments.Count > 0)
        {
            foreach (var (heading, finding) in KeyFindings(result, kinds))
            {
                md.Append("- **").Append(heading).Append(":** ").Append(Escape(finding)).Append('\n');
            }

            md.Append('\n');
        }

        if (kinds.Count > 0)
        {
            md.Append("| Difference | ").AppendJoin(string.Empty, result.Sources.Select(s => $"Labels citing {Report.Label(s.Index)} | ")).Append("Groups | Finding |\n|---|");
            md.Append(string.Concat(Enumerable.Repeat("---:|", result.Sources.Count + 1))).Append("---|\n");
            foreach (var (kind, bySource, groups, finding) in kinds)
            {
                md.Append($"| {DifferenceKinds.Name(kind)} | ").AppendJoin(string.Empty, bySource.Select(n => $"{n} | ")).Append($"{groups} | ").Append(Escape(finding)).Append(" |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    /// <summary>The heading and legend of the aligned groups.</summary>
    private static string GroupsIntro(ComparisonResult result, Headings headings) =>
        headings.Section + "Aligned statements\n\n" + (result.Sources.Count == 2
            ? "Words only in A are <del>struck through</del>; words only in B are <ins>underlined</ins>.\n\n"
            : "Each group's most central source is compared with each other source in it: its words the other lacks are <del>struck through</del>, the other's own words <ins>underlined</ins>.\n\n");

    /// <summary>Each source's statements only in it, with the statement of another source each resembles (when one does).</summary>
    private static List<OnlyInSection> OnlyInSections(ComparisonResult result, Headings headings)
    {
        var nearMatches = NearMatchesOf(result);
        var groupOf = GroupOf(result);
        var sections = new List<OnlyInSection>();
        foreach (var source in result.Sources)
        {
            var only = result.Unmatched.Where(s => s.Source == source.Index).ToList();
            if (only.Count == 0)
            {
                continue;
            }

            // A statement with a likely counterpart in another source, too little alike to align, shows it: it may not be only here.
            var items = Parallelism.Map(only, statement =>
            {
                var item = new StringBuilder("- ").Append(Code(Location(result, statement))).Append(' ');
                AppendEscaped(item, statement.Text).Append('\n');
                foreach (var (match, rank) in (nearMatches.GetValueOrDefault((statement.Source, statement.Index)) ?? []).Select((m, r) => (m, r)))
                {
                    item.Append("  - ").Append(Closest(match, Code(Location(result, match.Closest)), groupOf, first: rank == 0)).Append(' ');
                    AppendEscaped(item, match.Closest.Text).Append('\n');
                }

                return item.ToString();
            });

            sections.Add(new OnlyInSection(source.Index, OnlyInHeading(result, source.Index, only, nearMatches), items, headings.Section));
        }

        return sections;
    }

    /// <summary>The boilerplate set aside, collapsed; empty when there is none.</summary>
    private static string Boilerplate(ComparisonResult result)
    {
        if (result.Boilerplate.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder($"<details>\n<summary>Boilerplate set aside ({result.Boilerplate.Count})</summary>\n\n");
        foreach (var line in result.Boilerplate)
        {
            md.Append($"- **{Report.Label(line.Source)}** {Code($"{Path.GetFileName(result.Sources[line.Source].Path)}:{line.Line}")} {Escape(line.Reason)}: {Escape(line.Text)}\n");
        }

        return md.Append("\n</details>\n").ToString();
    }

    /// <summary>One aligned group: topic, statements, labelled differences and the word diff.</summary>
    private static string Group(ComparisonResult result, AlignedGroup group, int i, Headings headings)
    {
        var md = _groupBuilder ??= new StringBuilder();
        md.Clear();
        md.Append($"{headings.Group}{i + 1}. {Escape(group.Heading)}\n\n");
        if (!ReportFacts.IsPair(result))
        {
            return Claim(result, group, md);
        }

        var sideBySide = SharedWords(group.Diff) < MinSharedForInline;
        if (sideBySide)
        {
            // Too different for an inline diff: the two sides in two columns, each with its own words marked.
            var pair = group.Comparisons[0];
            foreach (var source in new[] { pair.Source, pair.OtherSource })
            {
                md.Append($"| **{Report.Label(source)}** ");
                md.AppendJoin(' ', group.Statements.Where(s => s.Source == source).Select(s => Code(Location(result, s)))).Append(' ');
            }

            md.Append("|\n|---|---|\n| ");
            AppendDiffLine(md, [.. group.Diff.Where(d => d.Operation != DiffOperation.Inserted)]).Append(" | ");
            AppendDiffLine(md, [.. group.Diff.Where(d => d.Operation != DiffOperation.Deleted)]).Append(" |\n");
        }
        else
        {
            AppendStatements(md, result, group);
        }

        md.Append('\n');
        // Side by side, the columns show the wording; the labelled kinds still get a line each.
        AppendDifferences(md, sideBySide ? [.. group.Differences.Where(d => DifferenceKinds.Importance(d.Kind) < 4)] : group.Differences, group.SameValues);

        md.Append($"Similarity {Score(group.Score)}. ");
        if (group.Diff.All(d => d.Operation == DiffOperation.Equal))
        {
            md.Append("Same wording.\n\n");
        }
        else if (sideBySide)
        {
            md.Append("Shown side by side: the wording differs too much for one line.\n\n");
        }
        else
        {
            md.Append("Word differences:\n\n> ");
            AppendDiffLine(md, group.Diff).Append("\n\n");
        }
        return md.ToString();
    }

    /// <summary>
    /// The claims × sources table of a comparison of three or more sources: which sources state each
    /// claim (✓ or —) and the kinds of difference between them.
    /// </summary>
    private static string Claims(ComparisonResult result, Headings headings)
    {
        if (result.Sources.Count <= 2)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.Append(headings.Section).Append("Claims across sources\n\n| # | Claim | ");
        md.AppendJoin(string.Empty, result.Sources.Select(s => Report.Label(s.Index) + " | ")).Append("Differences |\n|---:|---|");
        md.Append(string.Concat(Enumerable.Repeat(":---:|", result.Sources.Count))).Append("---|\n");
        for (var i = 0; i < result.Alignments.Count; i++)
        {
            var group = result.Alignments[i];
            md.Append($"| {i + 1} | {Escape(group.Heading)} | ");
            md.AppendJoin(string.Empty, result.Sources.Select(s => group.Statements.Any(t => t.Source == s.Index) ? "✓ | " : "— | "));
            var kinds = group.Differences.Where(d => DifferenceKinds.Importance(d.Kind) < 4).Select(d => d.Kind).Distinct().OrderBy(DifferenceKinds.Importance).Select(DifferenceKinds.Name);
            md.Append(string.Join(", ", kinds)).Append(" |\n");
        }

        return md.Append('\n').ToString();
    }

    /// <summary>A claim of three or more sources: who states it, its statements, then each comparison of its central source with another.</summary>
    private static string Claim(ComparisonResult result, AlignedGroup group, StringBuilder md)
    {
        var (present, absent) = Carriers(result, group);
        md.Append(absent.Count == 0 ? "*In every source.*\n\n" : $"*In {Listed(present)} only; not in {Listed(absent)}.*\n\n");
        foreach (var values in ConflictingValues(group))
        {
            md.Append("**Conflicting values:** ").Append(Escape(values)).Append("\n\n");
        }

        AppendStatements(md, result, group);
        md.Append('\n');
        foreach (var comparison in group.Comparisons)
        {
            var pair = $"{Report.Label(comparison.Source)} → {Report.Label(comparison.OtherSource)}";
            md.Append($"**{pair}**");
            if (comparison.Diff.All(d => d.Operation == DiffOperation.Equal))
            {
                md.Append(": same wording.\n\n");
            }
            else
            {
                md.Append(":\n\n> ");
                AppendDiffLine(md, comparison.Diff).Append("\n\n");
            }

            AppendDifferences(md, comparison.Differences, comparison.SameValues);
        }

        md.Append($"Similarity {Score(group.Score)}.\n\n");
        return md.ToString();
    }

    /// <summary>A table of a group's statements, each with its source and location.</summary>
    private static void AppendStatements(StringBuilder md, ComparisonResult result, AlignedGroup group)
    {
        md.Append("| | Statement |\n|---|---|\n");
        foreach (var statement in group.Statements)
        {
            md.Append($"| **{Report.Label(statement.Source)}** {Code(Location(result, statement))} | ");
            AppendEscaped(md, statement.Text).Append(" |\n");
        }
    }

    /// <summary>A bullet per labelled difference and per value written differently, then a blank line; nothing when there are none.</summary>
    private static void AppendDifferences(StringBuilder md, IReadOnlyList<Difference> differences, IReadOnlyList<SameValue> sameValues)
    {
        if (differences.Count + sameValues.Count == 0)
        {
            return;
        }

        foreach (var (kind, detail) in differences.Select(d => (d.Kind, d.Detail)).Concat(sameValues.Select(v => (v.Kind, v.Detail))))
        {
            md.Append($"- **{DifferenceKinds.Name(kind)}** — ");
            AppendEscaped(md, detail).Append('\n');
        }

        md.Append('\n');
    }

    /// <summary>The share of the two sides' words that the diff keeps (0 to 1): twice the shared words over the words of both sides.</summary>
    private static double SharedWords(IReadOnlyList<DiffSegment> diff)
    {
        var (equal, changed) = (0, 0);
        foreach (var segment in diff)
        {
            var words = 0;
            foreach (var range in segment.Text.AsSpan().Split(' '))
            {
                words += range.End.Value > range.Start.Value ? 1 : 0;
            }

            (equal, changed) = segment.Operation == DiffOperation.Equal ? (equal + words, changed) : (equal, changed + words);
        }

        var total = 2 * equal + changed;
        return total == 0 ? 1 : 2.0 * equal / total;
    }

    /// <summary>The merged diff: shared words plain, deleted words in del, inserted words in ins; spaces stay outside the tags.</summary>
    private static StringBuilder AppendDiffLine(StringBuilder line, IReadOnlyList<DiffSegment> diff)
    {
        var start = line.Length;
        foreach (var (operation, words, space) in DiffPieces(diff))
        {
            var tag = operation switch
            {
                DiffOperation.Deleted => "del",
                DiffOperation.Inserted => "ins",
                _ => null,
            };
            if (tag is null)
            {
                AppendEscaped(line, words);
            }
            else
            {
                AppendEscaped(line.Append('<').Append(tag).Append('>'), words).Append("</").Append(tag).Append('>');
            }

            line.Append(space);
        }

        // No trailing whitespace (the line ends the quote).
        var end = line.Length;
        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return line.Remove(end, line.Length - end);
    }
}
