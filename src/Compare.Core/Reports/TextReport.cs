using System.Text;
using static Compare.Core.Reports.ReportFacts;

namespace Compare.Core.Reports;

internal static class TextReport
{
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public static string Render(ComparisonResult result, bool color)
    {
        var text = new StringBuilder();
        string Strong(string s) => color ? Bold + s + Reset : s;

        text.Append(Strong("Source comparison")).Append('\n');
        foreach (var source in result.Sources)
        {
            text.Append($"  {Report.Label(source.Index)}  {Clean(source.Path)}  \"{Clean(source.Title)}\"  {Plural(source.Statements, "statement", "statements")}, {AlignedIn(result, source.Index)} aligned ({Coverage(result, source.Index)} of words), {OnlyIn(result, source.Index)} only here\n");
        }

        text.Append($"  {Plural(result.Alignments.Count, "aligned group", "aligned groups")}, {Plural(result.Boilerplate.Count, "boilerplate line", "boilerplate lines")} set aside\n");
        if (Verdict(result) is { } verdict)
        {
            text.Append("  ").Append(verdict).Append('\n');
        }

        var kinds = KindSummary(result);
        if (result.Alignments.Count > 0)
        {
            foreach (var (heading, finding) in KeyFindings(result, kinds))
            {
                text.Append($"  {heading}: {Clean(finding)}\n");
            }
        }

        if (kinds.Count > 0)
        {
            text.Append("  Differences by kind: the labels citing each source's words, and the aligned groups that have one\n");
        }

        foreach (var (kind, bySource, groups, finding) in kinds)
        {
            text.Append($"  {DifferenceKinds.Name(kind),-11} labels");
            for (var s = 0; s < bySource.Length; s++)
            {
                text.Append($" {Report.Label(s)} {bySource[s],3}");
            }

            text.Append($"  groups {groups,3}  {Clean(finding)}\n");
        }

        for (var i = 0; i < result.Alignments.Count; i++)
        {
            var group = result.Alignments[i];
            text.Append('\n').Append(Strong($"[{i + 1}] {Clean(group.Heading)}")).Append($"  (similarity {Score(group.Score)})\n");
            foreach (var statement in group.Statements)
            {
                text.Append($"  {Report.Label(statement.Source)} {Location(result, statement)}  {Clean(statement.Text)}\n");
            }

            if (ReportFacts.IsPair(result))
            {
                Differences(text, group.Differences, group.SameValues);
                Diff(text, "diff", group.Diff, color);
                continue;
            }

            var (_, absent) = Carriers(result, group);
            text.Append(absent.Count == 0 ? "  in every source\n" : $"  not in {Listed(absent)}\n");
            foreach (var values in ConflictingValues(group))
            {
                text.Append($"  conflicting values: {Clean(values)}\n");
            }

            foreach (var comparison in group.Comparisons)
            {
                var pair = $"{Report.Label(comparison.Source)} → {Report.Label(comparison.OtherSource)}";
                if (comparison.Diff.All(d => d.Operation == DiffOperation.Equal))
                {
                    text.Append($"  {pair}: same wording\n");
                }

                Diff(text, pair, comparison.Diff, color);
                Differences(text, comparison.Differences, comparison.SameValues);
            }
        }

        var nearMatches = NearMatchesOf(result);
        var groupOf = GroupOf(result);
        foreach (var source in result.Sources)
        {
            var only = result.Unmatched.Where(s => s.Source == source.Index).ToList();
            if (only.Count > 0)
            {
                text.Append('\n').Append(Strong(OnlyInHeading(result, source.Index, only, nearMatches))).Append('\n');
                foreach (var statement in only)
                {
                    text.Append($"  {Location(result, statement)}  {Clean(statement.Text)}\n");
                    foreach (var (match, rank) in (nearMatches.GetValueOrDefault((statement.Source, statement.Index)) ?? []).Select((m, r) => (m, r)))
                    {
                        text.Append($"      {Closest(match, Location(result, match.Closest), groupOf, first: rank == 0)}  {Clean(match.Closest.Text)}\n");
                    }
                }
            }
        }

        if (result.Boilerplate.Count > 0)
        {
            text.Append('\n').Append(Strong($"Boilerplate set aside ({result.Boilerplate.Count})")).Append('\n');
            foreach (var line in result.Boilerplate)
            {
                text.Append($"  {Report.Label(line.Source)} {Path.GetFileName(result.Sources[line.Source].Path)}:{line.Line}  {line.Reason}: {Clean(line.Text)}\n");
            }
        }

        return text.ToString();
    }

    private static void Differences(StringBuilder text, IReadOnlyList<Difference> differences, IReadOnlyList<SameValue> sameValues)
    {
        foreach (var (kind, detail) in differences.Select(d => (d.Kind, d.Detail)).Concat(sameValues.Select(v => (v.Kind, v.Detail))))
        {
            text.Append($"  - {DifferenceKinds.Name(kind)}: {Clean(detail)}\n");
        }
    }

    /// <summary>A word diff on one line, when it has changes: [-deleted-] and {+inserted+}, coloured on a terminal.</summary>
    private static void Diff(StringBuilder text, string name, IReadOnlyList<DiffSegment> diff, bool color)
    {
        if (diff.All(d => d.Operation == DiffOperation.Equal))
        {
            return;
        }

        text.Append("  ").Append(name).Append(": ");
        foreach (var (operation, words, space) in DiffPieces(diff))
        {
            var clean = Clean(words);
            text.Append(operation switch
            {
                DiffOperation.Deleted => color ? Red + "[-" + clean + "-]" + Reset : "[-" + clean + "-]",
                DiffOperation.Inserted => color ? Green + "{+" + clean + "+}" + Reset : "{+" + clean + "+}",
                _ => clean,
            }).Append(space);
        }

        text.Append('\n');
    }

    /// <summary>Document text may not carry terminal control sequences into the report.</summary>
    private static string Clean(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '\n' or '\r' or '\t' ? ' ' : Reading.ControlCharacters.Show(source[i]);
            }
        });
}
