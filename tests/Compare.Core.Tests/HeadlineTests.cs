using Compare.Core.Analysis;
using Compare.Core.Diffing;
using Compare.Core.Reading;
using Compare.Core.Reports;
using Compare.Core.Segmentation;

namespace Compare.Core.Tests;

/// <summary>Every line is compared: the first line or paragraph, headline or not, is a statement like any other.</summary>
public sealed class HeadlineTests
{
    private static ComparisonResult Pair(string name, string extension = ".txt") =>
        Comparison.Compare([TestData.Read($"headlines/{name}-a{extension}"), TestData.Read($"headlines/{name}-b{extension}")]);

    [Fact]
    public void Compares_the_first_line_of_documents_with_no_headline_and_finds_its_conflict()
    {
        var result = Pair("first-line");

        var conflict = Assert.Single(result.Alignments, g => g.Differences.Any(d => d.Kind == DifferenceKind.Number));
        Assert.All(conflict.Statements, s => Assert.Equal(1, s.Line));
        Assert.Equal(2, result.Alignments.Count);
        Assert.Null(ReportFacts.Verdict(result));
    }

    [Fact]
    public void Compares_documents_of_one_paragraph_instead_of_calling_them_empty()
    {
        var result = Pair("one-paragraph");

        Assert.Equal([2, 2], result.Sources.Select(s => s.Statements));
        Assert.Contains(result.Alignments, g => g.Differences.Any(d => d.Kind == DifferenceKind.Number));
        Assert.Null(ReportFacts.Verdict(result));
    }

    [Fact]
    public void Compares_headlines_as_statements_and_still_shows_them_as_the_titles()
    {
        var result = Pair("headline");

        Assert.Equal(["Flood kills 40 in the valley", "Flood kills 400 in the valley"], result.Sources.Select(s => s.Title));
        var headlines = Assert.Single(result.Alignments, g => g.Statements.All(s => s.Line == 1));
        Assert.Contains(headlines.Differences, d => d.Kind == DifferenceKind.Number);
    }

    [Fact]
    public void Reads_a_short_first_line_followed_by_more_text_as_the_start_of_the_body()
    {
        var document = DocumentParser.Parse(TestData.Read("headlines/wrapped-a.txt"), 0);

        Assert.Equal(string.Empty, document.Title);
        Assert.Equal(["Storm hits the coast on Monday, and the ferries stopped."], Segmenter.Segment(document, 0).Select(s => s.Text));
    }

    [Fact]
    public void Counts_a_headline_the_body_repeats_once()
    {
        var result = Pair("repeated");

        Assert.Equal([2, 2], result.Sources.Select(s => s.Statements));
        Assert.Contains(result.Boilerplate, b => b.Source == 0 && b.Reason == "repeated title");
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Takes_a_short_first_paragraph_of_markdown_as_its_title_and_a_long_one_as_the_body()
    {
        var result = Pair("no-heading", ".md");

        Assert.Equal(["Flood kills 40 in the valley", string.Empty], result.Sources.Select(s => s.Title));
        Assert.Contains(result.Alignments, g => g.Statements.Any(s => s.Source == 1 && s.Line == 1) && g.Statements.Any(s => s.Source == 0));
        Assert.Contains(result.Alignments, g => g.Statements.Any(s => s.Source == 0 && s.Line == 1) && g.Statements.Any(s => s.Source == 1));
    }

    [Theory]
    [InlineData("Romney calls on Rep. Akin to drop Senate bid", true, true)]
    [InlineData("Mitt To Akin: Drop Out", true, true)]
    [InlineData("Is the ceasefire holding?", true, true)]
    [InlineData("“We will not leave,” villagers say", true, true)]
    [InlineData("Forty people died in the flood on Monday.", true, false)]
    [InlineData("Flood kills 40", false, false)]
    [InlineData("The minister said:", true, false)]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six", true, false)]
    public void Reads_a_first_line_as_a_headline_when_it_is_short_has_no_final_full_stop_and_stands_alone(string line, bool standsAlone, bool headline)
    {
        Assert.Equal(headline, DocumentParser.IsHeadline(line, standsAlone));
    }

    [Fact]
    public void Keeps_a_headline_of_its_own_when_three_identical_documents_repeat_its_words_in_the_next_statement()
    {
        var text = "Quay reopens after the storm\n\nThe quay reopened on Monday after the storm.\n";
        var result = Comparison.Compare([new SourceInput("a.txt", text), new SourceInput("b.txt", text), new SourceInput("c.txt", text)]);

        Assert.Equal(2, result.Alignments.Count);
        Assert.Equal("The documents are identical: every statement is aligned, with no differences and nothing only in one source.", ReportFacts.Verdict(result));
    }

    [Fact]
    public void Calls_documents_identical_only_when_what_they_set_aside_is_the_same_too()
    {
        var body = "Quay reopens after the storm\n\nThe quay reopened on Monday after the storm.\n";
        var result = Comparison.Compare([new SourceInput("a.txt", body + "\nShare this page\n"), new SourceInput("b.txt", body)]);

        Assert.Single(result.Boilerplate);
        Assert.Null(ReportFacts.Verdict(result));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    public void Does_not_say_a_headline_states_as_fact_what_the_other_article_s_body_attributes(bool factInHeadline, bool frameInHeadline, bool flagged)
    {
        var fact = StatementAnalyzer.Analyze(new Statement(0, 0, "Ferry Service To Resume On Monday", 1, 1) { InHeadline = factInHeadline });
        var framed = StatementAnalyzer.Analyze(new Statement(1, 0, "Ferry service will resume on Monday, the harbour authority said", 1, 1) { InHeadline = frameInHeadline });

        var (differences, _) = DifferenceFinder.Find(WordDiff.Diff([fact], [framed]), [fact], [framed]);

        Assert.Equal(flagged, differences.Any(d => d.Kind == DifferenceKind.Attribution));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Does_not_say_a_headline_retells_a_remark_the_other_article_quotes(bool headline, bool flagged)
    {
        var quoted = StatementAnalyzer.Analyze(new Statement(0, 0, "“The ferry will sail again before the winter storms,” Ann Ward said.", 3, 1));
        var told = StatementAnalyzer.Analyze(new Statement(1, 0, "Ann Ward said the ferry would run once more before winter", 1, 1) { InHeadline = headline });

        var (differences, _) = DifferenceFinder.Find(WordDiff.Diff([quoted], [told]), [quoted], [told]);

        Assert.Equal(flagged, differences.Any(d => d.Quotation == QuotationChange.Remark));
    }

    [Theory]
    [InlineData("Harbour Fees To Rise: Ann Ward", true)]
    [InlineData("Ward To Dale: Step Down", false)]
    public void Takes_the_words_after_a_headline_s_colon_for_its_speaker_only_when_the_headline_is_not_in_title_case(string headline, bool framed)
    {
        var statement = StatementAnalyzer.Analyze(new Statement(0, 0, headline, 1, 1) { InHeadline = true });

        Assert.Equal(framed, FramingAnalyzer.Analyze(statement).Frames.Count > 0);
    }
}
