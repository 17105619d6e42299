using Compare.Core;
using Compare.Tests.Shared;

namespace Compare.GitHub.Tests;

public sealed class PullRequestReportTests
{
    private static readonly ComparisonResult Seeds = Comparison.Compare(
        [Comparison.ReadFile(Repository.PathOf(Repository.SeedA)) with { Path = "seeds/karabakh/ministry.txt" },
         Comparison.ReadFile(Repository.PathOf(Repository.SeedB)) with { Path = "seeds/karabakh/news.txt" }]);

    private static readonly FullReportPlace InSummary = new("the job summary", new Uri("https://github.example/o/r/actions/runs/42"));

    /// <summary>A pull request that adds the news report to <paramref name="copies"/> event folders, each compared with the ministry's statement.</summary>
    private static List<FolderReport> Folders(int copies) =>
        [.. Enumerable.Range(0, copies).Select(i => new FolderReport(
            $"seeds/e{i}", [new ChangedDocument($"seeds/e{i}/news.txt", DocumentChange.Added)], [new DocumentComparison("Compared: A ministry.txt · B news.txt (this pull request)", Seeds)], 1, []))];

    private static int Count(string text, string what) => System.Text.RegularExpressions.Regex.Count(text, System.Text.RegularExpressions.Regex.Escape(what));

    [Fact]
    public void Keeps_the_whole_report_when_it_fits_a_comment()
    {
        var comment = PullRequestReport.Comment(7, Folders(1), InSummary);

        Assert.Equal(PullRequestReport.Full(7, Folders(1)), comment);
        Assert.DoesNotContain("not shown here", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("leaves out", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuts_unmatched_statements_and_same_wording_before_any_group_with_a_difference_and_says_where_the_rest_is()
    {
        var full = PullRequestReport.Full(7, Folders(6));
        Assert.True(full.Length > PullRequestReport.MaxCommentLength / 2, $"{full.Length}");

        var comment = PullRequestReport.Comment(7, Folders(6), InSummary, maxLength: PullRequestReport.MaxCommentLength / 2);

        Assert.True(comment.Length <= PullRequestReport.MaxCommentLength / 2, $"{comment.Length}");
        Assert.StartsWith(PullRequestReport.Marker, comment, StringComparison.Ordinal);
        var differing = Seeds.Alignments.Count(g => g.Differences.Count > 0 || g.SameValues.Count > 0 || g.Diff.Any(d => d.Operation != DiffOperation.Equal));
        foreach (var folder in Enumerable.Range(0, 6))
        {
            Assert.Contains($"<code>seeds/e{folder}/news.txt</code> (added)", comment, StringComparison.Ordinal);
        }

        // Every group with a difference of every comparison is there whole, or listed by its heading.
        var shown = System.Text.RegularExpressions.Regex.Count(comment, @"(?m)^###### \d+\. ");
        var listed = System.Text.RegularExpressions.Regex.Count(comment, @"(?m)^- \d+\\\. ");
        Assert.Equal(6 * differing, shown + listed);
        Assert.True(shown > 0);
        Assert.Contains("statements only in one source", comment, StringComparison.Ordinal);
        Assert.Contains("the full report is in [the job summary](https://github.example/o/r/actions/runs/42)", comment, StringComparison.Ordinal);

        // Unmatched statements go before any group with a difference does: none is listed while one is shown.
        if (listed > 0)
        {
            Assert.DoesNotMatch(@"(?m)^- <code>[^<]*:\d+:\d+</code>", comment);
        }
    }

    [Fact]
    public void The_comment_counts_every_aligned_group_of_a_comparison_however_much_it_cuts()
    {
        var comment = PullRequestReport.Comment(7, Folders(3), InSummary, maxLength: 12_000);

        Assert.Equal(3, Count(comment, $"**{Seeds.Alignments.Count} aligned groups**"));
        Assert.DoesNotContain("**0 aligned groups**", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuts_even_a_report_that_cannot_fit_and_says_so()
    {
        var comment = PullRequestReport.Comment(7, Folders(3), InSummary, maxLength: 2000);

        Assert.True(comment.Length <= 2000, $"{comment.Length}");
        Assert.EndsWith("the full report is in [the job summary](https://github.example/o/r/actions/runs/42).\n", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_job_summary_under_its_limit_in_bytes_and_says_what_it_cut()
    {
        // 120 copies of the seed comparison: about 1.9 MB, over GitHub's 1 MiB for a step summary.
        var folders = Folders(120);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(PullRequestReport.Full(7, folders)) > 1_048_576);

        var summary = PullRequestReport.Summary(7, folders, new FullReportPlace("the file the action's report-path output names", null));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(summary) <= PullRequestReport.MaxSummaryBytes, $"{summary.Length}");
        Assert.Contains("the full report is in the file the action's report-path output names", summary, StringComparison.Ordinal);
        Assert.Contains("seeds/e119/news.txt", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuts_a_summary_of_many_bytes_per_character_within_its_limit_in_bytes()
    {
        var wide = Comparison.Compare([new SourceInput("a.txt", "Т\n\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"Порт {i} закрыт до пятницы. "))), new SourceInput("b.txt", "Т\n\nПорт открыт.")]);
        var folders = new List<FolderReport> { new("seeds/e", [new ChangedDocument("seeds/e/a.txt", DocumentChange.Added)], [new DocumentComparison("Compared: A b.txt · B a.txt (this pull request)", wide)], 1, []) };

        var summary = PullRequestReport.Summary(7, folders, new FullReportPlace("the file the action's report-path output names", null), maxBytes: 3000);

        Assert.True(summary.Length < 3000 && System.Text.Encoding.UTF8.GetByteCount(summary) > summary.Length);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(summary) <= 3000, $"{System.Text.Encoding.UTF8.GetByteCount(summary)}");
        Assert.Contains("the full report is in the file the action's report-path output names", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_copied_document_with_where_it_was_copied_from()
    {
        var full = PullRequestReport.Full(7, [new FolderReport("seeds/e", [new ChangedDocument("seeds/e/copy.txt", DocumentChange.Copied, "seeds/e/news.txt") { Problem = "no other document in the folder to compare it with" }], [], 0, [])]);

        Assert.Contains("1 document: 1 copied.", full, StringComparison.Ordinal);
        Assert.Contains("- <code>seeds/e/copy.txt</code> (copied from <code>seeds/e/news.txt</code>): no other document in the folder to compare it with", full, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_report_lists_the_statements_that_changed_and_counts_the_rest()
    {
        var before = new SourceInput("a.txt (base)", "Title\n\nThe port closed on Monday. The mayor spoke at noon. Ships waited outside the harbour. The council met in the evening.\n");
        var after = new SourceInput("a.txt", "Title\n\nThe port closed on Tuesday. The mayor spoke at noon. Ships waited outside the harbour. The council met in the evening.\n");
        var folders = new List<FolderReport> { new("seeds/e", [new ChangedDocument("seeds/e/a.txt", DocumentChange.Modified)], [new DocumentComparison("Revision of a.txt: base abc1234 → head", Comparison.Compare([before, after]), IsRevision: true)], 0, []) };

        var full = PullRequestReport.Full(7, folders);

        Assert.Contains("**Revision:** 1 statement edited, 0 added, 0 removed, 0 moved; 4 unchanged.", full, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(full, @"(?m)^###### \d+\. "));
        Assert.DoesNotContain("Same wording", full, StringComparison.Ordinal);
        Assert.DoesNotContain("The mayor spoke at noon", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_no_watched_document_changed()
    {
        Assert.Equal(
            "<!-- compare-report:v1 tag=docs -->\n## Source comparison for pull request \\#\u200D7\n\nNo document under the watched paths changed in this pull request.\n",
            PullRequestReport.NothingChanged(7, "docs"));
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

    private static List<FolderReport> Mixed() =>
    [
        new("seeds/karabakh", [new ChangedDocument("seeds/karabakh/b.txt", DocumentChange.Renamed, "seeds/b.txt") { Unchanged = true }, new ChangedDocument("seeds/karabakh/news.txt", DocumentChange.Added)], [new DocumentComparison("Compared: A ministry.txt · B news.txt (this pull request)", Seeds)], 2, []),
        new("seeds/old", [new ChangedDocument("seeds/old/gone.txt", DocumentChange.Removed) { Unchanged = true }], [], 0, []),
        new("seeds/other", [new ChangedDocument("seeds/other/new.txt", DocumentChange.Added) { Problem = "no other document in the folder to compare it with" }], [], 0, []),
    ];

    [Fact]
    public void Comment_matches_the_golden_file() =>
        Snapshot.Verify(PullRequestReport.Comment(7, Mixed(), InSummary), "pr-comment", "md");

    [Fact]
    public void Comment_renders_on_GitHub_with_the_marker_hidden_and_no_mention_of_the_pull_request()
    {
        var html = CmarkGfm.Render(PullRequestReport.Comment(7, Mixed(), InSummary));

        Assert.StartsWith("<!-- compare-report:v1 -->", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Source comparison for pull request #\u200D7</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3><code>seeds/karabakh/</code></h3>", html, StringComparison.Ordinal);
        Assert.Contains("<li><code>seeds/karabakh/b.txt</code> (renamed from <code>seeds/b.txt</code>, without changes)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<del>must</del> <ins>were supposed to</ins>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_what_a_revision_edited_added_removed_and_moved()
    {
        var before = new SourceInput("a.txt (base)", "Title\n\nThe port closed on Monday. The mayor spoke at noon. Ships waited outside the harbour. The council met in the evening.\n");
        var after = new SourceInput("a.txt", "Title\n\nThe council met in the evening. The port closed on Tuesday. Ships waited outside the harbour. A storm reached the coast at night.\n");

        var line = PullRequestReport.Revision(Comparison.Compare([before, after]));

        Assert.Equal("**Revision:** 1 statement edited, 1 added, 1 removed, 1 moved; 3 unchanged.", line);
    }

    [Fact]
    public void Keeps_hostile_file_names_and_document_text_as_text_in_the_comment()
    {
        var hostile = Comparison.Compare(
        [
            Comparison.ReadFile(Repository.PathOf("tests/Compare.Core.Tests/Data/hostile/hostile-a.txt")) with { Path = "seeds/a/<img src=x onerror=alert(1)>.txt" },
            Comparison.ReadFile(Repository.PathOf("tests/Compare.Core.Tests/Data/hostile/hostile-b.txt")) with { Path = "seeds/a/@octocat #12 <!-- compare-report:v1 -->.txt" },
        ]);
        List<FolderReport> documents =
        [
            new("seeds/a", [new ChangedDocument("seeds/a/@octocat #12 <!-- compare-report:v1 -->.txt", DocumentChange.Added), new ChangedDocument("seeds/a/</details><script>x</script>.txt", DocumentChange.Renamed, "seeds/[x](javascript:alert(1)).txt") { Unchanged = true }, new ChangedDocument("seeds/a/\n\n## All documents agree\n\n<!--.txt", DocumentChange.Added) { Problem = "not compared: is a symbolic link (to x\n\n## All documents agree: no differences found\n\n<!--); only regular files of the checkout are read" }], [new DocumentComparison("Compared: A <img src=x onerror=alert(1)>.txt · B @octocat #12 <!-- compare-report:v1 -->.txt (this pull request)", hostile)], 1, ["seeds/a/GH-45 [y](https://evil.example).txt"]),
        ];

        foreach (var comment in new[] { PullRequestReport.Comment(7, documents, InSummary), PullRequestReport.Comment(7, documents, InSummary, maxLength: 6000) })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(comment, "<!--"));
            Assert.DoesNotMatch(@"@[A-Za-z0-9]|#[0-9]|(?i)https?://|(?i)\bgh-[0-9]", comment.Replace(InSummary.Link!.AbsoluteUri, string.Empty, StringComparison.Ordinal));
            var html = CmarkGfm.Render(comment);
            RenderedHtml.AssertOnlyElements(html, CommentElements, new HashSet<string> { InSummary.Link!.AbsoluteUri });
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h2>"));
            Assert.DoesNotContain("<h2>All documents agree", html, StringComparison.Ordinal);
        }
    }

    /// <summary>The HTML elements GitHub makes of the comment's own Markdown.</summary>
    private static readonly HashSet<string> CommentElements =
        ["h2", "h3", "h4", "h5", "h6", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "blockquote", "del", "ins", "code", "details", "summary", "strong", "em", "a"];
}
