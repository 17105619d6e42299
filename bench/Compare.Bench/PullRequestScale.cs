using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Compare.Bench;

/// <summary>
/// <c>compare pr</c> as the action runs it, on pull requests that add documents to event folders of growing
/// size: the built command (the native executable the action runs, by default) against a small fake GitHub
/// API on 127.0.0.1, in a git repository of generated news-like documents (each rewords and reorders 25 of
/// an event's 40 sentences and adds 5 of its own). Prints the wall time and peak memory of each run and
/// the size of its comment. Usage: <c>pr-scale --compare PATH [EXISTING:ADDED ...]</c> (default 10:30,
/// 10:120 and 1000:100).
/// </summary>
internal static class PullRequestScale
{
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--compare");
        if (at < 0 || at + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: pr-scale --compare PATH [EXISTING:ADDED ...]   (PATH: the built compare, e.g. the native executable)");
            return 2;
        }

        var compare = Path.GetFullPath(args[at + 1]);
        var sizes = args.Where((_, i) => i != at && i != at + 1).ToList();
        if (sizes.Count == 0)
        {
            sizes = ["10:30", "10:120", "1000:100"];
        }

        Console.WriteLine("| documents in the folder | added by the pull request | time (s) | peak memory (MB) | comparisons | comment (characters) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var parts = size.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            var (seconds, megabytes, comparisons, comment) = Measure(compare, parts[0], parts[1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {parts[0]} | {parts[1]} | {seconds:0.0} | {megabytes:0} | {comparisons} | {comment:N0} |"));
        }

        return 0;
    }

    /// <summary>One pull request adding <paramref name="added"/> documents to a folder of <paramref name="existing"/>: the run's time, peak memory, comparisons and comment length.</summary>
    public static (double Seconds, double Megabytes, int Comparisons, int Comment) Measure(string compare, int existing, int added)
    {
        var work = Directory.CreateTempSubdirectory("compare-pr-scale-");
        try
        {
            var workspace = Directory.CreateDirectory(Path.Combine(work.FullName, "workspace")).FullName;
            var corpus = new SyntheticCorpus(7);
            var eventSentences = Enumerable.Range(0, 40).Select(_ => corpus.Sentence()).ToList();
            var random = new Random(11);
            string Article(int i)
            {
                var kept = eventSentences.OrderBy(_ => random.Next()).Take(25).Select(s => random.Next(3) == 0 ? corpus.Reword(s) : s);
                return SyntheticCorpus.Document($"Report {i}", kept.Concat(Enumerable.Range(0, 5).Select(_ => corpus.Sentence())).OrderBy(_ => random.Next()));
            }

            var folder = Path.Combine(workspace, "seeds", "event");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < existing; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"old-{i:0000}.txt"), Article(i));
            }

            Git(workspace, "init", "-q", "-b", "main");
            Git(workspace, "add", "-A");
            Git(workspace, "commit", "-q", "-m", "base");
            var baseSha = Git(workspace, "rev-parse", "HEAD").Trim();
            var files = new List<string>();
            for (var i = 0; i < added; i++)
            {
                var name = $"new-{i:0000}.txt";
                File.WriteAllText(Path.Combine(folder, name), Article(existing + i));
                files.Add("seeds/event/" + name);
            }

            Git(workspace, "add", "-A");
            Git(workspace, "commit", "-q", "-m", "head");

            using var github = new FakeGitHubApi(files);
            var summary = Path.Combine(work.FullName, "summary.md");
            var outputs = Path.Combine(work.FullName, "outputs.txt");
            var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%e %M", compare, "pr", "--repo", "o/r", "--pr", "7", "--base", baseSha, "--paths", "seeds/**", "-o", Path.Combine(work.FullName, "report.md")])
            {
                WorkingDirectory = workspace,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment =
                {
                    ["GITHUB_API_URL"] = github.Url, ["GITHUB_WORKSPACE"] = workspace, ["GITHUB_TOKEN"] = "t",
                    ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = outputs,
                },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"compare pr exited {process.ExitCode}: {output.Result}\n{error}");
            }

            var timing = error.Trim().Split('\n')[^1].Split(' ');
            var report = File.ReadAllText(Path.Combine(work.FullName, "report.md"));
            return (
                double.Parse(timing[0], CultureInfo.InvariantCulture),
                double.Parse(timing[1], CultureInfo.InvariantCulture) / 1024,
                report.Split('\n').Count(l => l.StartsWith("#### Compared: ", StringComparison.Ordinal)),
                github.Comment.Length);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", "user.name=b", "-c", "user.email=b@example.com", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException("git " + string.Join(' ', arguments) + " failed");
    }

    /// <summary>The few endpoints <c>compare pr</c> calls, on 127.0.0.1: the pull request's files (paged), its comments, creating one, and who the token is.</summary>
    private sealed class FakeGitHubApi : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _files;
        private readonly Task _serving;

        public FakeGitHubApi(List<string> files)
        {
            _files = files;
            var port = 40000 + Random.Shared.Next(20000);
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _serving = Task.Run(Serve);
        }

        public string Url { get; }

        public string Comment { get; private set; } = string.Empty;

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                JsonNode body;
                var status = 200;
                if (path.EndsWith("/files", StringComparison.Ordinal))
                {
                    var page = int.TryParse(context.Request.QueryString["page"], out var p) ? p : 1;
                    var size = int.TryParse(context.Request.QueryString["per_page"], out var s) ? s : 30;
                    if (page * size < _files.Count)
                    {
                        context.Response.Headers["Link"] = $"<{Url}repos/o/r/pulls/7/files?per_page={size}&page={page + 1}>; rel=\"next\"";
                    }

                    body = new JsonArray([.. _files.Skip((page - 1) * size).Take(size).Select(f => (JsonNode)new JsonObject
                    {
                        ["sha"] = "0", ["filename"] = f, ["status"] = "added", ["additions"] = 1, ["deletions"] = 0, ["changes"] = 1,
                    })]);
                }
                else if (path.EndsWith("/comments", StringComparison.Ordinal) && context.Request.HttpMethod == "POST")
                {
                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    Comment = JsonNode.Parse(await reader.ReadToEndAsync())!["body"]!.GetValue<string>();
                    (status, body) = (201, new JsonObject { ["id"] = 1, ["html_url"] = "https://github.example/o/r/pull/7#issuecomment-1", ["body"] = Comment, ["user"] = new JsonObject { ["login"] = "bench" } });
                }
                else if (path.EndsWith("/comments", StringComparison.Ordinal))
                {
                    body = new JsonArray();
                }
                else
                {
                    body = new JsonObject { ["login"] = "bench", ["id"] = 1 };
                }

                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
