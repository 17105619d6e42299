using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Core.Tests;

public sealed class ReadingTests
{
    [Fact]
    public void Reads_utf8_with_bom_crlf_curly_quotes_and_non_breaking_spaces()
    {
        var input = TestData.Read("reading/bom-crlf.txt");
        var document = DocumentParser.Parse(input, 0);
        var statements = Segmenter.Segment(document, 0);

        Assert.Equal("Port reopens after storm", document.Title);
        Assert.Equal(
            ["Port reopens after storm", "The port reopened on Tuesday at 9:30 a.m. after a two-day closure.", "Ships queued “for hours” outside."],
            statements.Select(s => s.Text));
        Assert.Equal((1, 1), (statements[0].Line, statements[0].Column));
        Assert.Equal((3, 1), (statements[1].Line, statements[1].Column));
        Assert.Equal((4, 1), (statements[2].Line, statements[2].Column));
    }

    [Fact]
    public void Reads_markdown_headings_lists_emphasis_and_links_as_text_and_skips_code_blocks()
    {
        var input = TestData.Read("reading/article.md");
        var document = DocumentParser.Parse(input, 0);
        var statements = Segmenter.Segment(document, 0).Select(s => s.Text).ToList();

        Assert.Equal("Harbour reopens after storm", document.Title);
        Assert.Equal(
            [
                "Harbour reopens after storm",
                "The harbour reopened on Tuesday after a two-day closure.",
                "Officials said the quay was safe.",
                "Ferries resumed at noon.",
                "Cargo ships waited outside.",
                "A pilot said: \"We were lucky.\"",
            ],
            statements);
        Assert.DoesNotContain(statements, s => s.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_statements_report_the_line_and_column_of_the_source()
    {
        var document = DocumentParser.Parse(TestData.Read("reading/article.md"), 0);
        var statements = Segmenter.Segment(document, 0);

        var officials = statements.Single(s => s.Text.StartsWith("Officials", StringComparison.Ordinal));
        Assert.Equal(5, officials.Line);
        Assert.Equal(93, officials.Column);
        var ferries = statements.Single(s => s.Text.StartsWith("Ferries", StringComparison.Ordinal));
        Assert.Equal((8, 3), (ferries.Line, ferries.Column));
    }

    [Fact]
    public void Sets_aside_markdown_breadcrumbs_photo_credits_and_share_links()
    {
        var document = DocumentParser.Parse(TestData.Read("reading/article.md"), 0);

        Assert.Equal(
            [("breadcrumb", 3), ("photo credit", 19), ("page furniture", 21)],
            document.Boilerplate.Select(b => (b.Reason, b.Line)));
    }

    [Theory]
    [InlineData("Photo: fifg/Shutterstock", "photo credit")]
    [InlineData("You Might Also Like", "page furniture")]
    [InlineData("Share this page", "page furniture")]
    [InlineData("Related: Ceasefire talks resume in Yevlakh", "page furniture")]
    [InlineData("ГлавнаяNewsMinistry of Defense of Azerbaijan confirmed that a ceasefire agreement was reached", "breadcrumb")]
    [InlineData("Home > World > Ceasefire reached", "breadcrumb")]
    [InlineData("© 2023 Example News", "copyright")]
    public void Recognises_page_boilerplate(string line, string reason)
    {
        Assert.Equal(reason, Boilerplate.Classify(line, "Ministry of Defense of Azerbaijan confirmed that a ceasefire agreement was reached"));
    }

    [Theory]
    [InlineData("Photographers gathered at the border on Monday.")]
    [InlineData("Related talks will continue next week.")]
    [InlineData("The ministry said it would share this information with partners.")]
    public void Keeps_content_that_only_resembles_boilerplate(string line)
    {
        Assert.Null(Boilerplate.Classify(line, "Talks continue"));
    }

    [Fact]
    public void Refuses_a_binary_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"compare-binary-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]);
        try
        {
            var error = Assert.Throws<InputException>(() => Comparison.ReadFile(path));
            Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_a_missing_file_and_a_directory()
    {
        Assert.Contains("no such file", Assert.Throws<InputException>(() => Comparison.ReadFile("/nonexistent/a.txt")).Message, StringComparison.Ordinal);
        Assert.Contains("directory", Assert.Throws<InputException>(() => Comparison.ReadFile(Path.GetTempPath())).Message, StringComparison.Ordinal);
    }
}
