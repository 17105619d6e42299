using System.Text.RegularExpressions;
using Compare.Tests.Shared;

namespace Compare.GitHub.Tests;

/// <summary>
/// A pull request as reviewers send them: in an event folder of two reports on a ferry's grounding
/// (Data/storm), it adds a wire report and changes the ministry's statement. The comment holds the
/// revision of the statement and one comparison of the folder, every aligned group with a difference in it.
/// </summary>
public sealed partial class StormPullRequestTests : IAsyncLifetime
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("compare-storm-");
    private FakeGitHub _github = null!;
    private string _baseSha = string.Empty;

    private static string Data(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "storm", name));

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync();
        await Git("init", "-q", "-b", "main");
        Write("seeds/ferry/ministry.txt", Data("ministry.txt"));
        Write("seeds/ferry/gazette.txt", Data("gazette.txt"));
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "base");
        _baseSha = (await Git("rev-parse", "HEAD")).Trim();

        // The ministry corrects its deadline and adds the number of vehicles on board; a wire report arrives.
        Write("seeds/ferry/ministry.txt", Data("ministry.txt")
            .Replace("within 30 days", "within 45 days", StringComparison.Ordinal)
            .Replace("Relatives of passengers", "The ferry also carried 48 cars and 6 lorries.\n\nRelatives of passengers", StringComparison.Ordinal));
        Write("seeds/ferry/wire.txt", Data("wire.txt"));
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "head");
        _github.Files.AddRange([("seeds/ferry/ministry.txt", "modified", null), ("seeds/ferry/wire.txt", "added", null)]);
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        _workspace.Delete(recursive: true);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_workspace.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>git with fixed dates, so the commits (and the short base commit the report names) are the same on every run.</summary>
    private async Task<string> Git(params string[] arguments)
    {
        var dates = new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = "2024-03-04T12:00:00Z", ["GIT_COMMITTER_DATE"] = "2024-03-04T12:00:00Z" };
        var result = await Processes.RunAsync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", .. arguments], _workspace.FullName, dates);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out;
    }

    private PullRequestRun Run() =>
        new("o", "r", 7, _baseSha, null, _github.ApiUrl, _workspace.FullName, "token")
        {
            ReportPath = Path.Combine(_workspace.FullName, ".git", "report.md"),
            RunUrl = new Uri("https://github.example/o/r/actions/runs/4242"),
            StepSummary = Path.Combine(_workspace.FullName, ".git", "summary.md"),
        };

    [Fact]
    public async Task Comment_matches_the_golden_file()
    {
        await PullRequestAction.RunAsync(Run(), new StringWriter(), _ => Task.CompletedTask);

        Snapshot.Verify(_github.Comments.Single().Value.Body, "storm-pr-comment", "md");
    }

    [Fact]
    public async Task Gives_the_revision_and_one_comparison_of_the_folder_with_every_group_that_differs()
    {
        await PullRequestAction.RunAsync(Run(), new StringWriter(), _ => Task.CompletedTask);
        var comment = _github.Comments.Single().Value.Body;

        Assert.Contains("#### Revision of ministry.txt: base ", comment, StringComparison.Ordinal);
        Assert.Contains("**Revision:** 1 statement edited, 1 added, 0 removed, 0 moved; 14 unchanged.", comment, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(comment, "#### Compared: "));
        Assert.Contains("#### Compared: A gazette.txt · B ministry.txt · C wire.txt (B and C are this pull request’s)", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("not shown here", comment, StringComparison.Ordinal);
        Assert.Contains("**Conflicting values:** A, B: 31 · C: 30", comment, StringComparison.Ordinal);
        Assert.Contains("<del>30</del> <ins>45</ins>", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_limit_shows_or_lists_every_group_that_differs_and_links_the_full_report()
    {
        await PullRequestAction.RunAsync(Run(), new StringWriter(), _ => Task.CompletedTask);
        var folders = await FoldersAsync();
        var full = PullRequestReport.Full(7, folders);

        var comment = PullRequestReport.Comment(7, folders, new FullReportPlace("the job summary", new Uri("https://github.example/o/r/actions/runs/4242")), maxLength: full.Length / 2);

        Assert.True(comment.Length <= full.Length / 2);
        var differing = folders.SelectMany(f => f.Comparisons).Sum(c => c.Result.Alignments.Count(g =>
            (!c.IsRevision && g.Differences.Count > 0) || g.Differences.Count > 0 || g.SameValues.Count > 0 || g.Diff.Any(d => d.Operation != Compare.Core.DiffOperation.Equal) || g.Comparisons.Any(x => x.Diff.Any(d => d.Operation != Compare.Core.DiffOperation.Equal))));
        var shown = Regex.Count(comment, @"(?m)^###### \d+\. ");
        var listed = Regex.Count(comment, @"(?m)^- \d+\\\. ");
        Assert.Equal(differing, shown + listed);
        Assert.True(listed > 0 && shown > 0, $"{shown} shown, {listed} listed");
        Assert.Contains("not shown here** (the full report is in [the job summary](https://github.example/o/r/actions/runs/4242))", comment, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^- <code>[^<]*:\d+:\d+</code>", comment); // no unmatched statement while a group is left out
    }

    /// <summary>The folders the action compared, as it reports them (read again from the run's full report's sources).</summary>
    private async Task<List<FolderReport>> FoldersAsync()
    {
        var files = (await new Octokit.GitHubClient(new Octokit.ProductHeaderValue("t"), _github.ApiUrl).PullRequest.Files("o", "r", 7)).ToList();
        var api = new GitHubApi(new Octokit.GitHubClient(new Octokit.ProductHeaderValue("t"), _github.ApiUrl), "o", "r", _github.ApiUrl, _ => Task.CompletedTask, TextWriter.Null);
        return await FolderComparisons.PlanAsync(Run(), api, files, Glob.ToRegex("seeds/**"), CancellationToken.None);
    }
}
