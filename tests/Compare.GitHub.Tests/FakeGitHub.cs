using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Compare.GitHub.Tests;

/// <summary>
/// A fake GitHub REST API on 127.0.0.1 (a random port) with the endpoints the action calls, served
/// under /api/v3 as for GitHub Enterprise Server. Octokit talks real HTTP to it.
/// </summary>
internal sealed class FakeGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _nextId = 1000;

    private FakeGitHub(WebApplication app) => _app = app;

    /// <summary>The pull request's files: (name, status, previous name).</summary>
    public List<(string Name, string Status, string? Previous)> Files { get; } = [];

    /// <summary>The base commit GET /pulls/N answers.</summary>
    public string BaseSha { get; set; } = "base";

    /// <summary>The head commit GET /pulls/N answers.</summary>
    public string HeadSha { get; set; } = "head";

    /// <summary>The head repository GET /pulls/N answers (a fork's), or null for the repository itself.</summary>
    public string? HeadRepository { get; set; }

    /// <summary>The pull request's comments.</summary>
    public ConcurrentDictionary<long, (string Login, string Body)> Comments { get; } = new();

    /// <summary>Contents at a commit: (ref, path) → text.</summary>
    public Dictionary<(string Ref, string Path), string> Contents { get; } = [];

    /// <summary>Whom the token acts as: the author of the comments it writes.</summary>
    public string Login { get; set; } = "compare-bot";

    /// <summary>What kind of token the action was given, which decides who may ask whom it acts as.</summary>
    public TokenKind Token { get; set; } = TokenKind.Personal;

    /// <summary>Answer comment writes with 403 "Resource not accessible by integration" (a fork's token).</summary>
    public bool ReadOnlyToken { get; set; }

    /// <summary>How the next file listings fail, one answer each, before one succeeds.</summary>
    public Queue<Failure> ListingFailures { get; } = new();

    /// <summary>How many comment creations answer 502 (after making the comment when <see cref="CreatesBeforeFailing"/>).</summary>
    public int FailingCreates { get; set; }

    /// <summary>Whether a comment creation that answers 502 has made the comment all the same.</summary>
    public bool CreatesBeforeFailing { get; set; }

    /// <summary>Answer every file listing with 502.</summary>
    public bool Down { get; set; }

    /// <summary>How long each file listing takes to answer (a GitHub that hangs).</summary>
    public TimeSpan ListingDelay { get; set; }

    /// <summary>Answer the file listing with 200 and a body that is not JSON.</summary>
    public bool GarbledListing { get; set; }

    /// <summary>Answer comment creations with 201 and a body that is not JSON (after making the comment).</summary>
    public bool GarbledCreate { get; set; }

    /// <summary>The x-ratelimit-reset header as sent, when it is not <see cref="Reset"/> (an out-of-range value).</summary>
    public string? ResetHeader { get; set; }

    /// <summary>The repository and pull request that exist; any other answers 404.</summary>
    public (string Owner, string Repo, int Number) PullRequest { get; set; } = ("o", "r", 7);

    /// <summary>When the primary rate limit resets (the x-ratelimit-reset header).</summary>
    public DateTimeOffset Reset { get; set; } = DateTimeOffset.UtcNow.AddMinutes(30);

    /// <summary>Every request: method and path.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The User-Agent header of every request.</summary>
    public ConcurrentQueue<string> UserAgents { get; } = new();

    public Uri ApiUrl => new(_app.Urls.First() + "/api/v3");

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGitHub(app);
        fake.Map(app);
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            UserAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
            var headers = context.Response.Headers;
            headers["x-ratelimit-limit"] = "5000";
            headers["x-ratelimit-remaining"] = "4999";
            headers["x-ratelimit-used"] = "1";
            headers["x-ratelimit-reset"] = ResetHeader ?? Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-resource"] = "core";
            var path = context.Request.Path.Value ?? string.Empty;
            if (path.StartsWith("/api/v3/repos/", StringComparison.Ordinal))
            {
                var parts = path.Split('/');
                var (owner, repo, number) = PullRequest;
                if (parts[4] != owner || parts[5] != repo
                    || (parts.Length > 7 && parts[6] is "pulls" or "issues" && int.TryParse(parts[7], out var n) && n != number))
                {
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsJsonAsync(new { message = "Not Found", documentation_url = "https://docs.github.com/rest" });
                    return;
                }
            }

            await next(context);
        });

        // A personal token may ask who it is; an app's installation token or the Actions token may not (403).
        app.MapGet("/api/v3/user", () => Token == TokenKind.Personal
            ? Results.Json(new JsonObject { ["login"] = Login, ["id"] = 1 })
            : Results.Json(new { message = "Resource not accessible by integration" }, statusCode: 403));

        // GraphQL answers viewer for a personal or an app token; for the Actions token it answers an error (with 200, as GraphQL does).
        app.MapPost("/api/graphql", () => Token == TokenKind.Actions
            ? Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "Resource not accessible by integration" }) })
            : Results.Json(new JsonObject { ["data"] = new JsonObject { ["viewer"] = new JsonObject { ["login"] = Login } } }));

        // The pull request itself: its base and head, as GitHub answers GET /pulls/N.
        app.MapGet("/api/v3/repos/{owner}/{repo}/pulls/{number:int}", (string owner, string repo, int number) => Results.Json(new JsonObject
        {
            ["number"] = number,
            ["state"] = "open",
            ["base"] = new JsonObject { ["sha"] = BaseSha, ["ref"] = "main", ["repo"] = new JsonObject { ["full_name"] = $"{owner}/{repo}" } },
            ["head"] = new JsonObject { ["sha"] = HeadSha, ["ref"] = "feature", ["repo"] = new JsonObject { ["full_name"] = HeadRepository ?? $"{owner}/{repo}" } },
        }));

        app.MapGet("/api/v3/repos/{owner}/{repo}/pulls/{number:int}/files", async (HttpContext context) =>
        {
            if (ListingDelay > TimeSpan.Zero)
            {
                await Task.Delay(ListingDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (Down)
            {
                return Results.Json(new { message = "Bad gateway" }, statusCode: 502);
            }

            if (GarbledListing)
            {
                return Results.Text("<html>an error page from a proxy</html>", "application/json", statusCode: 200);
            }

            if (ListingFailures.TryDequeue(out var failure))
            {
                return Fail(context, failure);
            }

            // GitHub lists at most 3,000 files of a pull request.
            return Page(context, Files.Take(3000).Select(f => (JsonNode)new JsonObject
            {
                ["sha"] = "0", ["filename"] = f.Name, ["status"] = f.Status, ["additions"] = 1, ["deletions"] = 0,
                ["changes"] = 1, ["previous_filename"] = f.Previous,
            }).ToList());
        });

        app.MapGet("/api/v3/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext context) =>
            Page(context, Comments.OrderBy(c => c.Key).Select(c => (JsonNode)Comment(context, c.Key, c.Value.Login, c.Value.Body)).ToList()));

        app.MapPost("/api/v3/repos/{owner}/{repo}/issues/{number:int}/comments", async (HttpContext context) =>
        {
            if (ReadOnlyToken)
            {
                return Results.Json(new { message = "Resource not accessible by integration" }, statusCode: 403);
            }

            var body = (await JsonNode.ParseAsync(context.Request.Body))!["body"]!.GetValue<string>();
            if (FailingCreates > 0)
            {
                FailingCreates--;
                if (CreatesBeforeFailing)
                {
                    Comments[Interlocked.Increment(ref _nextId)] = (Login, body);
                }

                return Results.Json(new { message = "Server Error" }, statusCode: 502);
            }

            var id = Interlocked.Increment(ref _nextId);
            Comments[id] = (Login, body);
            return GarbledCreate
                ? Results.Text("{\"id\": ", "application/json", statusCode: 201)
                : Results.Json(Comment(context, id, Comments[id].Login, body), statusCode: 201);
        });

        app.MapMethods("/api/v3/repos/{owner}/{repo}/issues/comments/{id:long}", ["PATCH"], async (HttpContext context, long id) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!["body"]!.GetValue<string>();
            Comments[id] = (Comments[id].Login, body);
            return Results.Json(Comment(context, id, Comments[id].Login, body));
        });

        app.MapGet("/api/v3/repos/{owner}/{repo}/contents/{**path}", (string path, string? @ref) =>
            @ref is not null && Contents.TryGetValue((@ref, path), out var text)
                ? Results.Text(text, "application/vnd.github.v3.raw")
                : Results.Json(new { message = "Not Found" }, statusCode: 404));
    }

    /// <summary>A failure as GitHub answers it, with the headers its documentation describes.</summary>
    private IResult Fail(HttpContext context, Failure failure)
    {
        var headers = context.Response.Headers;
        switch (failure)
        {
            case Failure.Primary403 or Failure.Primary429:
                headers["x-ratelimit-remaining"] = "0";
                headers["x-ratelimit-used"] = "5000";
                return Results.Json(
                    new { message = "API rate limit exceeded for installation ID 1.", documentation_url = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting" },
                    statusCode: failure == Failure.Primary403 ? 403 : 429);
            case Failure.SecondaryWithRetryAfter:
                headers["retry-after"] = "30";
                return Results.Json(new { message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, statusCode: 403);
            case Failure.Secondary:
                return Results.Json(new { message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, statusCode: 403);
            case Failure.Secondary429:
                return Results.Json(new { message = "Too many requests" }, statusCode: 429);
            case Failure.BadCredentials:
                return Results.Json(new { message = "Bad credentials", documentation_url = "https://docs.github.com/rest" }, statusCode: 401);
            case Failure.Forbidden:
                return Results.Json(new { message = "Resource not accessible by personal access token" }, statusCode: 403);
            default:
                return Results.Json(new { message = "Server Error" }, statusCode: 502);
        }
    }

    private static JsonObject Comment(HttpContext context, long id, string login, string body) => new()
    {
        ["id"] = id,
        ["node_id"] = "C" + id,
        ["url"] = $"{context.Request.Scheme}://{context.Request.Host}/api/v3/repos/o/r/issues/comments/{id}",
        ["html_url"] = $"https://github.example/o/r/pull/1#issuecomment-{id}",
        ["body"] = body,
        ["user"] = new JsonObject { ["login"] = login, ["id"] = 1 },
        ["created_at"] = "2026-11-23T00:00:00Z",
        ["updated_at"] = "2026-11-23T00:00:00Z",
    };

    /// <summary>One page of a list, with a Link header to the next page as GitHub sends it.</summary>
    private static IResult Page(HttpContext context, List<JsonNode> items)
    {
        var size = int.TryParse(context.Request.Query["per_page"], out var s) ? s : 30;
        var page = int.TryParse(context.Request.Query["page"], out var p) ? p : 1;
        if (page * size < items.Count)
        {
            var next = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?per_page={size}&page={page + 1}";
            context.Response.Headers["Link"] = $"<{next}>; rel=\"next\"";
        }

        return Results.Json(new JsonArray([.. items.Skip((page - 1) * size).Take(size).Select(i => i.DeepClone())]));
    }
}

/// <summary>What kind of token the action runs with.</summary>
public enum TokenKind
{
    /// <summary>A personal access token: <c>GET /user</c> answers.</summary>
    Personal,

    /// <summary>A GitHub App's installation token: <c>GET /user</c> is 403, GraphQL's viewer answers.</summary>
    App,

    /// <summary>The Actions token: neither answers; it acts as github-actions[bot].</summary>
    Actions,
}

/// <summary>How GitHub fails a call.</summary>
public enum Failure
{
    /// <summary>The primary rate limit, used up: 403 with <c>x-ratelimit-remaining: 0</c>.</summary>
    Primary403,

    /// <summary>The primary rate limit, used up: 429 with <c>x-ratelimit-remaining: 0</c>.</summary>
    Primary429,

    /// <summary>A secondary rate limit with <c>retry-after: 30</c>.</summary>
    SecondaryWithRetryAfter,

    /// <summary>A secondary rate limit: 403 without <c>retry-after</c>.</summary>
    Secondary,

    /// <summary>A secondary rate limit: 429 without <c>retry-after</c>.</summary>
    Secondary429,

    /// <summary>401 Bad credentials.</summary>
    BadCredentials,

    /// <summary>403 that is no rate limit (the token lacks a permission).</summary>
    Forbidden,

    /// <summary>502.</summary>
    ServerError,
}
