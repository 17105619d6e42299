using Compare.Core;
using Compare.Tests.Shared;

namespace Compare.GitHub.Tests;

public sealed class PullRequestReportTests
{
    private static readonly ComparisonResult Seeds = Comparison.Compare(
        [Comparison.ReadFile(Repository.PathOf(Repository.SeedA)) with { Path = "seeds/karabakh/ministry.txt" },
         Comparison.ReadFile(Repository.PathOf(Repository.SeedB)) with { Path = "seeds/karabakh/news.txt" }]);

    private static List<DocumentReport> Documents(int copies) =>
        [.. Enumerable.Range(0, copies).Select(i => new DocumentReport($"seeds/e{i}/news.txt", DocumentChange.Added, null, [new DocumentComparison("Compared with seeds/e/ministry.txt", Seeds)], null))];

    [Fact]
    public void Keeps_the_whole_report_when_it_fits_a_comment()
    {
        var comment = PullRequestReport.Comment(7, Documents(1));

        Assert.Equal(PullRequestReport.Full(7, Documents(1)), comment);
        Assert.DoesNotContain("<details>\n<summary>Compared with", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Collapses_sections_and_then_cuts_the_least_substantial_groups_to_stay_under_the_limit()
    {
        var full = PullRequestReport.Full(7, Documents(30));
        Assert.True(full.Length > PullRequestReport.MaxCommentLength, $"{full.Length}");

        var comment = PullRequestReport.Comment(7, Documents(30));

        Assert.True(comment.Length <= PullRequestReport.MaxCommentLength, $"{comment.Length}");
        Assert.StartsWith(PullRequestReport.Marker, comment, StringComparison.Ordinal);
        Assert.Contains("<details>\n<summary>Compared with seeds/e/ministry.txt</summary>", comment, StringComparison.Ordinal);
        Assert.Contains("are cut here: the full report is in the job summary.", comment, StringComparison.Ordinal);
        Assert.Contains("seeds/e29/news.txt", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuts_even_a_report_that_cannot_fit_and_says_so()
    {
        var comment = PullRequestReport.Comment(7, Documents(3), maxLength: 2000);

        Assert.True(comment.Length <= 2000, $"{comment.Length}");
        Assert.EndsWith("the full report is in the job summary.\n", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_job_summary_under_its_limit_in_bytes_and_says_what_it_cut()
    {
        // 120 copies of the seed comparison: about 1.9 MB, over GitHub's 1 MiB for a step summary.
        var documents = Documents(120);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(PullRequestReport.Full(7, documents)) > 1_048_576);

        var summary = PullRequestReport.Summary(7, documents);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(summary) <= PullRequestReport.MaxSummaryBytes, $"{summary.Length}");
        Assert.Contains("are cut here: the full report is the file the action's report-path output names.", summary, StringComparison.Ordinal);
        Assert.Contains("seeds/e119/news.txt", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuts_a_summary_of_many_bytes_per_character_within_its_limit_in_bytes()
    {
        var wide = Comparison.Compare([new SourceInput("a.txt", "Т\n\n" + string.Concat(Enumerable.Repeat("Порт закрыт до пятницы. ", 200))), new SourceInput("b.txt", "Т\n\nПорт открыт.")]);
        var documents = new List<DocumentReport> { new("seeds/e/a.txt", DocumentChange.Added, null, [new DocumentComparison("Compared with seeds/e/b.txt", wide)], null) };

        var summary = PullRequestReport.Summary(7, documents, maxBytes: 3000);

        Assert.True(summary.Length < 3000 && System.Text.Encoding.UTF8.GetByteCount(summary) > summary.Length);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(summary) <= 3000, $"{System.Text.Encoding.UTF8.GetByteCount(summary)}");
        Assert.Contains("the full report is the file the action's report-path output names.", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_copied_document_with_where_it_was_copied_from()
    {
        var full = PullRequestReport.Full(7, [new DocumentReport("seeds/e/copy.txt", DocumentChange.Copied, "seeds/e/news.txt", [], "No related document in the repository to compare it with.")]);

        Assert.Contains("1 document: 1 copied.", full, StringComparison.Ordinal);
        Assert.Contains("### <code>seeds/e/copy.txt</code> (copied from <code>seeds/e/news.txt</code>)", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_pull_request_from_the_actions_environment_and_lets_options_override_it()
    {
        var eventPath = Path.GetTempFileName();
        File.WriteAllText(eventPath, """{ "pull_request": { "number": 12, "base": { "sha": "b1" }, "head": { "sha": "h1", "repo": { "full_name": "fork/r" } } } }""");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_PATH"] = eventPath, ["GITHUB_REPOSITORY"] = "o/r", ["GITHUB_API_URL"] = "https://ghe.example/api/v3",
            ["GITHUB_WORKSPACE"] = "/w", ["GITHUB_STEP_SUMMARY"] = "/s", ["GITHUB_OUTPUT"] = "/out", ["GITHUB_TOKEN"] = "t",
        };

        var run = PullRequestRun.FromEnvironment(environment.GetValueOrDefault);
        var byHand = PullRequestRun.FromEnvironment(environment.GetValueOrDefault, "other/repo", 3, "mine");
        File.Delete(eventPath);

        Assert.Equal(("o", "r", 12, "b1", "h1", "fork/r"), (run.Owner, run.Name, run.Number, run.BaseSha, run.HeadSha, run.HeadRepository));
        Assert.Equal(("https://ghe.example/api/v3", "/w", "/s", "/out", "t"), (run.ApiUrl.ToString(), run.Workspace, run.StepSummary, run.Outputs, run.Token));
        Assert.Equal(("other", "repo", 3, "mine"), (byHand.Owner, byHand.Name, byHand.Number, byHand.Token));
    }

    [Fact]
    public void Refuses_a_run_without_a_repository_or_a_pull_request()
    {
        var noRepo = Assert.Throws<InputException>(() => PullRequestRun.FromEnvironment(_ => null, number: 1));
        var noPr = Assert.Throws<InputException>(() => PullRequestRun.FromEnvironment(_ => null, "o/r"));

        Assert.StartsWith("no repository", noRepo.Message, StringComparison.Ordinal);
        Assert.StartsWith("no pull request", noPr.Message, StringComparison.Ordinal);
    }

    private static List<DocumentReport> Mixed() =>
    [
        new("seeds/karabakh/news.txt", DocumentChange.Added, null, [new DocumentComparison("Compared with seeds/karabakh/ministry.txt", Seeds)], null),
        new("seeds/other/new.txt", DocumentChange.Added, null, [], "No related document in the repository to compare it with."),
        new("seeds/old/gone.txt", DocumentChange.Removed, null, [], "Removed in this pull request."),
        new("seeds/karabakh/b.txt", DocumentChange.Renamed, "seeds/b.txt", [], "Renamed without changes."),
    ];

    [Fact]
    public void Comment_matches_the_golden_file() =>
        Snapshot.Verify(PullRequestReport.Comment(7, Mixed()), "pr-comment", "md");

    [Fact]
    public void Comment_renders_on_GitHub_with_the_marker_hidden_and_no_mention_of_the_pull_request()
    {
        var html = CmarkGfm.Render(PullRequestReport.Comment(7, Mixed()));

        Assert.StartsWith("<!-- compare-report:v1 -->", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Source comparison for pull request #\u200D7</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3><code>seeds/karabakh/b.txt</code> (renamed from <code>seeds/b.txt</code>)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<del>must</del><ins>were supposed to</ins>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_what_a_revision_edited_added_removed_and_moved()
    {
        var before = new SourceInput("a.txt (base)", "Title\n\nThe port closed on Monday. The mayor spoke at noon. Ships waited outside the harbour. The council met in the evening.\n");
        var after = new SourceInput("a.txt", "Title\n\nThe council met in the evening. The port closed on Tuesday. Ships waited outside the harbour. A storm reached the coast at night.\n");

        var line = PullRequestReport.Revision(Comparison.Compare([before, after]));

        Assert.Equal("**Revision:** 1 statement edited, 1 added, 1 removed, 1 moved; 2 unchanged.", line);
    }

    [Fact]
    public void Keeps_hostile_file_names_and_document_text_as_text_in_the_comment()
    {
        var hostile = Comparison.Compare(
        [
            Comparison.ReadFile(Repository.PathOf("tests/Compare.Core.Tests/Data/hostile/hostile-a.txt")) with { Path = "seeds/a/<img src=x onerror=alert(1)>.txt" },
            Comparison.ReadFile(Repository.PathOf("tests/Compare.Core.Tests/Data/hostile/hostile-b.txt")) with { Path = "seeds/a/@octocat #12 <!-- compare-report:v1 -->.txt" },
        ]);
        List<DocumentReport> documents =
        [
            new("seeds/a/@octocat #12 <!-- compare-report:v1 -->.txt", DocumentChange.Added, null, [new DocumentComparison("Compared with seeds/a/<img src=x onerror=alert(1)>.txt", hostile)], null),
            new("seeds/a/</details><script>x</script>.txt", DocumentChange.Renamed, "seeds/[x](javascript:alert(1)).txt", [], "Renamed without changes."),
        ];

        foreach (var comment in new[] { PullRequestReport.Comment(7, documents), PullRequestReport.Comment(7, documents, maxLength: 6000) })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(comment, "<!--"));
            Assert.DoesNotMatch(@"@[A-Za-z0-9]|#[0-9]|(?i)https?://", comment);
            RenderedHtml.AssertOnlyElements(CmarkGfm.Render(comment), CommentElements);
        }
    }

    /// <summary>The HTML elements GitHub makes of the comment's own Markdown.</summary>
    private static readonly HashSet<string> CommentElements =
        ["h2", "h3", "h4", "h5", "h6", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "blockquote", "del", "ins", "code", "details", "summary", "strong", "em"];
}
