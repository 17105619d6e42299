using Compare.Tests.Shared;

namespace Compare.GitHub.Tests;

/// <summary>
/// A pull request as the action meets it: a git checkout of its head in a temporary folder (the seed pair
/// under seeds/karabakh/, news.txt added by the pull request), the event file, and the fake GitHub API
/// that lists its files and keeps its comments.
/// </summary>
internal sealed class ActionScenario : IAsyncDisposable
{
    private ActionScenario(DirectoryInfo work, FakeGitHub github)
    {
        Work = work;
        GitHub = github;
    }

    public DirectoryInfo Work { get; }

    public FakeGitHub GitHub { get; }

    public string Workspace => Path.Combine(Work.FullName, "workspace");

    public string EventPath => Path.Combine(Work.FullName, "event.json");

    /// <summary>A pull request that adds the seed news report beside the ministry's statement.</summary>
    /// <param name="headRepository">The repository the pull request comes from (a fork's name for a fork).</param>
    public static async Task<ActionScenario> StartAsync(string headRepository = "o/r")
    {
        var scenario = new ActionScenario(Directory.CreateTempSubdirectory("compare-action-"), await FakeGitHub.StartAsync());
        Directory.CreateDirectory(Path.Combine(scenario.Workspace, "seeds", "karabakh"));
        await scenario.Git("init", "-q", "-b", "main");
        File.Copy(Repository.PathOf(Repository.SeedA), Path.Combine(scenario.Workspace, "seeds", "karabakh", "ministry.txt"));
        await scenario.Git("add", "-A");
        await scenario.Git("commit", "-q", "-m", "base");
        var baseSha = (await scenario.Git("rev-parse", "HEAD")).Trim();
        File.Copy(Repository.PathOf(Repository.SeedB), Path.Combine(scenario.Workspace, "seeds", "karabakh", "news.txt"));
        await scenario.Git("add", "-A");
        await scenario.Git("commit", "-q", "-m", "head");
        var headSha = (await scenario.Git("rev-parse", "HEAD")).Trim();
        scenario.GitHub.Files.Add(("seeds/karabakh/news.txt", "added", null));
        scenario.GitHub.HeadRepository = headRepository == "o/r" ? null : headRepository;

        // A global.json of the user's that no SDK satisfies: the action builds in its own folder, so it plays no part.
        await File.WriteAllTextAsync(Path.Combine(scenario.Workspace, "global.json"), """{ "sdk": { "version": "1.0.100", "rollForward": "disable" } }""");
        await File.WriteAllTextAsync(
            scenario.EventPath,
            $$"""{ "pull_request": { "number": 7, "base": { "sha": "{{baseSha}}" }, "head": { "sha": "{{headSha}}", "repo": { "full_name": "{{headRepository}}" } } } }""");
        return scenario;
    }

    /// <summary>Runs the action on this pull request with the store's cache and artifacts.</summary>
    public Task<ActionRun> RunAsync(ActionStore store, string name, Dictionary<string, string>? inputs = null) =>
        ActionRunner.RunAsync(store, name, Workspace, EventPath, GitHub.ApiUrl, inputs);

    /// <summary>Runs the action on a push to the default branch (an event with no pull request).</summary>
    public async Task<ActionRun> RunOnPushAsync(ActionStore store, string name, Dictionary<string, string>? inputs = null)
    {
        var push = Path.Combine(Work.FullName, "push.json");
        await File.WriteAllTextAsync(push, """{ "ref": "refs/heads/main", "after": "0123abc" }""");
        return await ActionRunner.RunAsync(store, name, Workspace, push, GitHub.ApiUrl, inputs, eventName: "push");
    }

    public async Task<string> Git(params string[] arguments)
    {
        var result = await Processes.RunAsync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", .. arguments], Workspace);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out;
    }

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        Work.Delete(recursive: true);
    }
}
