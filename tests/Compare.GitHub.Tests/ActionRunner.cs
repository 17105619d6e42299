using System.Text.RegularExpressions;
using Compare.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Compare.GitHub.Tests;

/// <summary>What one run of the action did: the steps it ran (by id, "build" for the unnamed build step), each script step's exit code, every step output, the log, the job summary and the artifacts it uploaded (name → folder).</summary>
internal sealed record ActionRun(List<string> Ran, Dictionary<string, int> ExitCodes, Dictionary<string, string> Outputs, string Log, string Summary, Dictionary<string, string> Artifacts)
{
    /// <summary>The compare step's exit code.</summary>
    public int ExitCode => ExitCodes.GetValueOrDefault("compare");

    /// <summary>Whether every step that ran succeeded (the job is green).</summary>
    public bool Succeeded => ExitCodes.Values.All(code => code == 0);
}

/// <summary>The runner's side of GitHub Actions that outlives a run: the `actions/cache` store (a folder per key).</summary>
internal sealed class ActionStore(string folder)
{
    public string Folder { get; } = folder;

    public Dictionary<string, string> Cache { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// action.yml's steps run as a runner runs them: expressions evaluated, `run:` scripts in bash with the
/// runner's environment, `actions/cache` as a folder keyed by its key, `actions/upload-artifact` as a folder
/// per artifact name, a failed step skipping the rest but those that run when not cancelled. The action is
/// used in the `uses: ./` form (its path holds a "./" segment), so the cold build is the one users get: the
/// native executable on Linux x64.
/// </summary>
internal static partial class ActionRunner
{
    /// <summary>Runs the action once in <paramref name="workspace"/> against the GitHub API at <paramref name="api"/>.</summary>
    /// <param name="store">The cache and artifacts kept between runs.</param>
    /// <param name="name">A name for this run's temporary folder.</param>
    /// <param name="workspace">The checkout.</param>
    /// <param name="eventPath">The event JSON (GITHUB_EVENT_PATH).</param>
    /// <param name="api">The REST API address.</param>
    /// <param name="given">Inputs that differ from the defaults.</param>
    /// <param name="eventName">The event that runs the workflow.</param>
    public static async Task<ActionRun> RunAsync(
        ActionStore store, string name, string workspace, string eventPath, Uri api, Dictionary<string, string>? given = null, string eventName = "pull_request")
    {
        var temp = Directory.CreateDirectory(Path.Combine(store.Folder, "runs", $"{name}-{Guid.NewGuid():N}", "temp")).FullName;
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

        var pullRequest = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(eventPath))?["pull_request"]?["number"]?.ToString() ?? string.Empty;
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["github.action_path"] = actionPath,
            ["github.token"] = "token",
            ["github.server_url"] = "https://github.example",
            ["github.repository"] = "o/r",
            ["github.run_id"] = "4242",
            ["github.event_name"] = eventName,
            ["github.event.pull_request.number"] = pullRequest,
            ["runner.temp"] = temp,
            ["runner.os"] = "Linux",
        };
        foreach (var (input, value) in inputs)
        {
            context["inputs." + input] = value;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(temp, "summary.md"),
            ["GITHUB_ACTION_PATH"] = actionPath,
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_REPOSITORY"] = "o/r",
            ["GITHUB_SERVER_URL"] = "https://github.example",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_API_URL"] = api.ToString().TrimEnd('/'),
            ["RUNNER_TEMP"] = temp,
            ["RUNNER_OS"] = "Linux",
        };

        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        var ran = new List<string>();
        var exitCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var saves = new List<(string Key, string Path)>();
        var log = new System.Text.StringBuilder();
        var failed = false;
        var steps = (YamlSequenceNode)((YamlMappingNode)action.Children[new YamlScalarNode("runs")]).Children[new YamlScalarNode("steps")];
        foreach (YamlMappingNode step in steps)
        {
            var id = Scalar(step, "id") ?? (Scalar(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true ? "upload" : "build");
            var condition = Scalar(step, "if");
            // After a failed step, only steps that ask to run when not cancelled run (as on a runner).
            if ((failed && condition?.Contains("!cancelled()", StringComparison.Ordinal) != true) || (condition is not null && !Holds(condition, context)))
            {
                continue;
            }

            ran.Add(id);
            Dictionary<string, string> stepOutputs;
            if (Scalar(step, "uses") is { } uses)
            {
                stepOutputs = id == "upload"
                    ? Upload(store, artifacts, uses, Evaluate(Scalar(Child(step, "with"), "name")!, context), Evaluate(Scalar(Child(step, "with"), "path")!, context))
                    : Cache(store, uses, Evaluate(Scalar(Child(step, "with"), "key")!, context), Evaluate(Scalar(Child(step, "with"), "path")!, context), saves);
            }
            else
            {
                var (code, output, stepLog) = await Script(step, context, environment, temp, workspace);
                exitCodes[id] = code;
                failed |= code != 0;
                stepOutputs = output;
                log.Append(stepLog);
            }

            foreach (var (output, value) in stepOutputs)
            {
                context[$"steps.{id}.outputs.{output}"] = value;
                outputs[output] = value;
            }
        }

        if (!failed)
        {
            foreach (var (key, path) in saves)
            {
                // The cache action's post step: saved at the end of a successful job.
                store.Cache[key] = CopyTree(path, Path.Combine(store.Folder, "cache", key));
            }
        }

        var summaryPath = environment["GITHUB_STEP_SUMMARY"];
        var summary = File.Exists(summaryPath) ? await File.ReadAllTextAsync(summaryPath) : string.Empty;
        return new ActionRun(ran, exitCodes, outputs, log.ToString(), summary, artifacts);
    }

    /// <summary>The upload-artifact action: the folder's files kept under the artifact's name (a name used twice in a run fails, as on GitHub).</summary>
    private static Dictionary<string, string> Upload(ActionStore store, Dictionary<string, string> artifacts, string uses, string name, string path)
    {
        Assert.Equal("actions/upload-artifact@v7", uses);
        Assert.False(artifacts.ContainsKey(name), "artifact uploaded twice: " + name);
        if (Directory.Exists(path))
        {
            artifacts[name] = CopyTree(path, Path.Combine(store.Folder, "artifacts", Guid.NewGuid().ToString("N"), name));
        }

        return new(StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Cache(ActionStore store, string uses, string key, string path, List<(string Key, string Path)> saves)
    {
        Assert.StartsWith("actions/cache@", uses, StringComparison.Ordinal);
        if (store.Cache.TryGetValue(key, out var saved))
        {
            CopyTree(saved, path);
            return new(StringComparer.Ordinal) { ["cache-hit"] = "true" };
        }

        saves.Add((key, path));
        return new(StringComparer.Ordinal) { ["cache-hit"] = string.Empty };
    }

    private static async Task<(int ExitCode, Dictionary<string, string> Outputs, string Log)> Script(
        YamlMappingNode step, Dictionary<string, string> context, Dictionary<string, string> runnerEnvironment, string temp, string workspace)
    {
        Assert.Equal("bash", Scalar(step, "shell"));
        var script = Path.Combine(temp, $"step-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, Evaluate(Scalar(step, "run")!, context));
        var outputFile = Path.Combine(temp, "output-" + Path.GetFileNameWithoutExtension(script));
        await File.WriteAllTextAsync(outputFile, string.Empty);
        var environment = new Dictionary<string, string>(runnerEnvironment, StringComparer.Ordinal) { ["GITHUB_OUTPUT"] = outputFile };
        if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
        {
            foreach (var (key, value) in ((YamlMappingNode)env).Children)
            {
                environment[((YamlScalarNode)key).Value!] = Evaluate(((YamlScalarNode)value).Value!, context);
            }
        }

        var directory = Scalar(step, "working-directory") is { } workingDirectory ? Evaluate(workingDirectory, context) : workspace;
        var result = await Processes.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], directory, environment);
        return (result.ExitCode, ReadOutputs(await File.ReadAllLinesAsync(outputFile)), result.Out + result.Error);
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

    /// <summary>An `if:` as action.yml writes them: a context value compared with a quoted string, after "!cancelled() &amp;&amp;" (never cancelled here).</summary>
    private static bool Holds(string condition, Dictionary<string, string> context)
    {
        const string NotCancelled = "!cancelled() && ";
        var match = Condition().Match(condition.StartsWith(NotCancelled, StringComparison.Ordinal) ? condition[NotCancelled.Length..] : condition);
        Assert.True(match.Success, "unsupported condition " + condition);
        var name = match.Groups["name"].Value;
        Assert.True(name.StartsWith("steps.", StringComparison.Ordinal) || context.ContainsKey(name), "unknown value in condition " + condition);
        var value = context.GetValueOrDefault(name, string.Empty);
        var equal = value == match.Groups["value"].Value;
        return match.Groups["op"].Value == "==" ? equal : !equal;
    }

    public static string CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
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

    private static YamlMappingNode Child(YamlMappingNode node, string key) => ActionYaml.Map(node, key);

    private static string? Scalar(YamlMappingNode node, string key) => ActionYaml.Scalar(node, key);

    [GeneratedRegex(@"\$\{\{\s*(?<name>[A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^\s*(?<name>(?:steps|inputs|github)\.[A-Za-z0-9_.-]+)\s*(?<op>==|!=)\s*'(?<value>[^']*)'\s*$")]
    private static partial Regex Condition();
}
