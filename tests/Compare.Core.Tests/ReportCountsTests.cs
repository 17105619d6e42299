using System.Text.Json;
using System.Text.RegularExpressions;
using Compare.Tests.Shared;

namespace Compare.Core.Tests;

/// <summary>Every count of differences says what it counts, and is the same number in Markdown, text, HTML and JSON.</summary>
public sealed partial class ReportCountsTests
{
    public static TheoryData<string> Comparisons => ["seeds", "three"];

    private static ComparisonResult Compared(string name) => name == "seeds"
        ? Comparison.Compare([Comparison.ReadFile(Repository.PathOf(Repository.SeedA)), Comparison.ReadFile(Repository.PathOf(Repository.SeedB))])
        : Comparison.Compare([TestData.Read("three/ministry.txt"), TestData.Read("three/gazette.txt"), TestData.Read("three/wire.txt")]);

    [GeneratedRegex(@"^\| (?<kind>[a-z]+) \| (?<counts>(?:\d+ \| )+)", RegexOptions.Multiline)]
    private static partial Regex MarkdownRow();

    [GeneratedRegex(@"^  (?<kind>[a-z]+) +labels(?<counts>(?: [A-Z] +\d+)+)  groups +(?<groups>\d+)", RegexOptions.Multiline)]
    private static partial Regex TextRow();

    [GeneratedRegex(@"<tr><td><span class=""sw [^""]+""></span>(?<kind>[a-z]+)</td>(?<counts>(?:<td class=""n"">\d+</td>)+)")]
    private static partial Regex HtmlRow();

    [GeneratedRegex(@"data-kind=""(?<kind>[a-z]+)"" aria-pressed=""false""><span class=""sw [^""]+""></span>[a-z]+ \((?<groups>\d+) groups?\)")]
    private static partial Regex HtmlFilter();

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Counts_labels_per_source_and_groups_per_kind_alike_in_every_format(string name)
    {
        var result = Compared(name);
        using var json = JsonDocument.Parse(Report.ToJson(result));

        // What JSON says: labels citing each source's words (summary), and the groups that have each kind (alignments).
        var expected = json.RootElement.GetProperty("summary").EnumerateArray().ToDictionary(
            row => row.GetProperty("kind").GetString()!,
            row => string.Join(' ', row.GetProperty("bySource").EnumerateArray().Select(n => n.GetInt32())));
        var groups = expected.Keys.ToDictionary(
            kind => kind,
            kind => json.RootElement.GetProperty("alignments").EnumerateArray().Count(g => g.GetProperty("differences").EnumerateArray().Any(d => d.GetProperty("kind").GetString() == kind)));
        Assert.NotEmpty(expected);

        var markdown = Report.ToMarkdown(result);
        Assert.Contains("| Difference | Labels citing A | Labels citing B | ", markdown, StringComparison.Ordinal);
        Assert.Equal(
            expected.ToDictionary(e => e.Key, e => $"{e.Value} {groups[e.Key]}"),
            MarkdownRow().Matches(markdown).ToDictionary(m => m.Groups["kind"].Value, m => string.Join(' ', m.Groups["counts"].Value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

        var text = Report.ToText(result);
        Assert.Equal(
            expected.ToDictionary(e => e.Key, e => $"{e.Value} {groups[e.Key]}"),
            TextRow().Matches(text).ToDictionary(m => m.Groups["kind"].Value, m => string.Join(' ', Regex.Matches(m.Groups["counts"].Value, @"\d+").Select(n => n.Value).Append(m.Groups["groups"].Value))));

        var html = Report.ToHtml(result);
        Assert.Equal(
            expected.ToDictionary(e => e.Key, e => $"{e.Value} {groups[e.Key]}"),
            HtmlRow().Matches(html).ToDictionary(m => m.Groups["kind"].Value, m => string.Join(' ', Regex.Matches(m.Groups["counts"].Value, @"\d+").Select(n => n.Value))));
        Assert.Equal(groups, HtmlFilter().Matches(html).ToDictionary(m => m.Groups["kind"].Value, m => int.Parse(m.Groups["groups"].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
