using System.Globalization;
using System.Net;
using System.Text.Json;
using Compare.Core;
using Octokit;

namespace Compare.GitHub;

/// <summary>
/// The GitHub calls the action makes, through Octokit, retried as GitHub documents: after a primary rate
/// limit (403 or 429 with <c>x-ratelimit-remaining: 0</c>) not before <c>x-ratelimit-reset</c>; after a
/// secondary one the <c>retry-after</c> seconds, or at least a minute, doubling; 5xx answers and network
/// failures after 1, 2, 4 s. All waits together stay within a budget, past which a
/// <see cref="GitHubUnavailableException"/> says why.
/// </summary>
internal sealed class GitHubApi(IGitHubClient client, string owner, string name, Uri apiUrl, Func<TimeSpan, Task> delay, TextWriter log)
{
    /// <summary>How many times a call that fails for a 5xx answer or the network is tried.</summary>
    private const int Attempts = 4;

    /// <summary>How many times a call that meets rate limits is tried (within the budget for waits).</summary>
    private const int RateLimitedAttempts = 8;

    /// <summary>How long all waits of one run may take together.</summary>
    public static readonly TimeSpan WaitBudget = TimeSpan.FromMinutes(15);

    /// <summary>The shortest wait after a secondary rate limit that gives no retry-after.</summary>
    private static readonly TimeSpan SecondaryWait = TimeSpan.FromMinutes(1);

    private TimeSpan _waited = TimeSpan.Zero;

    /// <summary>The pull request's files (GitHub lists at most 3,000).</summary>
    public Task<IReadOnlyList<PullRequestFile>> Files(int number) =>
        Retry($"list the files of pull request {owner}/{name}#{number}", () => client.PullRequest.Files(owner, name, number, new ApiOptions { PageSize = 100 }));

    /// <summary>The pull request itself: its base and head commits, for a run outside a pull_request event (workflow_run with a number).</summary>
    public Task<PullRequest> PullRequest(int number) =>
        Retry($"read pull request {owner}/{name}#{number}", () => client.PullRequest.Get(owner, name, number));

    public Task<IReadOnlyList<IssueComment>> Comments(int number) =>
        Retry($"list the comments of pull request {owner}/{name}#{number}", () => client.Issue.Comment.GetAllForIssue(owner, name, number, new ApiOptions { PageSize = 100 }));

    /// <summary>Creates a comment, once: a failed write may still have been made, so the caller looks again before it writes again.</summary>
    public Task<IssueComment> Create(int number, string body) => client.Issue.Comment.Create(owner, name, number, body);

    /// <summary>Updates a comment (updating twice is harmless, so it is retried).</summary>
    public Task<IssueComment> Update(long id, string body) => Retry("update the comment", () => client.Issue.Comment.Update(owner, name, id, body));

    public Task<byte[]> RawContent(string path, string reference) =>
        Retry($"read {path} at {reference}", () => client.Repository.Content.GetRawContentByRef(owner, name, path, reference));

    /// <summary>
    /// The login the token acts as: a personal token answers <c>GET /user</c>; a GitHub App's installation
    /// token cannot (403) but GraphQL's <c>viewer</c> answers for it; the Actions token answers neither
    /// and acts as github-actions[bot].
    /// </summary>
    public async Task<string> Identity()
    {
        try
        {
            return (await Retry("ask who the token is", () => client.User.Current()).ConfigureAwait(false)).Login;
        }
        catch (Exception ex) when (IsFailure(ex))
        {
        }

        try
        {
            // The request is written and the answer read with System.Text.Json's reader: Octokit's own
            // serializer reads into types by reflection, which the native build does not keep for ours.
            var response = await Retry("ask GraphQL who the token is", () => client.Connection.Post<object>(
                GraphQlUrl(apiUrl), ViewerQuery, "application/json", "application/json")).ConfigureAwait(false);
            if (ViewerLogin(response.HttpResponse?.Body as string) is { Length: > 0 } login)
            {
                return login;
            }
        }
        catch (Exception ex) when (IsFailure(ex))
        {
        }

        return "github-actions[bot]";
    }

    /// <summary>The GraphQL endpoint beside a REST address: api.github.com/graphql, or host/api/graphql on GitHub Enterprise Server.</summary>
    internal static Uri GraphQlUrl(Uri api)
    {
        var path = api.AbsolutePath.TrimEnd('/');
        return new Uri(api, path.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase) ? path[..^"/v3".Length] + "/graphql" : path + "/graphql");
    }

    private async Task<T> Retry<T>(string what, Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            string why;
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ApiException ex) when (attempt < RateLimitedAttempts && RateLimitWait(ex, attempt) is { } limit)
            {
                (wait, why) = limit;
            }
            catch (ApiException ex) when ((int)ex.StatusCode >= 500 && attempt < Attempts)
            {
                (wait, why) = (Backoff(attempt), $"GitHub answered {(int)ex.StatusCode}");
            }
            catch (HttpRequestException ex) when (attempt < Attempts)
            {
                (wait, why) = (Backoff(attempt), $"GitHub could not be reached ({ex.Message})");
            }
            catch (Exception ex) when (ex is TaskCanceledException or TimeoutException && attempt < Attempts)
            {
                (wait, why) = (Backoff(attempt), "GitHub did not answer in time");
            }
            catch (Exception ex) when (IsGarbled(ex) && attempt < Attempts)
            {
                (wait, why) = (Backoff(attempt), "GitHub's answer was not the JSON it documents");
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                throw new GitHubUnavailableException($"cannot {what}: {Describe(ex)}, after {Attempts} attempts");
            }

            if (_waited + wait > WaitBudget)
            {
                throw new GitHubUnavailableException(
                    $"cannot {what}: {why}, and waiting {Seconds(wait)} more would pass the {WaitBudget.TotalMinutes:0}-minute budget for waits");
            }

            _waited += wait;
            await log.WriteLineAsync($"compare: {why}; trying again in {Seconds(wait)} (attempt {attempt + 1})").ConfigureAwait(false);
            await delay(wait).ConfigureAwait(false);
        }
    }

    /// <summary>How long to wait before trying again after a rate limit, and why; null when the answer is no rate limit.</summary>
    private static (TimeSpan Wait, string Why)? RateLimitWait(ApiException ex, int attempt)
    {
        var status = (int)ex.StatusCode;
        var headers = ex.HttpResponse?.Headers;
        if (status is not (403 or 429))
        {
            return null;
        }

        if (Header(headers, "retry-after") is { } retryAfter && int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return (TimeSpan.FromSeconds(seconds), $"GitHub's secondary rate limit ({status}, retry after {seconds} s)");
        }

        if (Header(headers, "x-ratelimit-remaining") == "0")
        {
            // A reset time past any date (or none) is taken as a minute from now.
            var reset = long.TryParse(Header(headers, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && epoch <= MaxEpoch
                ? DateTimeOffset.FromUnixTimeSeconds(epoch)
                : DateTimeOffset.UtcNow.Add(SecondaryWait);
            var wait = reset - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
            return (wait < TimeSpan.Zero ? TimeSpan.Zero : wait, $"GitHub's rate limit is used up ({status}) until {reset.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
        }

        if (status == 429 || ex is SecondaryRateLimitExceededException || ex.Message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase))
        {
            return (SecondaryWait * Math.Pow(2, attempt - 1), $"GitHub's secondary rate limit ({status})");
        }

        return null;
    }

    /// <summary>What the user must fix when GitHub refuses a read for a reason no retry cures (401, a 403 that is no rate limit, 404), or null.</summary>
    public InputException? Refusal(ApiException ex, string what) => (int)ex.StatusCode switch
    {
        401 => new InputException($"cannot {what}: GitHub refused the token (401 {ex.Message}): check the github-token input or GITHUB_TOKEN", ex),
        403 => new InputException($"cannot {what}: the token may not ({ex.Message}): give it pull-requests: write and contents: read", ex),
        404 => new InputException($"cannot {what}: GitHub does not know it (404): check the repository {owner}/{name}, the pull request number, and that the token can read them", ex),
        _ => null,
    };

    /// <summary>The last second DateTimeOffset can hold, in Unix time.</summary>
    private static readonly long MaxEpoch = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Whether an exception is GitHub failing a call (an answer, a network failure, a timeout, garbled JSON, or too many of them), not a bug.</summary>
    public static bool IsFailure(Exception ex) => ex is ApiException or GitHubUnavailableException || IsTransient(ex);

    /// <summary>A failure that may pass: the network, a timeout, an answer that is not JSON.</summary>
    private static bool IsTransient(Exception ex) => ex is HttpRequestException or TaskCanceledException or TimeoutException || IsGarbled(ex);

    /// <summary>An answer Octokit cannot read: its JSON reader throws SerializationException, or a value of the wrong type.</summary>
    private static bool IsGarbled(Exception ex) => ex is System.Runtime.Serialization.SerializationException or System.Text.Json.JsonException or FormatException or InvalidCastException;

    /// <summary>A failure in one line: an answer's status and message, or what went wrong.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        ApiException api => $"{(int)api.StatusCode} {api.Message}",
        TaskCanceledException or TimeoutException => "GitHub did not answer in time",
        _ when IsGarbled(ex) => "GitHub's answer was not the JSON it documents",
        _ => ex.Message,
    };

    private static string? Header(IReadOnlyDictionary<string, string>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));

    private static string Seconds(TimeSpan wait) => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(wait.TotalSeconds):0} s");

    /// <summary>The GraphQL request for the token's login, as JSON.</summary>
    private const string ViewerQuery = """{"query":"query { viewer { login } }"}""";

    /// <summary>The login in GraphQL's answer to <see cref="ViewerQuery"/> (<c>{"data":{"viewer":{"login":…}}}</c>), or null for an error or anything else.</summary>
    internal static string? ViewerLogin(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                   && data.TryGetProperty("viewer", out var viewer) && viewer.ValueKind == JsonValueKind.Object
                   && viewer.TryGetProperty("login", out var login) && login.ValueKind == JsonValueKind.String
                ? login.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>GitHub could not be reached, or kept answering with rate limits or errors past the budget for waits.</summary>
internal sealed class GitHubUnavailableException(string message) : Exception(message);
