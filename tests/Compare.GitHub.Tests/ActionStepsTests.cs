using System.Text.RegularExpressions;
using Compare.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Compare.GitHub.Tests;

/// <summary>
/// action.yml's steps run as a runner runs them: expressions evaluated, `run:` scripts in bash with the
/// runner's environment, `actions/cache` as a folder keyed by its key, `actions/upload-artifact` as a folder
/// per artifact name, against the fake GitHub server and a
/// real git workspace. The action is used in the `uses: ./` form (its path holds a "./" segment).
/// </summary>
public sealed partial class ActionStepsTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("compare-action-");
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _artifacts = new(StringComparer.Ordinal);
    private FakeGitHub _github = null!;

    private string Workspace => Path.Combine(_work.FullName, "workspace");

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync();
        Directory.CreateDirectory(Path.Combine(Workspace, "seeds", "karabakh"));
        await Git("init", "-q", "-b", "main");
        File.Copy(Repository.PathOf(Repository.SeedA), Path.Combine(Workspace, "seeds", "karabakh", "ministry.txt"));
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "base");
        var baseSha = (await Git("rev-parse", "HEAD")).Trim();
        File.Copy(Repository.PathOf(Repository.SeedB), Path.Combine(Workspace, "seeds", "karabakh", "news.txt"));
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "head");
        var headSha = (await Git("rev-parse", "HEAD")).Trim();
        _github.Files.Add(("seeds/karabakh/news.txt", "added", null));

        // A global.json of the user's that no SDK satisfies: the action builds in its own folder, so it plays no part.
        await File.WriteAllTextAsync(Path.Combine(Workspace, "global.json"), """{ "sdk": { "version": "1.0.100", "rollForward": "disable" } }""");
        await File.WriteAllTextAsync(
            Path.Combine(_work.FullName, "event.json"),
            $$"""{ "pull_request": { "number": 7, "base": { "sha": "{{baseSha}}" }, "head": { "sha": "{{headSha}}", "repo": { "full_name": "o/r" } } } }""");
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Builds_on_a_cold_run_restores_without_building_on_a_warm_one_and_comments_both_times()
    {
        var cold = await RunActionAsync("cold");
        var coldComment = Assert.Single(_github.Comments).Value.Body;
        // The warm run without the HTML pages: nothing to upload, and the comment no longer links them.
        var warm = await RunActionAsync("warm", new() { ["html-report"] = "false" });

        Assert.Contains("build", cold.Ran);
        Assert.Equal(["key", "cache", "compare"], warm.Ran);
        Assert.Equal(cold.Outputs["key"], warm.Outputs["key"]);
        Assert.StartsWith("compare-", cold.Outputs["key"], StringComparison.Ordinal);
        var (_, comment) = Assert.Single(_github.Comments);
        Assert.StartsWith(PullRequestReport.Marker, comment.Body, StringComparison.Ordinal);
        Assert.Contains("seeds/karabakh/news.txt", comment.Body, StringComparison.Ordinal);
        Assert.Equal("seeds/karabakh/news.txt", warm.Outputs["documents"].Trim());
        Assert.True(File.Exists(warm.Outputs["report-path"]));

        // The cold run's HTML pages: uploaded as the run's artifact, which its comment links.
        var (name, folder) = Assert.Single(_artifacts);
        Assert.Equal("compare-report", name);
        Assert.Equal(["01-news.html", "index.html"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(folder, "01-news.html")), StringComparison.Ordinal);
        Assert.Contains("<a href=\"01-news.html\">seeds/karabakh/news.txt: ", await File.ReadAllTextAsync(Path.Combine(folder, "index.html")), StringComparison.Ordinal);
        Assert.Contains("[this run’s artifacts](https://github.example/o/r/actions/runs/4242#artifacts)", coldComment, StringComparison.Ordinal);
        Assert.DoesNotContain("artifacts", comment.Body, StringComparison.Ordinal);
        Assert.Equal(string.Empty, warm.Outputs.GetValueOrDefault("html-path", string.Empty));
    }

    /// <summary>What one run of the action did: the steps it ran (by id, "build" for the unnamed build step) and every step output.</summary>
    private sealed record ActionRun(List<string> Ran, Dictionary<string, string> Outputs);

    private async Task<ActionRun> RunActionAsync(string name, Dictionary<string, string>? given = null)
    {
        var temp = Directory.CreateDirectory(Path.Combine(_work.FullName, name, "temp")).FullName;
        var actionPath = Repository.Root + Path.DirectorySeparatorChar + "." + Path.DirectorySeparatorChar;
        var action = ActionYaml.Action;
        var inputs = ((YamlMappingNode)action.Children[new YamlScalarNode("inputs")]).Children
            .ToDictionary(i => ((YamlScalarNode)i.Key).Value!, i => Scalar((YamlMappingNode)i.Value, "default") ?? string.Empty, StringComparer.Ordinal);
        inputs["github-token"] = "token";
        inputs["paths"] = "seeds/**";
        foreach (var (input, value) in given ?? [])
        {
            inputs[input] = value;
        }

        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["github.action_path"] = actionPath,
            ["github.token"] = "token",
            ["github.server_url"] = "https://github.example",
            ["github.repository"] = "o/r",
            ["github.run_id"] = "4242",
            ["runner.temp"] = temp,
            ["runner.os"] = "Linux",
        };
        foreach (var (input, value) in inputs)
        {
            context["inputs." + input] = value;
        }

        var ran = new List<string>();
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var saves = new List<(string Key, string Path)>();
        var steps = (YamlSequenceNode)((YamlMappingNode)action.Children[new YamlScalarNode("runs")]).Children[new YamlScalarNode("steps")];
        foreach (YamlMappingNode step in steps)
        {
            var id = Scalar(step, "id") ?? (Scalar(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true ? "upload" : "build");
            if (Scalar(step, "if") is { } condition && !Holds(condition, context))
            {
                continue;
            }

            ran.Add(id);
            var stepOutputs = Scalar(step, "uses") is { } uses
                ? id == "upload"
                    ? Upload(uses, Evaluate(Scalar(Child(step, "with"), "name")!, context), Evaluate(Scalar(Child(step, "with"), "path")!, context))
                    : Cache(uses, Evaluate(Scalar(Child(step, "with"), "key")!, context), Evaluate(Scalar(Child(step, "with"), "path")!, context), saves)
                : await Script(step, context, temp, actionPath);
            foreach (var (output, value) in stepOutputs)
            {
                context[$"steps.{id}.outputs.{output}"] = value;
                outputs[output] = value;
            }
        }

        foreach (var (key, path) in saves)
        {
            // The cache action's post step: saved at the end of a successful job.
            _cache[key] = CopyTree(path, Path.Combine(_work.FullName, "cache", key));
        }

        return new ActionRun(ran, outputs);
    }

    /// <summary>The upload-artifact action: the folder's files kept under the artifact's name (a name used twice fails, as on GitHub).</summary>
    private Dictionary<string, string> Upload(string uses, string name, string path)
    {
        Assert.Equal("actions/upload-artifact@v7", uses);
        Assert.False(_artifacts.ContainsKey(name), "artifact uploaded twice: " + name);
        _artifacts[name] = CopyTree(path, Path.Combine(_work.FullName, "artifacts", name));
        return new(StringComparer.Ordinal);
    }

    private Dictionary<string, string> Cache(string uses, string key, string path, List<(string Key, string Path)> saves)
    {
        Assert.StartsWith("actions/cache@", uses, StringComparison.Ordinal);
        if (_cache.TryGetValue(key, out var saved))
        {
            CopyTree(saved, path);
            return new(StringComparer.Ordinal) { ["cache-hit"] = "true" };
        }

        saves.Add((key, path));
        return new(StringComparer.Ordinal) { ["cache-hit"] = string.Empty };
    }

    private async Task<Dictionary<string, string>> Script(YamlMappingNode step, Dictionary<string, string> context, string temp, string actionPath)
    {
        Assert.Equal("bash", Scalar(step, "shell"));
        var script = Path.Combine(temp, $"step-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, Evaluate(Scalar(step, "run")!, context));
        var outputFile = Path.Combine(temp, "output-" + Path.GetFileNameWithoutExtension(script));
        await File.WriteAllTextAsync(outputFile, string.Empty);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(temp, "summary.md"),
            ["GITHUB_ACTION_PATH"] = actionPath,
            ["GITHUB_WORKSPACE"] = Workspace,
            ["GITHUB_EVENT_PATH"] = Path.Combine(_work.FullName, "event.json"),
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_REPOSITORY"] = "o/r",
            ["GITHUB_API_URL"] = _github.ApiUrl.ToString().TrimEnd('/'),
            ["RUNNER_TEMP"] = temp,
            ["RUNNER_OS"] = "Linux",
        };
        if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
        {
            foreach (var (key, value) in ((YamlMappingNode)env).Children)
            {
                environment[((YamlScalarNode)key).Value!] = Evaluate(((YamlScalarNode)value).Value!, context);
            }
        }

        var directory = Scalar(step, "working-directory") is { } workingDirectory ? Evaluate(workingDirectory, context) : Workspace;
        var result = await Processes.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], directory, environment);
        Assert.True(result.ExitCode == 0, $"step {Scalar(step, "id") ?? "build"} exited with {result.ExitCode}:\n{result.Out}\n{result.Error}");
        return ReadOutputs(await File.ReadAllLinesAsync(outputFile));
    }

    /// <summary>GITHUB_OUTPUT as the runner reads it: name=value lines and name&lt;&lt;DELIMITER blocks.</summary>
    private static Dictionary<string, string> ReadOutputs(string[] lines)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].IndexOf("<<", StringComparison.Ordinal) is var heredoc and > 0 && (lines[i].IndexOf('=', StringComparison.Ordinal) is var equals && (equals < 0 || equals > heredoc)))
            {
                var delimiter = lines[i][(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                outputs[lines[i][..heredoc]] = string.Join("\n", lines[(i + 1)..end]);
                i = end;
            }
            else if (lines[i].IndexOf('=', StringComparison.Ordinal) is var separator and > 0)
            {
                outputs[lines[i][..separator]] = lines[i][(separator + 1)..];
            }
        }

        return outputs;
    }

    /// <summary>
    /// Replaces each ${{ … }} by its value (a step output not set is empty, as on a runner); any other
    /// expression — a function such as hashFiles(), which cannot see the action's folder — fails the test.
    /// </summary>
    private static string Evaluate(string text, Dictionary<string, string> context)
    {
        var evaluated = Expression().Replace(text, m => context.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : m.Groups["name"].Value.StartsWith("steps.", StringComparison.Ordinal) ? string.Empty : throw new InvalidOperationException("unknown expression " + m.Value));
        Assert.False(evaluated.Contains("${{", StringComparison.Ordinal), "an expression this runner does not evaluate: " + text);
        return evaluated;
    }

    /// <summary>An `if:` as action.yml writes them: steps.ID.outputs.NAME compared with a quoted string, after "!cancelled() &amp;&amp;" (never cancelled here).</summary>
    private static bool Holds(string condition, Dictionary<string, string> context)
    {
        const string NotCancelled = "!cancelled() && ";
        var match = Condition().Match(condition.StartsWith(NotCancelled, StringComparison.Ordinal) ? condition[NotCancelled.Length..] : condition);
        Assert.True(match.Success, "unsupported condition " + condition);
        var value = context.GetValueOrDefault(match.Groups["name"].Value, string.Empty);
        var equal = value == match.Groups["value"].Value;
        return match.Groups["op"].Value == "==" ? equal : !equal;
    }

    private static string CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file)); // The cache keeps the executable bit.
            }
        }

        return to;
    }

    private async Task<string> Git(params string[] arguments)
    {
        var result = await Processes.RunAsync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", .. arguments], Workspace);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out;
    }

    private static YamlMappingNode Child(YamlMappingNode node, string key) => ActionYaml.Map(node, key);

    private static string? Scalar(YamlMappingNode node, string key) => ActionYaml.Scalar(node, key);

    [GeneratedRegex(@"\$\{\{\s*(?<name>[A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^\s*(?<name>steps\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+)\s*(?<op>==|!=)\s*'(?<value>[^']*)'\s*$")]
    private static partial Regex Condition();
}
