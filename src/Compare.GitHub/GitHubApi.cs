using System.Net;
using Octokit;

namespace Compare.GitHub;

/// <summary>The GitHub calls the action makes, through Octokit, with bounded retries for rate limits, 5xx answers and network failures.</summary>
internal sealed class GitHubApi(IGitHubClient client, string owner, string name, Func<TimeSpan, Task> delay, TextWriter log)
{
    /// <summary>How many times a call is tried.</summary>
    private const int Attempts = 4;

    /// <summary>The longest wait for a rate limit to reset before giving up.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    public Task<IReadOnlyList<PullRequestFile>> Files(int number) =>
        Retry(() => client.PullRequest.Files(owner, name, number, new ApiOptions { PageSize = 100 }));

    public Task<IReadOnlyList<IssueComment>> Comments(int number) =>
        Retry(() => client.Issue.Comment.GetAllForIssue(owner, name, number, new ApiOptions { PageSize = 100 }));

    public Task<IssueComment> Create(int number, string body) => Retry(() => client.Issue.Comment.Create(owner, name, number, body));

    public Task<IssueComment> Update(long id, string body) => Retry(() => client.Issue.Comment.Update(owner, name, id, body));

    public Task<byte[]> RawContent(string path, string reference) =>
        Retry(() => client.Repository.Content.GetRawContentByRef(owner, name, path, reference));

    /// <summary>The login the token acts as; an Actions token cannot ask (403), and acts as github-actions[bot].</summary>
    public async Task<string> Identity()
    {
        try
        {
            return (await Retry(() => client.User.Current()).ConfigureAwait(false)).Login;
        }
        catch (Exception ex) when (ex is ForbiddenException or AuthorizationException or NotFoundException)
        {
            return "github-actions[bot]";
        }
    }

    private async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (RateLimitExceededException ex) when (attempt < Attempts)
            {
                wait = Clamp(ex.Reset - DateTimeOffset.UtcNow);
            }
            catch (SecondaryRateLimitExceededException ex) when (attempt < Attempts)
            {
                wait = RetryAfter(ex) ?? Backoff(attempt);
            }
            catch (ApiException ex) when (attempt < Attempts && (ex.StatusCode == (HttpStatusCode)429 || (int)ex.StatusCode >= 500))
            {
                wait = RetryAfter(ex) ?? Backoff(attempt);
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                wait = Backoff(attempt);
            }

            await log.WriteLineAsync($"compare: GitHub did not answer (attempt {attempt} of {Attempts}); trying again in {wait.TotalSeconds:0} s").ConfigureAwait(false);
            await delay(wait).ConfigureAwait(false);
        }
    }

    private static TimeSpan? RetryAfter(ApiException ex) =>
        ex.HttpResponse?.Headers is { } headers && (headers.TryGetValue("Retry-After", out var value) || headers.TryGetValue("retry-after", out value))
        && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? Clamp(TimeSpan.FromSeconds(seconds))
            : null;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
}
