using System.Diagnostics;
using Compare.Tests.Shared;

namespace Compare.Core.Tests;

/// <summary>The user's two seed documents: an official statement and a news report on the same ceasefire.</summary>
public sealed class SeedComparisonTests
{
    private static readonly Lazy<ComparisonResult> Seeds = new(() => Comparison.Compare(
    [
        Comparison.ReadFile(Repository.PathOf(Repository.SeedA)) with { Path = Repository.SeedA.Replace('\\', '/') },
        Comparison.ReadFile(Repository.PathOf(Repository.SeedB)) with { Path = Repository.SeedB.Replace('\\', '/') },
    ]));

    private static AlignedGroup GroupWith(string officialWords)
    {
        return Assert.Single(Seeds.Value.Alignments, g => g.Statements.Any(s => s.Source == 0 && s.Text.Contains(officialWords, StringComparison.Ordinal)));
    }

    private static void AssertAligned(string officialWords, params string[] reportWords)
    {
        var group = GroupWith(officialWords);
        Assert.Contains(group.Statements, s => s.Source == 1 && reportWords.Any(w => s.Text.Contains(w, StringComparison.Ordinal)));
    }

    [Fact]
    public void Aligns_the_ceasefire_announcement_with_the_reports_ceasefire_statements()
    {
        AssertAligned("an agreement was reached on complete ceasefire", "an agreement has been reached", "The ceasefire was set to take effect at 13:00");
    }

    [Fact]
    public void Aligns_the_weapons_surrender()
    {
        AssertAligned("must lay down their weapons", "were supposed to lay down their weapons");
    }

    [Fact]
    public void Aligns_the_coordination_with_the_peacekeepers()
    {
        AssertAligned("in coordination with the Russian peacekeeping contingent", "It was claimed that the entire process would unfold");
    }

    [Fact]
    public void Aligns_the_meeting_in_Yevlakh()
    {
        AssertAligned("in the city of Yevlakh", "These negotiations, scheduled for September 21, 2023");
    }

    [Theory]
    [InlineData(1, "Guterres")]
    [InlineData(1, "32 civilian fatalities")]
    [InlineData(1, "around 100 people had been killed")]
    [InlineData(1, "Vardanyan also voiced frustration")]
    [InlineData(0, "landmines")]
    [InlineData(0, "mortars")]
    [InlineData(0, "SMS")]
    [InlineData(0, "humanitarian corridors")]
    public void Lists_what_only_one_source_reports(int source, string words)
    {
        var statements = Seeds.Value.Unmatched.Where(s => s.Text.Contains(words, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal(source, s.Source));
    }

    [Fact]
    public void Sets_aside_the_photo_credit_the_teaser_and_the_breadcrumb()
    {
        Assert.Equal(
            [(0, "page furniture"), (1, "photo credit"), (1, "breadcrumb")],
            Seeds.Value.Boilerplate.Select(b => (b.Source, b.Reason)));
    }

    [Fact]
    public void Marks_the_changed_modal_in_the_weapons_group()
    {
        var diff = GroupWith("must lay down their weapons").Diff;

        Assert.Contains(diff, d => d.Operation == DiffOperation.Deleted && d.Text.Trim() == "must");
        Assert.Contains(diff, d => d.Operation == DiffOperation.Inserted && d.Text.Trim() == "were supposed to");
    }

    [Fact]
    public void Markdown_report_matches_the_golden_file() =>
        Snapshot.Verify(Report.ToMarkdown(Seeds.Value), "seeds", "md");

    [Fact]
    public void Json_report_matches_the_golden_file() =>
        Snapshot.Verify(Report.ToJson(Seeds.Value), "seeds", "json");

    [Fact]
    public void Html_report_matches_the_golden_file() =>
        Snapshot.Verify(Report.ToHtml(Seeds.Value), "seeds", "html");

    [Fact]
    public void Text_report_matches_the_golden_file() =>
        Snapshot.Verify(Report.ToText(Seeds.Value), "seeds", "txt");

    [Fact]
    public void Markdown_report_renders_on_GitHub_as_tables_with_marked_words_and_a_collapsed_boilerplate_section()
    {
        var html = CmarkGfm.Render(Report.ToMarkdown(Seeds.Value));

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<del>must</del> <ins>were supposed to</ins>", html, StringComparison.Ordinal);
        Assert.Contains("<details>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_replaced_word_apart_from_its_replacement_as_github_a_browser_and_a_terminal_show_them()
    {
        // The words a reader sees, with the tags taken away: "must were supposed to", never "mustwere supposed to".
        static string Seen(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty);

        foreach (var shown in new[] { Seen(CmarkGfm.Render(Report.ToMarkdown(Seeds.Value))), Seen(Report.ToHtml(Seeds.Value)), Report.ToText(Seeds.Value) })
        {
            Assert.DoesNotContain("mustwere", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("locatedsituated", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("thepresumed", shown, StringComparison.Ordinal);
        }

        Assert.Contains("[-must-] {+were supposed to+}", Report.ToText(Seeds.Value), StringComparison.Ordinal);
    }
}
