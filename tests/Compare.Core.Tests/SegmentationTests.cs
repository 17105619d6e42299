using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Core.Tests;

public sealed class SegmentationTests
{
    private static List<string> Split(string text) => [.. Segmenter.Split(text).Select(r => text[r.Start..r.End])];

    [Theory]
    [InlineData("The ceasefire took effect at 1:00 p.m. on Wednesday.")]
    [InlineData("Talks began at 9 a.m. local time and ended late.")]
    [InlineData("The U.S. and the U.N. welcomed the agreement.")]
    [InlineData("Dr. Hajiyev met Mr. Amirbayov in the capital.")]
    [InlineData("Resolution No. 5 was adopted unanimously.")]
    [InlineData("J. R. Smith wrote the report.")]
    [InlineData("Growth slowed to 4.5 percent in the third quarter.")]
    [InlineData("The minister said \"we will not retreat\" and left (without questions).")]
    [InlineData("Prices rose, e.g. bread and milk, across the region.")]
    [InlineData("The letter was signed by former Sens. Ann Ward and Tom Bell and by Reps. Lee and Cho.")]
    [InlineData("\"Who sent you!\" the mayor shouted at the reporter.")]
    [InlineData("\"Is the road open?\" asked a driver at the checkpoint.")]
    [InlineData("\"Show me the permit ... I have a right to see it,\" the guard said.")]
    [InlineData("\"It was calmer before…We had water then,\" said a 40-year-old farmer.")]
    public void Keeps_abbreviations_times_and_decimals_inside_one_statement(string sentence)
    {
        Assert.Equal([sentence], Split(sentence));
    }

    [Theory]
    [InlineData("“We warned you. Turn back! The harbour is closed,” she said.", false, true, true)]
    [InlineData("\"We warned you. Turn back! The harbour is closed,\" she said.", false, true, true)]
    [InlineData("“We warned you.” Turn back! The harbour is closed.", false, false, false)]
    public void Tells_which_statements_of_a_paragraph_begin_inside_a_quote(string paragraph, params bool[] expected)
    {
        var document = DocumentParser.Parse(new SourceInput("p.txt", "Harbour notes\n\n" + paragraph + "\n\nTurn back!\n"), 0);

        var statements = Segmenter.Segment(document, 0);

        Assert.Equal([false, .. expected, false], statements.Select(s => s.StartsInQuote)); // The headline first.
    }

    [Theory]
    [InlineData("It ended at 1:00 p.m. The talks resume tomorrow.", "It ended at 1:00 p.m.", "The talks resume tomorrow.")]
    [InlineData("He said: \"It is over.\" Then he left.", "He said: \"It is over.\"", "Then he left.")]
    [InlineData("Was it agreed? Nobody knows!", "Was it agreed?", "Nobody knows!")]
    [InlineData("The aid came from the U.S. It arrived on Monday.", "The aid came from the U.S.", "It arrived on Monday.")]
    [InlineData("Troops withdrew (as agreed.) Civilians returned.", "Troops withdrew (as agreed.)", "Civilians returned.")]
    public void Splits_sentences_at_real_boundaries(string text, string first, string second)
    {
        Assert.Equal([first, second], Split(text));
    }

    [Fact]
    public void Splits_list_items_on_their_own_lines()
    {
        Assert.Equal(["Demands:", "- withdraw troops", "- open the road"], Split("Demands:\n- withdraw troops\n- open the road"));
    }
}
