using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Core.Tests;

public sealed class TermSpaceTests
{
    [Fact]
    public void Gives_terms_ids_in_order_of_first_use_and_counts_each_statement_once_however_many_parts_it_counts_in()
    {
        // Enough statements for the counting to be split into several parts, with terms first used in later parts.
        var statements = new[] { "conflicting", "frequent", "renamed", "reordered", "split", "unrelated" }
            .SelectMany(name =>
            {
                var once = new[] { "a", "b" }
                    .SelectMany((side, i) => Segmenter.Segment(DocumentParser.Parse(TestData.Read($"alignment/{name}-{side}.txt"), i), i))
                    .Select(StatementAnalyzer.Analyze)
                    .ToArray();
                return Enumerable.Range(0, 1_500 / once.Length).SelectMany(_ => once);
            })
            .ToArray();
        Assert.True(statements.Length > 5_000);

        var space = new TermSpace(statements);

        var firstUse = statements.SelectMany(s => s.Terms.Select(t => t.Term)).Distinct().ToList();
        Assert.Equal(firstUse, Enumerable.Range(0, firstUse.Count).Select(space.Term));
        foreach (var (term, id) in firstUse.Select((t, i) => (t, i)))
        {
            Assert.Equal(statements.Count(s => s.Terms.Exists(t => t.Term == term)), space.DocumentFrequency(id));
        }
    }

    [Fact]
    public void Weighs_shared_words_rare_in_English_above_more_shared_common_words_that_the_statements_use_as_often()
    {
        // The first statement shares four words rare in English with the second ("Stepanakert",
        // "shelling", "overnight", "heavy") and five common ones with the third; each word is in two of
        // the three statements, so counting them in these statements alone cannot tell them apart.
        var statements = Segmenter.Segment(DocumentParser.Parse(TestData.Read("similarity/rare-words.txt"), 0), 0)
            .Select(StatementAnalyzer.Analyze)
            .ToArray();
        var space = new TermSpace(statements);
        var (first, rare, common) = (space.Vectorize(statements[0]), space.Vectorize(statements[1]), space.Vectorize(statements[2]));

        Assert.True(first.Similarity(rare) > first.Similarity(common), $"{first.Similarity(rare):0.00} vs {first.Similarity(common):0.00}");
    }

    [Fact]
    public void Finds_the_stems_the_analyser_makes_among_common_English_words_most_common_first()
    {
        // The list is stemmed by the analyser's own stemmer: "government" and "evacuated" are found as
        // "govern" and "evacu". A name it does not know ranks nowhere.
        var terms = new Dictionary<string, int>(StringComparer.Ordinal) { ["govern"] = 0, ["evacu"] = 1, ["stepanakert"] = 2 };
        var ranks = new int[terms.Count];

        var listed = Lexicon.RankWords(terms.GetAlternateLookup<ReadOnlySpan<char>>(), ranks);

        Assert.True(listed > 30_000);
        Assert.InRange(ranks[0], 1, ranks[1] - 1);
        Assert.Equal(0, ranks[2]);
        Assert.Equal(["govern", "evacu"], new[] { "government", "evacuated" }.Select(Stemmer.Stem));
    }
}
