using System.Collections.Concurrent;
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

    /// <summary>The pull request's comments.</summary>
    public ConcurrentDictionary<long, (string Login, string Body)> Comments { get; } = new();

    /// <summary>Contents at a commit: (ref, path) → text.</summary>
    public Dictionary<(string Ref, string Path), string> Contents { get; } = [];

    /// <summary>The login /user answers with, or null for an Actions token (403).</summary>
    public string? Login { get; set; } = "compare-bot";

    /// <summary>Answer comment writes with 403 "Resource not accessible by integration" (a fork's token).</summary>
    public bool ReadOnlyToken { get; set; }

    /// <summary>How many file listings answer 429 with retry-after before one succeeds.</summary>
    public int RateLimitedListings { get; set; }

    /// <summary>Answer every file listing with 502.</summary>
    public bool Down { get; set; }

    /// <summary>Every request: method and path.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

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
            await next(context);
        });

        app.MapGet("/api/v3/user", () => Login is null
            ? Results.Json(new { message = "Resource not accessible by integration" }, statusCode: 403)
            : Results.Json(new JsonObject { ["login"] = Login, ["id"] = 1 }));

        app.MapGet("/api/v3/repos/{owner}/{repo}/pulls/{number:int}/files", (HttpContext context) =>
        {
            if (Down)
            {
                return Results.Json(new { message = "Bad gateway" }, statusCode: 502);
            }

            if (RateLimitedListings > 0)
            {
                RateLimitedListings--;
                context.Response.Headers["Retry-After"] = "1";
                return Results.Json(new { message = "You have exceeded a secondary rate limit" }, statusCode: 429);
            }

            return Page(context, Files.Select(f => (JsonNode)new JsonObject
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
            var id = Interlocked.Increment(ref _nextId);
            Comments[id] = (Login ?? "github-actions[bot]", body);
            return Results.Json(Comment(context, id, Comments[id].Login, body), statusCode: 201);
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
