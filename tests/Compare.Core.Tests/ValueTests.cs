using Compare.Core.Analysis;

namespace Compare.Core.Tests;

public sealed class ValueTests
{
    private static List<string> Terms(string text) =>
        [.. ValueExtractor.Extract(text).Select(v => v.Term)];

    [Theory]
    [InlineData("at 1:00 p.m.", "at 13:00")]
    [InlineData("at 1 pm", "at 13:00")]
    [InlineData("at 1pm", "at 13:00")]
    [InlineData("Ninety vessels sailed", "90 vessels sailed")]
    [InlineData("at 12:30 a.m.", "at 00:30")]
    [InlineData("at noon", "at 12:00")]
    [InlineData("on 20 September 2023", "on September 20, 2023")]
    [InlineData("on 20th of Sept. 2023", "on 2023-09-20")]
    [InlineData("rose 4.5 percent", "rose 4.5%")]
    [InlineData("1,200 people", "1200 people")]
    [InlineData("2.5 million people", "2,500,000 people")]
    [InlineData("twenty-five vessels", "25 vessels")]
    [InlineData("two dozen vessels", "24 vessels")]
    [InlineData("a dozen vessels", "12 vessels")]
    [InlineData("a hundred vessels", "100 vessels")]
    [InlineData("buys it for $356M", "buys it for $356 million")]
    [InlineData("a $55B deal", "a $55bn deal")]
    [InlineData("a €5k fine", "a 5,000 euros fine")]
    [InlineData("a $5\u212A grant", "a $5K grant")] // a Kelvin sign for the K
    public void Reads_equal_values_written_differently_as_the_same_value(string one, string other)
    {
        Assert.Equal(Terms(other), Terms(one));
        Assert.NotEmpty(Terms(one));
    }

    [Theory]
    [InlineData("at 1:00 p.m.", "at 14:00")]
    [InlineData("on 20 September 2023", "on 21 September 2023")]
    [InlineData("140 vessels", "200 vessels")]
    [InlineData("a $55B deal", "a $55M deal")]
    public void Tells_different_values_apart(string one, string other)
    {
        Assert.NotEqual(Terms(other), Terms(one));
    }

    [Fact]
    public void Reads_a_date_without_a_year_as_month_and_day()
    {
        Assert.Equal(["#d--09-19"], Terms("On September 19 the attacks began."));
    }

    [Fact]
    public void Counts_an_eleven_day_truce_and_eleven_days_of_truce_as_sharing_the_number_and_the_unit()
    {
        var one = StatementAnalyzer.Analyze(new Statement(0, 0, "An eleven-day truce held.", 1, 1));
        var other = StatementAnalyzer.Analyze(new Statement(1, 0, "The truce held for eleven days.", 1, 1));

        Assert.Contains("#n11", one.Terms.Select(t => t.Term));
        Assert.Contains("#n11", other.Terms.Select(t => t.Term));
        Assert.Contains("day", one.Terms.Select(t => t.Term));
        Assert.Contains("day", other.Terms.Select(t => t.Term));
    }

    [Fact]
    public void Stems_inflections_to_one_term()
    {
        var one = StatementAnalyzer.Analyze(new Statement(0, 0, "Negotiations were coordinated.", 1, 1));
        var other = StatementAnalyzer.Analyze(new Statement(1, 0, "They negotiate in coordination.", 1, 1));

        Assert.Equal(["coordin", "negoti"], one.Terms.Select(t => t.Term).Intersect(other.Terms.Select(t => t.Term)).Order());
    }

    [Theory]
    [InlineData("79228162514264337593543950335", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950334")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000002")]
    [InlineData("79228162514264337593543950335", "7.9")]
    [InlineData("12345678901234567890123456789", "12300000000000000000000000000")]
    public void Compares_values_at_the_ends_of_the_decimal_range_without_failing(string one, string other)
    {
        foreach (var (a, b) in new[] { (one, other), (other, one) })
        {
            foreach (var qualifier in new[] { string.Empty, "about ", "more than ", "at least ", "fewer than ", "at most " })
            {
                var left = ValueExtractor.Extract($"{qualifier}{a} vessels");
                var right = ValueExtractor.Extract($"{b} vessels");
                if (left.Count == 1 && right.Count == 1)
                {
                    _ = Compare.Core.Diffing.ValueDetector.Compatible(left[0], right[0]);
                }
            }
        }

        var result = Comparison.Compare([new SourceInput("a.txt", $"The port counted {one} vessels on Monday.\n"), new SourceInput("b.txt", $"The port counted {other} vessels on Monday.\n")]);
        Assert.Single(result.Alignments);
    }

    [Theory]
    [InlineData("The port earned $3.6 billion last year.", 3_600_000_000)]
    [InlineData("The port earned €250,000 last year.", 250_000)]
    [InlineData("Exports fell 4.5% last year.", 4.5)]
    public void Reads_the_figure_of_a_number_a_percentage_or_a_sum_of_money(string text, double figure)
    {
        var value = Assert.Single(ValueExtractor.Extract(text), v => v.Kind is ValueKind.Number or ValueKind.Percent or ValueKind.Money);

        Assert.Equal((decimal)figure, value.Amount);
    }

    [Theory]
    [InlineData("The treaty was signed on May 3, 1998.")]
    [InlineData("The treaty was signed on May 3, 2023.")]
    public void Gives_a_full_date_of_either_century_the_term_of_its_day_without_a_year(string text)
    {
        var date = Assert.Single(ValueExtractor.Extract(text), v => v.Kind == ValueKind.Date);

        Assert.True(IndexTerm.IsFullDate(date.Term));
        Assert.Equal("#d--05-03", date.DayTerm);
        Assert.True(IndexTerm.IsDay(date.DayTerm!));
        Assert.False(IndexTerm.IsFullDate(date.DayTerm!));
    }

    [Theory]
    [InlineData("The port handled 140 vessels.", "140")]
    [InlineData("The treaty was signed on May 3, 1998.", "1998-05-03")]
    [InlineData("The ferry left at 1:00 p.m.", "13:00")]
    public void Writes_a_value_s_index_term_apart_from_every_word_and_reads_its_key_back(string text, string key)
    {
        var value = Assert.Single(ValueExtractor.Extract(text));

        Assert.True(IndexTerm.IsValue(value.Term));
        Assert.Equal(key, IndexTerm.Key(value.Term));
        Assert.False(IndexTerm.IsValue(Stemmer.Stem("hashtag")));
        Assert.Equal("vessel", IndexTerm.Key("vessel"));
    }
}
