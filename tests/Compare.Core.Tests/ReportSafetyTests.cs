using Compare.Tests.Shared;
using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Compare.Core.Tests;

/// <summary>Documents are untrusted: their text must stay text in every report (Data/hostile holds the injection corpus).</summary>
public sealed class ReportSafetyTests
{
    private static readonly Lazy<ComparisonResult> Hostile = new(() =>
        Comparison.Compare([TestData.Read("hostile/hostile-a.txt"), TestData.Read("hostile/hostile-b.txt")]));

    /// <summary>The only tags the report writes itself.</summary>
    private static readonly HashSet<string> OwnTags =
        ["<del>", "</del>", "<ins>", "</ins>", "<code>", "</code>", "<details>", "</details>", "<summary>", "</summary>"];

    /// <summary>The HTML elements GitHub makes of the report's own Markdown.</summary>
    private static readonly HashSet<string> ReportElements =
        ["h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "blockquote", "del", "ins", "code", "details", "summary", "strong"];

    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Fact]
    public void The_injection_corpus_aligns_so_hostile_text_reaches_every_part_of_the_report()
    {
        var result = Hostile.Value;

        Assert.True(result.Alignments.Count >= 8, $"{result.Alignments.Count} groups");
        Assert.NotEmpty(result.Unmatched);
        Assert.NotEmpty(result.Boilerplate);
        Assert.Contains("<img", result.Sources[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_text_never_becomes_markup_when_markdig_parses_the_markdown_report()
    {
        var markdown = Report.ToMarkdown(Hostile.Value);
        var document = Markdown.Parse(markdown, GitHubLike);

        foreach (var inline in document.Descendants<Inline>())
        {
            Assert.False(inline is LinkInline or AutolinkInline, $"a link or image: {inline}");
            if (inline is HtmlInline html)
            {
                Assert.Contains(html.Tag, OwnTags);
            }
        }

        foreach (var block in document.Descendants<HtmlBlock>())
        {
            foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
            {
                var text = line.ToString();
                Assert.True(text.Length == 0 || OwnTags.Any(tag => text.StartsWith(tag, StringComparison.Ordinal)), $"HTML block line: {text}");
            }
        }

        Assert.Empty(document.Descendants<CodeBlock>());
        var ownEmphasis = new Regex(@"^([AB]|\d+ aligned groups?|[a-z]+|(Conflicting values|Attribution|Hedging and modality):)$");
        foreach (var emphasis in document.Descendants<EmphasisInline>())
        {
            var words = string.Concat(emphasis.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            Assert.True(emphasis.DelimiterChar == '*' && emphasis.DelimiterCount == 2 && ownEmphasis.IsMatch(words), $"emphasis from a document: {words}");
        }

        foreach (var table in document.Descendants<Table>())
        {
            var columns = ((TableRow)table[0]).Count;
            Assert.All(table.Cast<TableRow>(), row => Assert.Equal(columns, row.Count));
        }

        var headings = document.Descendants<HeadingBlock>().Count();
        var onlySections = Hostile.Value.Unmatched.Select(s => s.Source).Distinct().Count();
        Assert.Equal(2 + Hostile.Value.Alignments.Count + onlySections, headings);
    }

    [Fact]
    public void Document_text_never_becomes_markup_when_github_renders_the_markdown_report()
    {
        var html = CmarkGfm.Render(Report.ToMarkdown(Hostile.Value));

        // Document text may say "<a href=…>" or "javascript:" as text; it must never become an element,
        // an attribute or a comment. Every element is one the report itself writes.
        RenderedHtml.AssertOnlyElements(html, ReportElements);

        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);

        Assert.Single(Regex.Matches(html, "<details>"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_and_issue_references_from_documents_neither_notify_nor_link()
    {
        var markdown = Report.ToMarkdown(Hostile.Value);

        Assert.Contains(Hostile.Value.Alignments.SelectMany(g => g.Statements), s => s.Text.Contains("@octocat", StringComparison.Ordinal));
        Assert.DoesNotMatch(new Regex(@"@[A-Za-z0-9]"), markdown);
        Assert.DoesNotMatch(new Regex(@"#[0-9]"), markdown);
        Assert.DoesNotMatch(new Regex(@"(?i)https?://|www\."), markdown);
    }

    [Fact]
    public void Document_text_never_becomes_an_element_or_attribute_of_the_html_report()
    {
        var html = Report.ToHtml(Hostile.Value);
        var elements = new HashSet<string>(StringComparer.Ordinal)
        {
            "html", "head", "meta", "title", "style", "script", "body", "header", "h1", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td",
            "p", "strong", "code", "ul", "li", "details", "summary", "nav", "button", "span", "aside", "main", "section", "article", "a", "mark", "del", "ins",
        };
        var attribute = new Regex(@"^(class|id|data-group|data-kinds|data-kind|title|tabindex|type|aria-[a-z]+|lang|charset|name|content|http-equiv)=""[^""<>]*""$|^href=""#[a-z]?\d+""$");

        // Outside the page's own style and script, every tag is one the report writes, with its own attributes.
        var markup = Regex.Replace(html, @"<(style|script)>.*?</\1>", string.Empty, RegexOptions.Singleline);
        foreach (Match tag in Regex.Matches(markup, @"<(?<name>/?[A-Za-z][A-Za-z0-9]*)(?<attributes>(?:\s+[^\s=>]+=""[^""]*"")*)\s*>"))
        {
            Assert.Contains(tag.Groups["name"].Value.TrimStart('/'), elements);
            foreach (Match pair in Regex.Matches(tag.Groups["attributes"].Value, @"[^\s=]+=""[^""]*"""))
            {
                Assert.Matches(attribute, pair.Value);
            }
        }

        Assert.Equal(markup.Count(c => c == '<'), Regex.Count(markup, @"<(/?[A-Za-z][A-Za-z0-9]*)((?:\s+[^\s=>]+=""[^""]*"")*)\s*>|<!DOCTYPE html>"));
        Assert.Contains("that &lt;script&gt;alert(&#39;", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_a_document_are_shown_never_passed_in_the_markdown_and_html_reports()
    {
        foreach (var report in new[] { Report.ToMarkdown(Hostile.Value), Report.ToHtml(Hostile.Value) })
        {
            Assert.DoesNotContain(report, c => c is < ' ' and not ('\n' or '\t') or '\u007F' or (>= '\u0080' and <= '\u009F'));
            Assert.Matches(@"␛\\?\[", report);
            Assert.Contains("␇", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_gh_issue_reference_from_a_document_does_not_link()
    {
        var markdown = Report.ToMarkdown(Hostile.Value);

        Assert.Contains(Hostile.Value.Alignments.SelectMany(g => g.Statements), s => s.Text.Contains("GH-7", StringComparison.Ordinal));
        Assert.DoesNotMatch(new Regex(@"(?i)\bgh-[0-9]"), markdown);
        Assert.DoesNotContain("GH-7", CmarkGfm.Render(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_report_carries_no_terminal_control_sequence_from_a_document()
    {
        var text = Report.ToText(Hostile.Value, color: false);

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("turn the harbour text", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_keeps_document_text_exactly()
    {
        using var json = JsonDocument.Parse(Report.ToJson(Hostile.Value));

        var texts = json.RootElement.GetProperty("alignments").EnumerateArray()
            .SelectMany(g => g.GetProperty("statements").EnumerateArray())
            .Concat(json.RootElement.GetProperty("unmatched").EnumerateArray())
            .Select(s => s.GetProperty("text").GetString())
            .ToList();
        Assert.Contains("The port authority said that <script>alert('x')</script> 140 vessels docked in the harbour on Monday.", texts);
        Assert.Contains(texts, t => t!.Contains("\u001b[31m", StringComparison.Ordinal));
    }
}
