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
}
