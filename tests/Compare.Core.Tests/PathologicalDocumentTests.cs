using System.Text;
using Compare.Core.Segmentation;

namespace Compare.Core.Tests;

/// <summary>
/// Documents built to be hard: each must be compared within a generous time bound (60 s; they take
/// well under 3 s), with statements no longer than <see cref="Segmenter.MaxStatementChars"/>.
/// </summary>
public sealed class PathologicalDocumentTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static readonly string[] Syllables = ["har", "bour", "coun", "cil", "ves", "sel", "bri", "dge", "ri", "ver", "po", "rt", "ci", "ty", "ma", "yor"];

    /// <summary>A few thousand made-up words, so that pieces of a long line are told apart by their words.</summary>
    private static readonly string[] Words =
        [.. Enumerable.Range(0, 4096).Select(i => Syllables[i % 16] + Syllables[(i / 16) % 16] + Syllables[(i / 256) % 16])];

    private static ComparisonResult CompareWithin(SourceInput a, SourceInput b)
    {
        var work = Task.Run(() => Comparison.Compare([a, b]));
        Assert.True(work.Wait(Generous), $"not done within {Generous.TotalSeconds} s");
        return work.Result;
    }

    private static string RandomWords(int count, int seed, string separator)
    {
        var random = new Random(seed);
        return string.Join(separator, Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)]));
    }

    private static void AssertStatementsAreBounded(ComparisonResult result) =>
        Assert.All(result.Alignments.SelectMany(g => g.Statements).Concat(result.Unmatched), s => Assert.True(s.Text.Length <= Segmenter.MaxStatementChars, $"{s.Text.Length} characters"));

    [Fact]
    public void Cuts_a_one_megabyte_line_without_punctuation_into_bounded_statements()
    {
        var line = RandomWords(180_000, seed: 1, " ");
        Assert.True(line.Length > 1_000_000);
        var edited = line.Replace("harbour", "deputy harbour", StringComparison.Ordinal);

        var result = CompareWithin(new SourceInput("a.txt", "Title\n\n" + line + "\n"), new SourceInput("b.txt", "Title\n\n" + edited + "\n"));

        AssertStatementsAreBounded(result);
        Assert.True(result.Sources[0].Statements >= 500, $"{result.Sources[0].Statements} statements");
        Assert.NotEmpty(result.Alignments);
    }

    [Fact]
    public void Reads_a_hundred_thousand_one_word_lines_in_bounded_statements()
    {
        var a = "Title\n" + RandomWords(100_000, seed: 2, "\n") + "\n";
        var b = "Title\n" + RandomWords(100_000, seed: 3, "\n") + "\n";

        var result = CompareWithin(new SourceInput("a.txt", a), new SourceInput("b.txt", b));

        AssertStatementsAreBounded(result);
        Assert.True(result.Sources[0].Statements > 100, $"{result.Sources[0].Statements} statements");
    }

    [Fact]
    public void Reads_markdown_nested_too_deeply_for_the_parser_as_plain_text_with_a_warning()
    {
        var nested = new StringBuilder("# Title\n\n");
        for (var depth = 0; depth < 1000; depth++)
        {
            nested.Append(' ', depth * 2).Append("- item ").Append(depth).Append(" of the list.\n");
        }

        nested.Append('\n').Append('>', 1000).Append(" A quote nested a thousand times.\n");
        var input = new SourceInput("deep.md", nested.ToString());

        var result = CompareWithin(input, input);

        Assert.Equal(["deep.md: Markdown nested too deeply to parse; read as plain text", "deep.md: Markdown nested too deeply to parse; read as plain text"], result.Warnings);
        Assert.Empty(result.Unmatched);
        Assert.Contains(result.Alignments, g => g.Statements[0].Text.Contains("A quote nested a thousand times.", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_markdown_nested_a_hundred_levels_as_markdown()
    {
        var nested = new StringBuilder("# Title\n\n");
        for (var depth = 0; depth < 100; depth++)
        {
            nested.Append('>', depth + 1).Append(" Quote level ").Append(depth).Append(" of the harbour story.\n\n");
        }

        var result = CompareWithin(new SourceInput("a.md", nested.ToString()), new SourceInput("b.md", nested.ToString()));

        Assert.Empty(result.Warnings);
        Assert.Equal(101, result.Sources[0].Statements); // The headline and the hundred quotes.
        Assert.DoesNotContain(result.Alignments, g => g.Statements[0].Text.Contains('>', StringComparison.Ordinal));
    }

    [Fact]
    public void Counts_columns_in_what_people_see_across_right_to_left_scripts_emoji_and_combining_marks()
    {
        var input = TestData.Read("pathological/mixed-scripts.txt");

        var result = CompareWithin(input, input);

        var statements = result.Alignments.Select(g => g.Statements[0]).Where(s => s.Line > 1).OrderBy(s => s.Index).ToList(); // After the headline.
        Assert.Equal(["הנמל נסגר ביום שני.", "الميناء أغلق يوم الاثنين.", "The port 👩‍👩‍👧 closed é́́ on Monday.", "Next statement here."], statements.Select(s => s.Text));
        Assert.Equal([1, 21, 47], statements.Take(3).Select(s => s.Column));

        // "The port " (9) + a family emoji (1 seen, 8 UTF-16 units) + " closed " (8) + e with two accents (1 seen, 3 units) + " on Monday. " (12).
        Assert.Equal(31, statements[3].Column - statements[2].Column);
        Assert.Equal("The documents are identical: every statement is aligned, with no differences and nothing only in one source.", Compare.Core.Reports.ReportFacts.Verdict(result));
    }

    [Fact]
    public void Pairs_the_same_sentence_repeated_ten_thousand_times_in_order()
    {
        var text = "Title\n\n" + string.Join(' ', Enumerable.Repeat("The port authority said that 140 vessels docked on Monday.", 10_000)) + "\n";

        var result = CompareWithin(new SourceInput("a.txt", text), new SourceInput("b.txt", text));

        Assert.Equal(10_001, result.Alignments.Count); // The headline and the ten thousand sentences.
        Assert.Empty(result.Unmatched);
        Assert.All(result.Alignments, g => Assert.Equal(g.Statements[0].Index, g.Statements[1].Index));
    }

    [Fact]
    public void Reads_a_markdown_document_of_a_hundred_thousand_link_definitions_in_bounded_time_with_a_warning()
    {
        var text = "# Links\n\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"[ref{i}]: https://example.com/{i} \"t\"\n")) + "\nThe port closed on Monday, see [ref5].\n";

        var result = Comparison.Compare([new SourceInput("links.md", text), new SourceInput("b.md", "# B\n\nThe port closed on Monday.\n")]);

        Assert.Single(result.Alignments);
        Assert.Contains(result.Warnings, w => w.Contains("100000 link reference definitions", StringComparison.Ordinal));
        var statement = result.Alignments[0].Statements[0];
        Assert.Equal((100_004, 1), (statement.Line, statement.Column));
    }
}
