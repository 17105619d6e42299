namespace Compare.GitHub.Tests;

/// <summary>
/// The action as a runner runs it, built once for all these tests by its own cold-run step: on Linux x64 the
/// native executable users run, against the fake GitHub API with each kind of token a workflow can give it.
/// </summary>
public sealed class NativeAction : IAsyncLifetime
{
    internal ActionStore Store { get; } = new(Directory.CreateTempSubdirectory("compare-action-store-").FullName);

    /// <summary>The first run, as the README's workflow makes it: a push to the default branch, with no cache yet.</summary>
    internal ActionRun Push { get; private set; } = null!;

    /// <summary>The comments the push left (none: it has no pull request).</summary>
    internal int PushComments { get; private set; }

    public async Task InitializeAsync()
    {
        await using var scenario = await ActionScenario.StartAsync();
        (scenario.GitHub.Token, scenario.GitHub.Login) = (TokenKind.Actions, "github-actions[bot]");
        Push = await scenario.RunOnPushAsync(Store, "push");
        Assert.True(Push.Succeeded, Push.Log);
        PushComments = scenario.GitHub.Comments.Count + scenario.GitHub.Requests.Count;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Store.Folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class ActionStepsTests(NativeAction action) : IClassFixture<NativeAction>, IAsyncLifetime
{
    private ActionScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await ActionScenario.StartAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private FakeGitHub GitHub => _scenario.GitHub;

    [Fact]
    public async Task A_push_builds_and_caches_and_a_pull_request_restores_the_build_and_comments_with_the_pages_linked()
    {
        (GitHub.Token, GitHub.Login) = (TokenKind.Actions, "github-actions[bot]");

        var pull = await _scenario.RunAsync(action.Store, "pull");

        // The push: built, cached, nothing compared and nothing asked of GitHub.
        Assert.Equal(["key", "cache", "build", "compare"], action.Push.Ran);
        Assert.Contains("compare: a push event has no pull request: compare is built and cached for pull requests; nothing to compare", action.Push.Log, StringComparison.Ordinal);
        Assert.Equal(0, action.PushComments);
        Assert.Contains(action.Push.Outputs["key"], action.Store.Cache.Keys);

        // The pull request: restored, compared, commented, the pages uploaded and linked.
        Assert.True(pull.Succeeded, pull.Log);
        Assert.Equal(["key", "cache", "compare", "upload"], pull.Ran);
        Assert.Equal(action.Push.Outputs["key"], pull.Outputs["key"]);
        Assert.StartsWith("compare-", pull.Outputs["key"], StringComparison.Ordinal);
        var (_, comment) = Assert.Single(GitHub.Comments);
        Assert.StartsWith(PullRequestReport.Marker, comment.Body, StringComparison.Ordinal);
        Assert.Contains("seeds/karabakh/news.txt", comment.Body, StringComparison.Ordinal);
        Assert.Equal("seeds/karabakh/news.txt", pull.Outputs["documents"].Trim());
        Assert.True(File.Exists(pull.Outputs["report-path"]));
        Assert.Contains("[this run’s artifacts](https://github.example/o/r/actions/runs/4242#artifacts)", comment.Body, StringComparison.Ordinal);
        var folder = Assert.Single(pull.Artifacts, a => a.Key == "compare-report").Value;
        Assert.Equal(["01-karabakh.html", "index.html", "report.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(folder, "01-karabakh.html")), StringComparison.Ordinal);
        Assert.Contains("<a href=\"01-karabakh.html\">seeds/karabakh/: Compared: A ministry.txt · B news.txt (B is this pull request’s)</a>", await File.ReadAllTextAsync(Path.Combine(folder, "index.html")), StringComparison.Ordinal);
        Assert.StartsWith(PullRequestReport.Marker, await File.ReadAllTextAsync(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_no_html_pages_and_links_none_when_html_report_is_off()
    {
        var run = await _scenario.RunAsync(action.Store, "plain", new() { ["html-report"] = "false" });

        Assert.True(run.Succeeded, run.Log);
        Assert.Equal(["key", "cache", "compare"], run.Ran);
        Assert.DoesNotContain("artifacts", Assert.Single(GitHub.Comments).Value.Body, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Outputs.GetValueOrDefault("html-path", string.Empty));
    }

    [Theory]
    [InlineData(TokenKind.Actions, "github-actions[bot]")]
    [InlineData(TokenKind.App, "compare-app[bot]")]
    [InlineData(TokenKind.Personal, "octo-reviewer")]
    public async Task Comments_and_updates_its_comment_with_each_kind_of_token_in_the_native_build(TokenKind token, string login)
    {
        (GitHub.Token, GitHub.Login) = (token, login);
        // Someone else's comment that quotes the marker is never taken for the report's own.
        GitHub.Comments[1] = ("someone", PullRequestReport.Marker + "\nquoted");

        var first = await _scenario.RunAsync(action.Store, "first", new() { ["html-report"] = "false" });
        var second = await _scenario.RunAsync(action.Store, "second", new() { ["html-report"] = "false" });

        Assert.True(first.Succeeded, first.Log);
        Assert.True(second.Succeeded, second.Log);
        var ours = Assert.Single(GitHub.Comments, c => c.Key != 1);
        Assert.Equal(login, ours.Value.Login);
        Assert.StartsWith(PullRequestReport.Marker + "\n", ours.Value.Body, StringComparison.Ordinal);
        Assert.Equal(ours.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Outputs["comment-id"]);
        Assert.Equal(first.Outputs["comment-id"], second.Outputs["comment-id"]);
        Assert.Equal($"https://github.example/o/r/pull/1#issuecomment-{ours.Key}", second.Outputs["comment-url"]);
        Assert.Equal("seeds/karabakh/news.txt", second.Outputs["documents"]);
        Assert.True(int.Parse(second.Outputs["differences"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(ours.Value.Body + "\n", second.Summary);
        Assert.Equal("quoted", GitHub.Comments[1].Body.Split('\n')[1]);
    }

    [Fact]
    public async Task Puts_the_report_in_the_summary_and_succeeds_with_a_warning_on_a_forks_read_only_token()
    {
        await using var fork = await ActionScenario.StartAsync(headRepository: "someone/r");
        (fork.GitHub.Token, fork.GitHub.Login, fork.GitHub.ReadOnlyToken) = (TokenKind.Actions, "github-actions[bot]", true);

        var run = await fork.RunAsync(action.Store, "fork", new() { ["html-report"] = "false" });

        Assert.True(run.Succeeded, run.Log);
        Assert.Empty(fork.GitHub.Comments);
        Assert.Contains("::warning::compare: cannot comment on the pull request", run.Log, StringComparison.Ordinal);
        Assert.Contains("someone/r", run.Log, StringComparison.Ordinal);
        Assert.StartsWith(PullRequestReport.Marker, run.Summary, StringComparison.Ordinal);
        Assert.Contains("seeds/karabakh/news.txt", run.Summary, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Outputs["comment-id"]);
        Assert.Equal("seeds/karabakh/news.txt", run.Outputs["documents"]);
    }

    [Fact]
    public async Task Fails_the_step_after_commenting_and_writing_the_outputs_when_a_fail_on_kind_is_found()
    {
        (GitHub.Token, GitHub.Login) = (TokenKind.Actions, "github-actions[bot]");

        var run = await _scenario.RunAsync(action.Store, "gate", new() { ["html-report"] = "false", ["fail-on"] = "modality" });

        Assert.Equal(1, run.ExitCode);
        var (id, _) = Assert.Single(GitHub.Comments);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Outputs["comment-id"]);
        Assert.NotEqual(string.Empty, run.Summary);
    }
}
