namespace Compare.Core.Reports;

/// <summary>
/// Writing untrusted text into reports of one's own, as Compare's reports write it: a document's words,
/// a file name or a message escaped for Markdown (as GitHub renders it) or HTML, control characters
/// shown rather than obeyed, and counts in plain words.
/// </summary>
public static class ReportText
{
    /// <summary>Text as Markdown that renders it as written: no tag, link, mention, issue reference or emphasis from it.</summary>
    public static string Markdown(string text) => MarkdownText.Escape(text);

    /// <summary>Text (a file name, a path) as inline code that renders it as written.</summary>
    public static string MarkdownCode(string text) => MarkdownText.Code(text);

    /// <summary>Text escaped for HTML element content and attribute values.</summary>
    public static string Html(string text) => HtmlReport.Escape(text);

    /// <summary>Text with its control characters (line breaks and terminal escapes included) shown as their pictures (␛, ␇, ␊).</summary>
    public static string ShowControlCharacters(string text) => Reading.ControlCharacters.Show(text);

    /// <summary>A count and its noun ("1 statement", "3 statements").</summary>
    public static string Plural(int count, string singular, string plural) => ReportFacts.Plural(count, singular, plural);

    /// <summary>Labels as a reader lists them: "C", "B and C", "B, C and D".</summary>
    public static string Listed(IReadOnlyList<string> labels) => ReportFacts.Listed(labels);
}
