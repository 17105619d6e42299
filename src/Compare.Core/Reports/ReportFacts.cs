namespace Compare.Core.Reports;

/// <summary>Figures every report format states in its summary.</summary>
internal static class ReportFacts
{
    public static int AlignedIn(ComparisonResult result, int source) =>
        result.Alignments.Sum(g => g.Statements.Count(s => s.Source == source));

    public static int OnlyIn(ComparisonResult result, int source) =>
        result.Unmatched.Count(s => s.Source == source);

    /// <summary>The likely counterparts of each unmatched statement that has one, most likely first, by source and index.</summary>
    public static Dictionary<(int Source, int Index), List<NearMatch>> NearMatchesOf(ComparisonResult result) =>
        result.NearMatches.GroupBy(n => (n.Statement.Source, n.Statement.Index)).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>
    /// The heading of a source's "only in" list: "Only in A (18 statements, 5 with a likely counterpart in B)".
    /// Those may tell what another source tells too differently to be aligned, and each is shown with it.
    /// </summary>
    public static string OnlyInHeading(ComparisonResult result, int source, IReadOnlyList<Statement> only, Dictionary<(int Source, int Index), List<NearMatch>> nearMatches)
    {
        var likely = only.Count(s => nearMatches.ContainsKey((s.Source, s.Index)));
        var elsewhere = result.Sources.Count == 2 ? Report.Label(1 - source) : "another source";
        var count = likely == 0 ? string.Empty
            : likely < only.Count ? $", {likely} with a likely counterpart in {elsewhere}"
            : only.Count == 1 ? $", with a likely counterpart in {elsewhere}"
            : $", all with a likely counterpart in {elsewhere}";
        return $"Only in {Report.Label(source)} ({Plural(only.Count, "statement", "statements")}{count})";
    }

    /// <summary>The aligned group (its index in <see cref="ComparisonResult.Alignments"/>) each aligned statement is in, by source and index.</summary>
    public static Dictionary<(int Source, int Index), int> GroupOf(ComparisonResult result)
    {
        var groupOf = new Dictionary<(int Source, int Index), int>();
        for (var g = 0; g < result.Alignments.Count; g++)
        {
            foreach (var statement in result.Alignments[g].Statements)
            {
                groupOf[(statement.Source, statement.Index)] = g;
            }
        }

        return groupOf;
    }

    /// <summary>
    /// The line under an unmatched statement that names a likely counterpart in another source, "likely in B (55%;
    /// similarity 0.24): fox.txt:3:1", or the runner-up after it, "or in B (23%; similarity 0.21): …", and the
    /// group that statement is aligned in, if any ("in group 4").
    /// </summary>
    public static string Closest(NearMatch match, string location, Dictionary<(int Source, int Index), int> groupOf, bool first = true) =>
        $"{(first ? "likely" : "or")} in {Report.Label(match.Closest.Source)} ({Percent(match.Confidence)}; similarity {Score(match.Score)}): {location}"
        + (groupOf.TryGetValue((match.Closest.Source, match.Closest.Index), out var group) ? $" (in group {group + 1})" : string.Empty);

    /// <summary>A share or a probability, 0 to 1, as a whole percentage ("55%").</summary>
    private static string Percent(double probability) =>
        $"{Math.Round(100 * probability, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture)}%";

    /// <summary>The share of a source's words (outside boilerplate) in aligned statements, as a whole percentage ("31%").</summary>
    public static string Coverage(ComparisonResult result, int source)
    {
        var aligned = result.Alignments.Sum(g => g.Statements.Where(s => s.Source == source).Sum(s => Words(s.Text)));
        var total = aligned + result.Unmatched.Where(s => s.Source == source).Sum(s => Words(s.Text));
        return total == 0 ? "–" : Percent((double)aligned / total);
    }

    private static int Words(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsAsciiLetterOrDigit(c) || (c > '\x7f' && char.IsLetterOrDigit(c));
            count += letter && !inWord ? 1 : 0;
            inWord = letter || (inWord && c is '\'' or '’' or '-' or '.' or ',');
        }

        return count;
    }

    /// <summary>
    /// What a reviewer asks first, in this order: conflicting values, attribution changes, hedging and
    /// modality changes; each with the groups (1-based, report order) it is found in, "none" when absent.
    /// </summary>
    public static List<(string Heading, string Finding)> KeyFindings(ComparisonResult result, List<(DifferenceKind Kind, int[] BySource, int Groups, string Finding)> summary)
    {
        string Groups(Func<Difference, bool> which)
        {
            var numbers = result.Alignments.Select((g, i) => (g, i)).Where(p => p.g.Differences.Any(which)).Select(p => (p.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return numbers.Count == 0 ? string.Empty : $" ({(numbers.Count == 1 ? "group" : "groups")} {string.Join(", ", numbers)})";
        }

        // A claim of three or more sources says each conflict once, with the sources on each side.
        var conflicts = result.Alignments.SelectMany((g, i) => (!IsPair(result)
                ? ConflictingValues(g)
                : g.Differences.Where(d => DifferenceKinds.IsConflict(d.Kind)).Select(d => d.Detail))
            .Select(text => $"{text} (group {i + 1})")).ToList();
        var conflict = conflicts.Count == 0
            ? "none"
            : string.Join("; ", conflicts.Take(MaxListed)) + (conflicts.Count > MaxListed ? $"; and {conflicts.Count - MaxListed} more" : string.Empty);
        if (SameValuesFinding(result) is { } same)
        {
            conflict += "; " + same;
        }

        var kinds = summary.ToDictionary(k => k.Kind, k => k.Finding);
        string Of(params DifferenceKind[] which)
        {
            var found = which.Where(kinds.ContainsKey).Select(k => kinds[k]).ToList();
            return found.Count == 0 ? "none" : string.Join("; ", found) + Groups(d => which.Contains(d.Kind));
        }

        return
        [
            ("Conflicting values", conflict),
            ("Attribution", Of(DifferenceKind.Attribution)),
            ("Hedging and modality", Of(DifferenceKind.Hedge, DifferenceKind.Modality)),
        ];
    }

    /// <summary>
    /// Whether a comparison's groups are shown as pairs: of two sources, each group one comparison of A's
    /// statements with B's, shown as one diff; of more, each a claim whose central source is shown
    /// compared with each other source in it.
    /// </summary>
    public static bool IsPair(ComparisonResult result) => result.Sources.Count == 2;

    /// <summary>
    /// A claim's conflicting values with the sources on each side ("A, C: 140 · B: 210"): for each value of
    /// its central source that another source contradicts, the sources whose statements write it too,
    /// then each contradicting source's value.
    /// </summary>
    public static IEnumerable<string> ConflictingValues(AlignedGroup group)
    {
        foreach (var byValue in group.Comparisons.SelectMany(c => c.Differences).Where(d => DifferenceKinds.IsConflict(d.Kind) && d.OtherSource is not null && d.OtherText is not null)
                     .GroupBy(d => (d.OtherSource!.Value, d.OtherText!)))
        {
            var (central, value) = byValue.Key;
            var against = byValue.Select(d => d.Source).ToHashSet();
            var agree = group.Statements.Where(s => s.Source != central && !against.Contains(s.Source) && Writes(s.Text, value))
                .Select(s => s.Source).Prepend(central).Distinct().Order().Select(Report.Label);
            var parts = byValue.GroupBy(d => d.Text).Select(g => $"{string.Join(", ", g.Select(d => Report.Label(d.Source)).Distinct())}: {g.Key}");
            yield return string.Join(" · ", parts.Prepend($"{string.Join(", ", agree)}: {value}"));
        }
    }

    /// <summary>Whether a statement writes a value as a whole ("140", not the start of "1400").</summary>
    private static bool Writes(string text, string value) => FindWhole(text, value, StringComparison.Ordinal) >= 0;

    /// <summary>The first occurrence of a phrase as whole words ("140" is not in "1400"); -1 if none.</summary>
    private static int FindWhole(string text, string phrase, StringComparison comparison)
    {
        for (var at = text.IndexOf(phrase, comparison); at >= 0; at = text.IndexOf(phrase, at + 1, comparison))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The labels of the sources that state a claim, and of those that do not.</summary>
    public static (List<string> In, List<string> NotIn) Carriers(ComparisonResult result, AlignedGroup group)
    {
        var carried = result.Sources.ToLookup(s => group.Statements.Any(t => t.Source == s.Index), s => Report.Label(s.Index));
        return ([.. carried[true]], [.. carried[false]]);
    }

    /// <summary>Labels as a reader lists them: "A", "A and C", "A, B and C".</summary>
    public static string Listed(IReadOnlyList<string> labels) =>
        labels.Count <= 1 ? string.Join(string.Empty, labels) : string.Join(", ", labels.Take(labels.Count - 1)) + " and " + labels[^1];

    /// <summary>The most conflicts the key findings list one by one.</summary>
    private const int MaxListed = 5;

    public static string Location(ComparisonResult result, Statement statement) =>
        $"{Path.GetFileName(result.Sources[statement.Source].Path)}:{statement.Line}:{statement.Column}";

    public static string Plural(int count, string singular, string plural) =>
        $"{count} {(count == 1 ? singular : plural)}";

    public static string Score(double score) => score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The pieces of a word diff as (operation, words, space after): a space where the source had one, none
    /// before punctuation or at the end.
    /// </summary>
    public static IEnumerable<(DiffOperation Operation, string Words, string Space)> DiffPieces(IReadOnlyList<DiffSegment> diff)
    {
        for (var i = 0; i < diff.Count; i++)
        {
            var segment = diff[i];
            var words = segment.Text.TrimEnd();
            var next = i + 1 < diff.Count ? diff[i + 1] : null;

            // A space stays wherever the source had one, also between a deleted run and the inserted run that
            // replaces it ("<del>must</del> <ins>were supposed to</ins>"); a word replaced by a word is never glued
            // to it, even where the source has no space after it ("<del>21</del> <ins>22</ins>,"); none before punctuation.
            var beforePunctuation = next is { Text.Length: > 0 } && next.Text[0] is ',' or '.' or ';' or ':' or '!' or '?' or ')';
            var wordForWord = next is { Text.Length: > 0 } && segment.Operation != DiffOperation.Equal && next.Operation != DiffOperation.Equal && next.Operation != segment.Operation
                              && words.Length > 0 && char.IsLetterOrDigit(words[^1]) && char.IsLetterOrDigit(next.Text[0]);
            var space = next is not null && ((words.Length < segment.Text.Length && !beforePunctuation) || wordForWord) ? " " : string.Empty;
            yield return (segment.Operation, words, space);
        }
    }

    /// <summary>
    /// One row per kind found: how many of its labels have words from each source (a change with words on
    /// both sides counts for both), how many aligned groups have one, and the finding in plain words.
    /// </summary>
    public static List<(DifferenceKind Kind, int[] BySource, int Groups, string Finding)> KindSummary(ComparisonResult result)
    {
        var byKind = result.Alignments.SelectMany(g => g.Differences).GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.ToList());
        var groupsWith = result.Alignments.SelectMany(g => g.Differences.Select(d => d.Kind).Distinct()).CountBy(kind => kind).ToDictionary();
        var rows = new List<(DifferenceKind, int[], int, string)>();
        foreach (var kind in Enum.GetValues<DifferenceKind>().OrderBy(DifferenceKinds.Importance))
        {
            if (!byKind.TryGetValue(kind, out var found))
            {
                continue;
            }

            var groups = groupsWith[kind];
            var bySource = result.Sources.Select(source => found.Count(d => d.Source == source.Index || d.OtherSource == source.Index)).ToArray();
            rows.Add((kind, bySource, groups, Finding(kind, found, groups, result)));
        }

        return rows;
    }

    private static string Finding(DifferenceKind kind, List<Difference> found, int groups, ComparisonResult result)
    {
        var sources = result.Sources.Select(s => s.Index).ToList();
        switch (kind)
        {
            case DifferenceKind.Attribution:
                var parts = new List<string>();
                // Who attributes what another states as fact: B before A for two sources, then in source order.
                foreach (var s in sources.OrderBy(s => sources.Count == 2 ? -s : s))
                {
                    foreach (var o in sources.Where(o => o != s))
                    {
                        var asFact = found.Count(d => d.Source == s && d.Attribution == AttributionChange.StatedAsFact && d.StatedAsFactBy == o);
                        if (asFact > 0)
                        {
                            parts.Add($"{Report.Label(s)} attributes {Plural(asFact, "statement", "statements")} that {Report.Label(o)} states as fact");
                        }
                    }
                }

                var other = found.Count(d => d.Attribution != AttributionChange.StatedAsFact);
                if (other > 0)
                {
                    parts.Add($"{Plural(other, "attribution differs", "attributions differ")} in speaker or stance");
                }

                return string.Join("; ", parts);
            case DifferenceKind.Hedge:
                return string.Join("; ", found.GroupBy(d => d.Source).OrderBy(g => sources.Count == 2 ? -g.Key : g.Key).Select(g =>
                    (sources.Count > 2 ? $"hedges in {Report.Label(g.Key)}: " : g.Key == 1 ? "hedges added in B: " : "hedges only in A: ")
                    + string.Join(", ", g.SelectMany(d => d.Cues).Distinct(StringComparer.OrdinalIgnoreCase))));
            case DifferenceKind.Modality:
                return $"modality differs in {Plural(groups, "group", "groups")}";
            case DifferenceKind.Quotation:
                return Plural(found.Count, "quotation or scare quote in one source only", "quotations or scare quotes in one source only");
            case DifferenceKind.Naming:
                return Plural(found.Count, "name written differently", "names written differently");
            case DifferenceKind.Number or DifferenceKind.Date or DifferenceKind.Time:
                return Plural(found.Count, DifferenceKinds.Name(kind) + " conflict", DifferenceKinds.Name(kind) + " conflicts");
            case DifferenceKind.Addition or DifferenceKind.Omission:
                return string.Join("; ", found.GroupBy(d => d.Source).OrderBy(g => g.Key).Select(g =>
                    Plural(g.Count(), "passage only in " + Report.Label(g.Key), "passages only in " + Report.Label(g.Key))));
            default:
                return Plural(found.Count, "passage worded differently", "passages worded differently");
        }
    }

    /// <summary>Values written differently that are the same, for the summary ("1 value written differently but the same: 1:00 p.m. = 13:00").</summary>
    public static string? SameValuesFinding(ComparisonResult result)
    {
        var same = result.Alignments.SelectMany(g => g.SameValues).ToList();
        return same.Count == 0
            ? null
            : $"{Plural(same.Count, "value", "values")} written differently but not in conflict: {string.Join("; ", same.Select(v => v.Detail))}";
    }

    /// <summary>
    /// A plain sentence for the cases people ask about first: an empty document, or two documents
    /// that say the same thing in the same words. Null otherwise.
    /// </summary>
    public static string? Verdict(ComparisonResult result)
    {
        var many = result.Sources.Count > 2;
        var empty = result.Sources.Where(s => s.Statements == 0).Select(s => Report.Label(s.Index)).ToList();
        if (empty.Count == result.Sources.Count)
        {
            return many ? "All documents are empty: there is nothing to compare." : "Both documents are empty: there is nothing to compare.";
        }

        if (empty.Count > 0)
        {
            var are = empty.Count == 1 ? "is empty: it has" : "are empty: they have";
            var rest = result.Sources.Where(s => s.Statements > 0).Select(s => Report.Label(s.Index)).ToList();
            return $"{Listed(empty)} {are} no statements, so everything in {(many ? Listed(rest) : "the other")} is only there.";
        }

        var same = result.Unmatched.Count == 0
                   && result.Alignments.All(g => g.Statements.Count == result.Sources.Count
                                                 && g.Statements.Select(s => s.Source).Distinct().Count() == result.Sources.Count
                                                 && g.Differences.Count == 0 && g.SameValues.Count == 0
                                                 && g.Diff.All(d => d.Operation == DiffOperation.Equal)
                                                 && g.Comparisons.All(c => c.Diff.All(d => d.Operation == DiffOperation.Equal)));
        // Page boilerplate set aside is part of the documents too: "identical" only when it is the same in each.
        var boilerplate = result.Sources.Select(s => string.Join('\n', result.Boilerplate.Where(b => b.Source == s.Index).Select(b => b.Text))).Distinct(StringComparer.Ordinal).Count();
        if (!same || boilerplate > 1)
        {
            return null;
        }

        return result.Alignments.All(g => g.Statements.All(s => s.Index == g.Statements[0].Index))
            ? "The documents are identical: every statement is aligned, with no differences and nothing only in one source."
            : "The documents have the same statements in another order: every statement is aligned, with no differences.";
    }
}
