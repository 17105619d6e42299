using System.Diagnostics;
using Compare.Core;
using Compare.Tests.Shared;

namespace Compare.GitHub.Tests;

/// <summary>The action against a fake GitHub server on 127.0.0.1 and a real git repository in a temporary folder.</summary>
public sealed class PullRequestActionTests : IAsyncLifetime
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("compare-pr-");
    private FakeGitHub _github = null!;
    private string _baseSha = string.Empty;

    private string SeedAText => File.ReadAllText(Repository.PathOf(Repository.SeedA));

    private string SeedBText => File.ReadAllText(Repository.PathOf(Repository.SeedB));

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync();
        Git("init", "-q", "-b", "main");
        Write("seeds/karabakh/ministry.txt", SeedAText);
        Write("seeds/old/gone.txt", "Old\n\nAn old statement about the harbour.\n");
        Write("README.md", "# Docs\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "base");
        _baseSha = Git("rev-parse", "HEAD").Trim();

        Write("seeds/karabakh/news.txt", SeedBText);
        Write("seeds/karabakh/ministry.txt", SeedAText.Replace("will be held on September 21, 2023", "will be held on September 22, 2023", StringComparison.Ordinal));
        File.Delete(Path.Combine(_workspace.FullName, "seeds/old/gone.txt"));
        Git("add", "-A");
        Git("commit", "-q", "-m", "head");

        _github.Files.AddRange([("README.md", "modified", null), ("seeds/karabakh/ministry.txt", "modified", null), ("seeds/karabakh/news.txt", "added", null), ("seeds/old/gone.txt", "removed", null)]);
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        foreach (var scratch in _workspace.Parent!.GetFiles(_workspace.Name + "-*"))
        {
            scratch.Delete();
        }

        _workspace.Delete(recursive: true);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_workspace.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _workspace.FullName, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", "user.name=t", "-c", "user.email=t@example.com", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    private PullRequestRun Run(string? summary = null, string? outputs = null) =>
        new("o", "r", 7, _baseSha, null, _github.ApiUrl, _workspace.FullName, "token")
        {
            StepSummary = summary,
            Outputs = outputs,
            ReportPath = Path.Combine(_workspace.FullName, "..", $"{_workspace.Name}-report.md"),
        };

    private static Task<PullRequestOutcome> Act(PullRequestRun run, StringWriter? log = null) =>
        PullRequestAction.RunAsync(run, log ?? new StringWriter(), _ => Task.CompletedTask);

    [Fact]
    public async Task Posts_one_comment_with_each_new_or_changed_document_compared_and_writes_the_summary_and_outputs()
    {
        var summary = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-summary.md");
        var outputs = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-outputs.txt");

        var outcome = await Act(Run(summary, outputs));

        Assert.Equal(0, outcome.ExitCode);
        var (id, comment) = Assert.Single(_github.Comments);
        Assert.Equal(id, outcome.CommentId);
        Assert.StartsWith(PullRequestReport.Marker, comment.Body, StringComparison.Ordinal);
        Assert.Equal(["seeds/karabakh/ministry.txt", "seeds/karabakh/news.txt", "seeds/old/gone.txt"], outcome.Documents);
        Assert.Contains("3 documents: 1 added, 1 modified, 1 removed.", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Revision: base", comment.Body, StringComparison.Ordinal);
        Assert.Contains("<del>21</del><ins>22</ins>", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Compared with seeds/karabakh/ministry.txt", comment.Body, StringComparison.Ordinal);
        Assert.Contains("<del>must</del><ins>were supposed to</ins>", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("README", comment.Body, StringComparison.Ordinal);
        Assert.Equal(comment.Body + "\n", File.ReadAllText(summary));

        var lines = File.ReadAllLines(outputs);
        Assert.Contains($"comment-id={id}", lines);
        var start = Array.FindIndex(lines, l => l.StartsWith("documents<<", StringComparison.Ordinal));
        var delimiter = lines[start]["documents<<".Length..];
        Assert.Equal(["seeds/karabakh/ministry.txt", "seeds/karabakh/news.txt", "seeds/old/gone.txt", delimiter], lines[(start + 1)..(start + 5)]);
        Assert.Contains(lines, l => l.StartsWith("differences=", StringComparison.Ordinal) && l != "differences=0");
    }

    [Fact]
    public async Task Updates_its_comment_in_place_and_leaves_it_alone_when_nothing_changed()
    {
        var first = await Act(Run());
        Write("seeds/karabakh/news.txt", SeedBText.Replace("140", "150", StringComparison.Ordinal) + "\nA new closing statement about the harbour.\n");
        var second = await Act(Run());
        var third = await Act(Run());

        Assert.Equal(first.CommentId, second.CommentId);
        Assert.Equal(second.CommentId, third.CommentId);
        Assert.Single(_github.Comments);
        Assert.Contains("A new closing statement about the harbour.", _github.Comments.Single().Value.Body, StringComparison.Ordinal);
        Assert.Single(_github.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
        Assert.Single(_github.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Never_edits_another_persons_comment_that_quotes_the_marker()
    {
        _github.Comments[1] = ("mallory", PullRequestReport.Marker + "\nI copied the marker.");

        var outcome = await Act(Run());

        Assert.Equal(PullRequestReport.Marker + "\nI copied the marker.", _github.Comments[1].Body);
        Assert.Equal(2, _github.Comments.Count);
        Assert.NotEqual(1, outcome.CommentId);
        Assert.DoesNotContain(_github.Requests, r => r == "PATCH /api/v3/repos/o/r/issues/comments/1");
    }

    [Fact]
    public async Task Finds_its_comment_as_github_actions_bot_when_the_token_cannot_ask_who_it_is()
    {
        _github.Login = null;
        _github.Comments[5] = ("github-actions[bot]", PullRequestReport.Marker + "\nold report");

        var outcome = await Act(Run());

        Assert.Equal(5, outcome.CommentId);
        Assert.Single(_github.Comments);
    }

    [Fact]
    public async Task Reads_every_page_of_the_pull_requests_files()
    {
        _github.Files.InsertRange(0, Enumerable.Range(0, 230).Select(i => ($"docs/page-{i:000}.md", "added", (string?)null)));

        var outcome = await Act(Run());

        Assert.Equal(3, outcome.Documents.Count);
        Assert.Equal(3, _github.Requests.Count(r => r.EndsWith("/pulls/7/files", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Warns_and_succeeds_with_the_report_in_the_summary_when_a_forks_token_cannot_comment()
    {
        _github.ReadOnlyToken = true;
        var summary = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-summary.md");
        var log = new StringWriter();

        var outcome = await Act(Run(summary) with { HeadRepository = "someone/r" }, log);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Null(outcome.CommentId);
        Assert.Empty(_github.Comments);
        Assert.StartsWith("::warning::compare: cannot comment on the pull request (Resource not accessible by integration) (a pull request from someone/r: its token is read-only); the report is in the job summary", log.ToString(), StringComparison.Ordinal);
        Assert.Contains(PullRequestReport.Marker, File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_after_a_rate_limit_and_then_reports()
    {
        _github.RateLimitedListings = 2;
        var waits = new List<TimeSpan>();

        var outcome = await PullRequestAction.RunAsync(Run(), new StringWriter(), wait => { waits.Add(wait); return Task.CompletedTask; });

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], waits);
        Assert.Single(_github.Comments);
    }

    [Fact]
    public async Task Exits_non_zero_only_when_github_is_down_and_nothing_could_be_reported()
    {
        _github.Down = true;
        var log = new StringWriter();

        var outcome = await Act(Run(), log);

        Assert.Equal(69, outcome.ExitCode);
        Assert.Contains("::error::compare: cannot list the pull request's files: 502", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, _github.Requests.Count(r => r.EndsWith("/files", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fails_the_step_when_a_difference_of_a_fail_on_kind_is_found()
    {
        var outcome = await Act(Run() with { FailOn = DifferenceKinds.Parse("hedge") });

        Assert.Equal(1, outcome.ExitCode);
        Assert.Single(_github.Comments);
    }

    [Fact]
    public async Task Reads_the_base_version_from_the_contents_api_when_git_does_not_have_it()
    {
        _github.Contents[("abc1234", "seeds/karabakh/ministry.txt")] = SeedAText.Replace("Yevlakh", "Barda", StringComparison.Ordinal);

        await Act(Run() with { BaseSha = "abc1234" });

        Assert.Contains(_github.Requests, r => r == "GET /api/v3/repos/o/r/contents/seeds/karabakh/ministry.txt");
        Assert.Contains("<del>Barda</del><ins>Yevlakh</ins>", _github.Comments.Single().Value.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_out_a_binary_file_among_the_documents_and_a_binary_base_version_instead_of_failing()
    {
        File.WriteAllBytes(Path.Combine(_workspace.FullName, "seeds/karabakh/photo.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        _github.Contents[("abc1234", "seeds/karabakh/ministry.txt")] = "PNG\0\u0001 not a document";

        var outcome = await Act(Run() with { BaseSha = "abc1234" });

        Assert.Equal(0, outcome.ExitCode);
        var body = _github.Comments.Single().Value.Body;
        Assert.Contains("Compared with seeds/karabakh/news.txt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("photo.txt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Revision: base", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_pr_reads_the_actions_environment_and_posts_the_report()
    {
        var scratch = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-env");
        Directory.CreateDirectory(scratch);
        var eventPath = Path.Combine(scratch, "event.json");
        File.WriteAllText(eventPath, $$"""{ "pull_request": { "number": 7, "base": { "sha": "{{_baseSha}}" }, "head": { "sha": "h", "repo": { "full_name": "o/r" } } } }""");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_PATH"] = eventPath, ["GITHUB_REPOSITORY"] = "o/r", ["GITHUB_API_URL"] = _github.ApiUrl.ToString(),
            ["GITHUB_WORKSPACE"] = _workspace.FullName, ["GITHUB_TOKEN"] = "t",
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(scratch, "summary.md"), ["GITHUB_OUTPUT"] = Path.Combine(scratch, "outputs.txt"),
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Task.Run(() => Compare.Cli.CompareCli.Run(
            ["pr", "--paths", "seeds/**", "-o", Path.Combine(scratch, "report.md")],
            new Compare.Cli.CliContext(output, error, false, environment.GetValueOrDefault)));

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(0, exit);
        var comment = Assert.Single(_github.Comments).Value.Body;
        Assert.Equal(comment, File.ReadAllText(Path.Combine(scratch, "report.md")));
        Assert.Contains(PullRequestReport.Marker, File.ReadAllText(Path.Combine(scratch, "summary.md")), StringComparison.Ordinal);
        Assert.Contains("comment-url=https://github.example/o/r/pull/1#issuecomment-", File.ReadAllText(Path.Combine(scratch, "outputs.txt")), StringComparison.Ordinal);
        Assert.Contains("compare: 3 documents", output.ToString(), StringComparison.Ordinal);
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public async Task Compares_a_document_outside_any_event_folder_with_the_most_similar_documents_and_says_when_nothing_is_related()
    {
        Write("seeds/loose-news.txt", SeedBText);
        Write("seeds/unrelated.txt", "Weather\n\nRain is expected over the northern hills on Friday, with snow above 2,000 metres.\n");
        _github.Files.Clear();
        _github.Files.AddRange([("seeds/loose-news.txt", "added", null), ("seeds/unrelated.txt", "added", null)]);

        await Act(Run());

        var body = _github.Comments.Single().Value.Body;
        var loose = body[body.IndexOf("<code>seeds/loose-news.txt</code> (added)", StringComparison.Ordinal)..body.IndexOf("<code>seeds/unrelated.txt</code>", StringComparison.Ordinal)];
        Assert.Contains("Compared with seeds/karabakh/ministry.txt", loose, StringComparison.Ordinal);
        Assert.DoesNotContain("Compared with seeds/unrelated.txt", loose, StringComparison.Ordinal);
        Assert.Contains("<code>seeds/unrelated.txt</code> (added)\n\nNo related document in the repository to compare it with.", body, StringComparison.Ordinal);
    }
}
