using System.Globalization;
using Compare.Core.Reports;

namespace Compare.Core;

/// <summary>The report formats.</summary>
public enum ReportFormat
{
    /// <summary>GitHub-flavoured Markdown.</summary>
    Markdown,

    /// <summary>The versioned JSON contract.</summary>
    Json,

    /// <summary>Plain text for terminals.</summary>
    Text,

    /// <summary>One self-contained HTML page with the sources side by side.</summary>
    Html,
}

/// <summary>Renders a comparison as Markdown, JSON or text. Output is deterministic: "\n" line ends, invariant culture, stable order.</summary>
public static class Report
{
    /// <summary>The version of the JSON contract for two sources.</summary>
    public const int JsonVersion = 1;

    /// <summary>The version of the JSON contract for three or more sources: version 1 plus each group's <c>central</c> source and <c>comparisons</c>.</summary>
    public const int JsonVersionMany = 2;

    /// <summary>Renders the result in the given format; <paramref name="color"/> applies to text only.</summary>
    public static string Render(ComparisonResult result, ReportFormat format, bool color = false) => format switch
    {
        ReportFormat.Json => ToJson(result),
        ReportFormat.Text => ToText(result, color),
        ReportFormat.Html => ToHtml(result),
        _ => ToMarkdown(result),
    };

    /// <summary>
    /// Writes the report in the given format to <paramref name="output"/>; Markdown and JSON are written
    /// group by group, so a long comparison's report is never held whole in memory.
    /// </summary>
    public static void Write(ComparisonResult result, ReportFormat format, TextWriter output, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (format == ReportFormat.Markdown)
        {
            MarkdownReport.Write(result, output);
        }
        else if (format == ReportFormat.Json)
        {
            JsonReport.Write(result, output);
        }
        else
        {
            output.Write(Render(result, format, color));
        }
    }

    /// <summary>GitHub-flavoured Markdown: summary table, aligned groups with word differences, unmatched statements, boilerplate.</summary>
    public static string ToMarkdown(ComparisonResult result, MarkdownOptions? options = null) => MarkdownReport.Render(result, options);

    /// <summary>The Markdown report in sections, each rendered once, for a caller that keeps only some of them (see <see cref="MarkdownSections"/>).</summary>
    public static MarkdownSections ToMarkdownSections(ComparisonResult result, MarkdownOptions? options = null) => MarkdownReport.Sections(result, options);

    /// <summary>The JSON contract (version <see cref="JsonVersion"/>).</summary>
    public static string ToJson(ComparisonResult result) => JsonReport.Render(result);

    /// <summary>Plain text, with ANSI colours for deleted and inserted words when <paramref name="color"/> is set.</summary>
    public static string ToText(ComparisonResult result, bool color = false) => TextReport.Render(result, color);

    /// <summary>
    /// One self-contained HTML page (no file, style or script from elsewhere; a Content-Security-Policy
    /// allows only its own): the summary, the sources side by side with corresponding statements
    /// highlighted and linked both ways, labelled words marked by kind, and a legend that filters by kind.
    /// </summary>
    public static string ToHtml(ComparisonResult result) => HtmlReport.Render(result);

    /// <summary>The label of a source in reports: A, B, C…</summary>
    public static string Label(int source) => source is >= 0 and < 26 ? Labels[source] : "S" + source.ToString(CultureInfo.InvariantCulture);

    /// <summary>The labels of the first 26 sources, made once (reports ask for them for every line).</summary>
    private static readonly string[] Labels = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];
}
