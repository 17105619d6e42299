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

    private void Link(string path, string target)
    {
        var full = Path.Combine(_workspace.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
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
        Assert.Contains("#### Revision of ministry.txt: base ", comment.Body, StringComparison.Ordinal);
        Assert.Contains("<del>21</del> <ins>22</ins>", comment.Body, StringComparison.Ordinal);
        Assert.Contains("#### Compared: A ministry.txt · B news.txt\n", comment.Body, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(comment.Body, "#### Compared: "));
        Assert.Contains("<del>must</del> <ins>were supposed to</ins>", comment.Body, StringComparison.Ordinal);
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
    public async Task Names_itself_to_github_with_the_version_set_in_the_build_props()
    {
        var declared = System.Xml.Linq.XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;

        await Act(Run());

        Assert.NotEmpty(_github.UserAgents);
        Assert.All(_github.UserAgents, agent => Assert.StartsWith($"compare/{declared} ", agent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keeps_one_comment_per_tag_beside_the_untagged_one()
    {
        var untagged = await Act(Run());
        var docs = await Act(Run() with { CommentTag = "docs" });
        var wires = await Act(Run() with { CommentTag = "wires" });
        var docsAgain = await Act(Run() with { CommentTag = "docs" });

        Assert.Equal(3, _github.Comments.Count);
        Assert.Equal(docs.CommentId, docsAgain.CommentId);
        Assert.Equal(3, new[] { untagged.CommentId, docs.CommentId, wires.CommentId }.Distinct().Count());
        Assert.StartsWith(PullRequestReport.Marker + "\n", _github.Comments[untagged.CommentId!.Value].Body, StringComparison.Ordinal);
        Assert.StartsWith("<!-- compare-report:v1 tag=docs -->\n", _github.Comments[docs.CommentId!.Value].Body, StringComparison.Ordinal);
        Assert.StartsWith("<!-- compare-report:v1 tag=wires -->\n", _github.Comments[wires.CommentId!.Value].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_comment_tag_an_html_comment_cannot_carry()
    {
        var refused = await Assert.ThrowsAsync<InputException>(() => Act(Run() with { CommentTag = "a -->b" }));

        Assert.Contains("comment tag", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_github.Comments);
    }

    [Fact]
    public async Task Reads_the_base_commit_from_the_pull_request_when_the_event_does_not_give_it()
    {
        _github.BaseSha = _baseSha;

        var outcome = await Act(Run() with { BaseSha = null });

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Revision of ministry.txt: base", _github.Comments.Single().Value.Body, StringComparison.Ordinal);
        Assert.Contains(_github.Requests, r => r == "GET /api/v3/repos/o/r/pulls/7");
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
        (_github.Token, _github.Login) = (TokenKind.Actions, "github-actions[bot]");
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
    public async Task Keeps_one_comment_across_runs_with_a_github_app_token_that_cannot_ask_for_its_user()
    {
        (_github.Token, _github.Login) = (TokenKind.App, "my-app[bot]");

        var runs = new[] { await Act(Run()), await Act(Run()), await Act(Run()) };

        var (id, comment) = Assert.Single(_github.Comments);
        Assert.Equal("my-app[bot]", comment.Login);
        Assert.All(runs, r => Assert.Equal(id, r.CommentId));
        Assert.Contains("POST /api/graphql", _github.Requests);
    }

    [Fact]
    public async Task Updates_the_comment_of_the_author_it_is_given_without_asking_github_who_the_token_is()
    {
        (_github.Token, _github.Login) = (TokenKind.Actions, "my-app[bot]");
        _github.Comments[5] = ("my-app[bot]", PullRequestReport.Marker + "\nold report");

        var outcome = await Act(Run() with { CommentAuthor = "my-app[bot]" });

        Assert.Equal(5, outcome.CommentId);
        Assert.Single(_github.Comments);
        Assert.DoesNotContain("GET /api/v3/user", _github.Requests);
    }

    public static TheoryData<Failure, int> RateLimits => new()
    {
        { Failure.Primary403, 91 }, // until x-ratelimit-reset (90 s away), and a second more
        { Failure.Primary429, 91 },
        { Failure.SecondaryWithRetryAfter, 30 }, // retry-after
        { Failure.Secondary, 60 }, // at least a minute
        { Failure.Secondary429, 60 },
        { Failure.ServerError, 1 },
    };

    [Theory]
    [MemberData(nameof(RateLimits))]
    public async Task Waits_as_long_as_github_asks_after_a_limit_or_an_error_and_then_reports(Failure failure, int seconds)
    {
        _github.Reset = DateTimeOffset.UtcNow.AddSeconds(90);
        _github.ListingFailures.Enqueue(failure);
        var waits = new List<TimeSpan>();

        var outcome = await PullRequestAction.RunAsync(Run(), new StringWriter(), wait => { waits.Add(wait); return Task.CompletedTask; });

        Assert.Equal(0, outcome.ExitCode);
        var wait = Assert.Single(waits);
        Assert.InRange(wait.TotalSeconds, seconds - 3, seconds);
        Assert.Single(_github.Comments);
    }

    [Fact]
    public async Task Waits_at_least_a_minute_and_then_twice_as_long_after_repeated_secondary_limits()
    {
        _github.ListingFailures.Enqueue(Failure.Secondary);
        _github.ListingFailures.Enqueue(Failure.Secondary);
        _github.ListingFailures.Enqueue(Failure.Secondary);
        var waits = new List<TimeSpan>();

        await PullRequestAction.RunAsync(Run(), new StringWriter(), wait => { waits.Add(wait); return Task.CompletedTask; });

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], waits);
    }

    [Fact]
    public async Task Gives_up_without_waiting_when_the_rate_limit_resets_after_the_budget_for_waits()
    {
        _github.Reset = DateTimeOffset.UtcNow.AddMinutes(50);
        _github.ListingFailures.Enqueue(Failure.Primary403);
        var waits = new List<TimeSpan>();
        var log = new StringWriter();

        var outcome = await PullRequestAction.RunAsync(Run(), log, wait => { waits.Add(wait); return Task.CompletedTask; });

        Assert.Equal(69, outcome.ExitCode);
        Assert.Empty(waits);
        Assert.Contains("GitHub's rate limit is used up (403) until", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("would pass the 15-minute budget for waits", log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Failure.BadCredentials, "GitHub refused the token (401 Bad credentials)")]
    [InlineData(Failure.Forbidden, "the token may not (Resource not accessible by personal access token)")]
    public async Task Stops_with_the_cause_when_github_refuses_the_token(Failure failure, string cause)
    {
        _github.ListingFailures.Enqueue(failure);

        var error = await Assert.ThrowsAsync<InputException>(() => Act(Run()));

        Assert.StartsWith("cannot list the files of pull request o/r#7: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(cause, error.Message, StringComparison.Ordinal);
        Assert.Single(_github.Requests, r => r.EndsWith("/files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stops_with_the_cause_when_the_repository_or_pull_request_is_not_there()
    {
        var error = await Assert.ThrowsAsync<InputException>(() => Act(Run() with { Name = "typo" }));

        Assert.Equal(
            "cannot list the files of pull request o/typo#7: GitHub does not know it (404): check the repository o/typo, the pull request number, and that the token can read them",
            error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Posts_one_comment_when_github_answers_a_comment_write_with_502(bool madeAllTheSame)
    {
        (_github.FailingCreates, _github.CreatesBeforeFailing) = (1, madeAllTheSame);

        var outcome = await Act(Run());

        var (id, _) = Assert.Single(_github.Comments);
        Assert.Equal(id, outcome.CommentId);
    }

    [Fact]
    public async Task Warns_when_github_lists_only_the_first_3000_files_of_a_pull_request()
    {
        _github.Files.InsertRange(0, Enumerable.Range(0, 3100).Select(i => ($"docs/page-{i:0000}.md", "added", (string?)null)));
        var log = new StringWriter();

        await Act(Run(), log);

        Assert.Contains("::warning::compare: GitHub lists only the first 3,000 files of a pull request; documents changed beyond them are not compared", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_copied_document_and_leaves_out_one_github_lists_as_unchanged()
    {
        Write("seeds/karabakh/copy.txt", SeedBText);
        Write("seeds/karabakh/same.txt", SeedAText);
        _github.Files.Clear();
        _github.Files.AddRange([("seeds/karabakh/copy.txt", "copied", "seeds/karabakh/news.txt"), ("seeds/karabakh/same.txt", "unchanged", null)]);

        var outcome = await Act(Run());

        Assert.Equal(["seeds/karabakh/copy.txt"], outcome.Documents);
        var body = _github.Comments.Single().Value.Body;
        Assert.Contains("(copied from <code>seeds/karabakh/news.txt</code>)", body, StringComparison.Ordinal);
        Assert.Contains("#### Compared: A ministry.txt · B news.txt · C same.txt · D copy.txt (D is this pull request’s)", body, StringComparison.Ordinal);
        Assert.Contains("| **A** | <code>seeds/karabakh/ministry.txt</code> |", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_document_added_to_a_folder_of_four_in_one_comparison_of_all_of_them()
    {
        Write("seeds/karabakh/agency.txt", "Agency wire\n\nAn agreement was reached on a complete ceasefire on September 20, 2023, the ministry said.\n\nThe formations must lay down their weapons and withdraw from their combat positions.\n");
        Write("seeds/karabakh/radio.txt", "Radio bulletin\n\nA ceasefire agreement was reportedly reached on September 20, 2023.\n\nFarmers in the valley began the grape harvest.\n");
        Write("seeds/karabakh/briefing.txt", "Briefing\n\nAn agreement was reached on a complete ceasefire on September 21, 2023.\n\nThe armed formations must lay down their weapons, the ministry said.\n");
        _github.Files.Clear();
        _github.Files.Add(("seeds/karabakh/briefing.txt", "added", null));

        await Act(Run());

        var body = _github.Comments.Single().Value.Body;
        var section = body[body.IndexOf("<code>seeds/karabakh/briefing.txt</code> (added)", StringComparison.Ordinal)..];
        Assert.Single(section.Split("#### Compared: ")[1..]);
        Assert.Contains("#### Compared: A agency.txt · B ministry.txt · C news.txt · D radio.txt · E briefing.txt (E is this pull request’s)", section, StringComparison.Ordinal);
        Assert.Contains("##### Claims across sources", section, StringComparison.Ordinal);
        Assert.Contains("| # | Claim | A | B | C | D | E | Differences |", section, StringComparison.Ordinal);
        Assert.Matches(@"\*\*Conflicting values:\*\* [A-D, ]+: September 2\d, 2023 · [A-E, ]+: September 2\d, 2023", section);
    }

    [Fact]
    public async Task Never_reads_a_document_that_is_a_symbolic_link_or_lies_behind_one()
    {
        Git("config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic c2VjcmV0LXRva2Vu");
        Link("seeds/karabakh/notes.txt", "../../.git/config");
        Link("seeds/karabakh/passwd.txt", "/etc/passwd");
        Link("seeds/etc", "/etc");
        Link("seeds/karabakh/related.txt", "../../.git/config"); // not in the pull request, but in the event folder
        _github.Files.AddRange([("seeds/karabakh/notes.txt", "added", null), ("seeds/karabakh/passwd.txt", "added", null), ("seeds/etc/hostname", "added", null)]);
        var summary = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-summary.md");

        await Act(Run(summary));

        var body = _github.Comments.Single().Value.Body;
        foreach (var text in new[] { body, File.ReadAllText(summary) })
        {
            Assert.DoesNotContain("c2VjcmV0LXRva2Vu", text, StringComparison.Ordinal);
            Assert.DoesNotContain("extraheader", text, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("related.txt", text, StringComparison.Ordinal);
        }

        Assert.Contains("- <code>seeds/karabakh/notes.txt</code> (added): not compared: is a symbolic link (to ../../.git/config); only regular files of the checkout are read", body, StringComparison.Ordinal);
        Assert.Contains("- <code>seeds/karabakh/passwd.txt</code> (added): not compared: is a symbolic link (to /etc/passwd)", body, StringComparison.Ordinal);
        Assert.Contains("- <code>seeds/etc/hostname</code> (added): not compared: is inside seeds/etc, a symbolic link (to /etc)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compares_a_document_with_the_most_similar_of_a_large_event_folder_and_names_the_others()
    {
        for (var i = 0; i < 7; i++)
        {
            Write($"seeds/karabakh/wire-{i}.txt", $"Wire {i}\n\nStatement number {i} about the harbour of town {i}.\n");
        }

        _github.Files.Clear();
        _github.Files.Add(("seeds/karabakh/news.txt", "added", null));

        await Act(Run());

        var body = _github.Comments.Single().Value.Body;
        Assert.Matches(@"#### Compared: A [a-z0-9-]+\.txt( · [B-E] [a-z0-9-]+\.txt){4} · F news\.txt \(F is this pull request’s\)", body);
        Assert.Contains("| <code>seeds/karabakh/ministry.txt</code> |", body, StringComparison.Ordinal);
        Assert.Single(body.Split("#### Compared: ")[1..]);
        Assert.Contains($"Compared with the {PullRequestAction.MaxRelated} most similar of the 8 other documents of the folder; not compared: <code>seeds/karabakh/wire-", body, StringComparison.Ordinal);
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
        Assert.Contains("<del>Barda</del> <ins>Yevlakh</ins>", _github.Comments.Single().Value.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_out_a_binary_file_among_the_documents_and_a_binary_base_version_instead_of_failing()
    {
        File.WriteAllBytes(Path.Combine(_workspace.FullName, "seeds/karabakh/photo.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        _github.Contents[("abc1234", "seeds/karabakh/ministry.txt")] = "PNG\0\u0001 not a document";

        var outcome = await Act(Run() with { BaseSha = "abc1234" });

        Assert.Equal(0, outcome.ExitCode);
        var body = _github.Comments.Single().Value.Body;
        Assert.Contains("#### Compared: A ministry.txt · B news.txt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("photo.txt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Revision of", body, StringComparison.Ordinal);
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

        var (exit, output, error) = await Cli(environment, "pr", "--paths", "seeds/**", "-o", Path.Combine(scratch, "report.md"));

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        var comment = Assert.Single(_github.Comments).Value.Body;
        Assert.Equal(comment, File.ReadAllText(Path.Combine(scratch, "report.md")));
        Assert.Contains(PullRequestReport.Marker, File.ReadAllText(Path.Combine(scratch, "summary.md")), StringComparison.Ordinal);
        Assert.Contains("comment-url=https://github.example/o/r/pull/1#issuecomment-", File.ReadAllText(Path.Combine(scratch, "outputs.txt")), StringComparison.Ordinal);
        Assert.Contains("compare: 3 documents", output, StringComparison.Ordinal);
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public async Task Compare_pr_says_nothing_was_reported_when_github_cannot_be_reached()
    {
        _github.Down = true;

        var (exit, output, _) = await Cli(ByHand, "pr", "--repo", "o/r", "--pr", "7");

        Assert.Equal(69, exit);
        Assert.EndsWith("::error::compare: cannot list the pull request's files: 502 Bad gateway\ncompare: nothing reported: GitHub could not be reached\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_pr_exits_with_2_and_one_line_when_the_pull_request_is_not_there()
    {
        var (exit, _, error) = await Cli(ByHand, "pr", "--repo", "o/r", "--pr", "8");

        Assert.Equal(2, exit);
        Assert.Equal("compare: cannot read pull request o/r#8: GitHub does not know it (404): check the repository o/r, the pull request number, and that the token can read them\n", error);
    }

    /// <summary>The environment of a run by hand: the fake server, the workspace and a token.</summary>
    private Dictionary<string, string> ByHand => new() { ["GITHUB_API_URL"] = _github.ApiUrl.ToString(), ["GITHUB_WORKSPACE"] = _workspace.FullName, ["GITHUB_TOKEN"] = "t" };

    /// <summary>Runs the command line in-process, with waits that do not wait.</summary>
    private static async Task<(int Exit, string Output, string Error)> Cli(Dictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new Compare.Cli.CliContext(output, error, false, environment.GetValueOrDefault) { Delay = _ => Task.CompletedTask };
        var exit = await Task.Run(() => Compare.Cli.CompareCli.Run(args, context));
        return (exit, output.ToString(), error.ToString());
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
        Assert.Contains("### Across the repository\n\n- <code>seeds/loose-news.txt</code> (added)\n- <code>seeds/unrelated.txt</code> (added): no related document in the repository to compare it with\n", body, StringComparison.Ordinal);
        Assert.Contains("#### Compared: A ministry.txt · B news.txt · C loose-news.txt (C is this pull request’s)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("unrelated.txt |", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creates_no_comment_when_no_watched_document_changed_and_tells_an_existing_one_so()
    {
        _github.Files.Clear();
        _github.Files.Add(("README.md", "modified", null));
        var outputs = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-outputs.txt");

        var none = await Act(Run(outputs: outputs));

        Assert.Equal(0, none.ExitCode);
        Assert.Empty(_github.Comments);
        Assert.DoesNotContain(_github.Requests, r => r.StartsWith("POST /api/v3/repos/o/r/issues/7/comments", StringComparison.Ordinal));
        Assert.Contains("comment-id=\n", File.ReadAllText(outputs), StringComparison.Ordinal);

        // A report from an earlier push that changed documents: it is updated to say none changes now.
        _github.Comments[9] = ("compare-bot", PullRequestReport.Marker + "\nan earlier report");
        var updated = await Act(Run());

        Assert.Equal(9, updated.CommentId);
        Assert.Equal(PullRequestReport.NothingChanged(7, null), _github.Comments[9].Body);
    }

    [Fact]
    public async Task Writes_the_summary_and_outputs_and_succeeds_when_github_answers_a_comment_with_garbage()
    {
        _github.GarbledCreate = true;
        var summary = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-summary.md");
        var outputs = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-outputs.txt");
        var log = new StringWriter();

        var outcome = await Act(Run(summary, outputs), log);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("::warning::compare: cannot comment on the pull request: GitHub's answer was not the JSON it documents", log.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(PullRequestReport.Marker, File.ReadAllText(summary), StringComparison.Ordinal);
        Assert.Contains("documents<<", File.ReadAllText(outputs), StringComparison.Ordinal);
        Assert.Single(_github.Comments); // made once, never twice
    }

    [Fact]
    public async Task Tries_again_and_exits_69_with_the_outputs_written_when_github_does_not_answer_in_time()
    {
        _github.ListingDelay = TimeSpan.FromSeconds(5);
        var outputs = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-outputs.txt");
        var log = new StringWriter();

        var outcome = await Act(Run(outputs: outputs) with { RequestTimeout = TimeSpan.FromMilliseconds(200) }, log);

        Assert.Equal(69, outcome.ExitCode);
        Assert.Equal(4, _github.Requests.Count(r => r.EndsWith("/files", StringComparison.Ordinal)));
        Assert.Contains("GitHub did not answer in time; trying again in 1 s (attempt 2)", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("::error::compare: cannot list the pull request's files: cannot list the files of pull request o/r#7: GitHub did not answer in time", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("differences=0", File.ReadAllText(outputs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tries_again_and_exits_69_when_github_answers_with_what_is_not_json()
    {
        _github.GarbledListing = true;
        var log = new StringWriter();

        var outcome = await Act(Run(), log);

        Assert.Equal(69, outcome.ExitCode);
        Assert.Equal(4, _github.Requests.Count(r => r.EndsWith("/files", StringComparison.Ordinal)));
        Assert.Contains("GitHub's answer was not the JSON it documents", log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("253402300800")]
    public async Task Waits_a_minute_when_the_rate_limit_reset_is_past_any_date(string reset)
    {
        _github.ResetHeader = reset;
        _github.ListingFailures.Enqueue(Failure.Primary403);
        var waits = new List<TimeSpan>();

        var outcome = await PullRequestAction.RunAsync(Run(), new StringWriter(), wait => { waits.Add(wait); return Task.CompletedTask; });

        Assert.Equal(0, outcome.ExitCode);
        Assert.InRange(Assert.Single(waits).TotalSeconds, 58, 61);
    }

    [Fact]
    public async Task Comments_within_the_limit_on_a_pull_request_that_removes_thousands_of_documents()
    {
        _github.Files.Clear();
        _github.Files.AddRange(Enumerable.Range(0, 2500).Select(i => ($"seeds/archive-{i % 40}/a-rather-long-document-name-for-an-old-report-{i:0000}.txt", "removed", (string?)null)));

        var outcome = await Act(Run());

        Assert.Equal(0, outcome.ExitCode);
        var body = _github.Comments.Single().Value.Body;
        Assert.True(body.Length <= PullRequestReport.MaxCommentLength, $"{body.Length}");
        Assert.Contains("2500 documents: 2500 removed.", body, StringComparison.Ordinal);
        Assert.EndsWith("the full report is in the report file.\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_hostile_file_names_and_link_targets_as_text_in_the_comment_and_the_summary()
    {
        Link("seeds/karabakh/forged.txt", "x\n\n## All documents agree: no differences found\n\n<!--");
        Link("seeds/karabakh/image.txt", "<img src=x onerror=alert(1)> [click](https://evil.example) @octocat GH-45 #12");
        Write("seeds/karabakh/<img src=y> @octocat [x](https://evil.example) GH-46.txt", SeedBText);
        _github.Files.Clear();
        _github.Files.AddRange([("seeds/karabakh/forged.txt", "added", null), ("seeds/karabakh/image.txt", "added", null), ("seeds/karabakh/<img src=y> @octocat [x](https://evil.example) GH-46.txt", "added", null)]);
        var summary = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-summary.md");

        await Act(Run(summary));

        foreach (var text in new[] { _github.Comments.Single().Value.Body, File.ReadAllText(summary) })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "<!--"));
            Assert.DoesNotMatch(@"@[A-Za-z0-9]|#[0-9]|(?i)https?://|(?i)\bgh-[0-9]", text);
            Assert.DoesNotContain(_workspace.FullName, text, StringComparison.Ordinal);
            var html = CmarkGfm.Render(text);
            RenderedHtml.AssertOnlyElements(html, new HashSet<string> { "h2", "h3", "h4", "h5", "h6", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "blockquote", "del", "ins", "code", "details", "summary", "strong", "em" });
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h2>"));
            Assert.Contains("All documents agree: no differences found", html, StringComparison.Ordinal); // as text in the reason
        }
    }

    [Fact]
    public async Task Names_an_oversized_document_by_its_path_in_the_repository_never_the_runners()
    {
        Write("seeds/karabakh/huge.txt", "Huge\n\n" + string.Concat(Enumerable.Repeat("The harbour stayed closed. ", 200)));
        _github.Files.Clear();
        _github.Files.Add(("seeds/karabakh/huge.txt", "added", null));

        await Act(Run() with { Options = CompareOptions.Default with { MaxDocumentBytes = 1000 } });

        var body = _github.Comments.Single().Value.Body;
        Assert.Contains("- <code>seeds/karabakh/huge.txt</code> (added): not compared: ", body, StringComparison.Ordinal);
        Assert.Contains("over the limit of 1000 bytes", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_workspace.FullName, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_a_glob_of_many_stars_against_long_names_without_backtracking()
    {
        _github.Files.Clear();
        _github.Files.AddRange(Enumerable.Range(0, 200).Select(i => ($"seeds/{new string('a', 3000)}{i}.txt", "removed", (string?)null)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await Act(Run() with { Paths = "seeds/" + string.Concat(Enumerable.Repeat("*a", 40)) + "*b" });

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.Documents);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed}");
    }

    [Theory]
    [InlineData("""{ "pull_request": { "number": "seven", "base": { "sha": "b" }, "head": { "sha": "h" } } }""", "not a readable pull_request event")]
    [InlineData("""{ "pull_request": { "number": 1e30, "base": { "sha": "b" }, "head": { "sha": "h" } } }""", "not a readable pull_request event")]
    public async Task Compare_pr_exits_with_2_and_one_line_on_an_event_it_cannot_read(string json, string cause)
    {
        var eventPath = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-event.json");
        File.WriteAllText(eventPath, json);

        var (exit, _, error) = await Cli(new(ByHand) { ["GITHUB_EVENT_PATH"] = eventPath, ["GITHUB_REPOSITORY"] = "o/r" }, "pr");

        Assert.Equal(2, exit);
        Assert.Contains(cause, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("report")]
    [InlineData("html")]
    [InlineData("glob")]
    public async Task Compare_pr_refuses_a_setting_that_cannot_work_before_asking_github(string what)
    {
        var file = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-file.txt");
        File.WriteAllText(file, "x");
        var environment = new Dictionary<string, string>(ByHand);
        string[] args = what switch
        {
            "ftp" => ["pr", "--repo", "o/r", "--pr", "7"],
            "report" => ["pr", "--repo", "o/r", "--pr", "7", "-o", Path.Combine(_workspace.FullName, "no-such-folder", "report.md")],
            "html" => ["pr", "--repo", "o/r", "--pr", "7", "--html-dir", file],
            _ => ["pr", "--repo", "o/r", "--pr", "7", "--paths", ""],
        };
        if (what == "ftp")
        {
            environment["GITHUB_API_URL"] = "ftp://github.example/api/v3";
        }

        var (exit, _, error) = await Cli(environment, args);

        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("compare: ", error, StringComparison.Ordinal);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task Refuses_a_pull_request_number_whose_head_is_not_the_one_a_workflow_run_checked_out()
    {
        (_github.BaseSha, _github.HeadSha) = (_baseSha, "0123abc");

        var refused = await Assert.ThrowsAsync<InputException>(() => Act(Run() with { BaseSha = null, HeadSha = "fedcba9" }));
        var accepted = await Act(Run() with { BaseSha = null, HeadSha = "0123ABC" });

        Assert.Equal("pull request o/r#7 is at 0123abc, not at the head this run checked out (fedcba9): check the pr-number input", refused.Message);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Single(_github.Comments);
    }

    [Fact]
    public void Reads_the_head_a_workflow_run_checked_out_from_its_event()
    {
        var eventPath = Path.Combine(_workspace.FullName, "..", _workspace.Name + "-run.json");
        File.WriteAllText(eventPath, """{ "workflow_run": { "id": 99, "event": "pull_request", "head_sha": "0123abc" } }""");

        var run = PullRequestRun.FromEnvironment(new Dictionary<string, string> { ["GITHUB_EVENT_PATH"] = eventPath, ["GITHUB_REPOSITORY"] = "o/r" }.GetValueOrDefault, number: 7);

        Assert.Equal(("0123abc", null, 7), (run.HeadSha, run.BaseSha, run.Number));
    }
}
