using NumberStyles = System.Globalization.NumberStyles;
using CultureInfo = System.Globalization.CultureInfo;
using System.Text.Json;
using Compare.Core;

namespace Compare.GitHub;

/// <summary>Everything a <c>compare pr</c> run needs: from the Actions environment, or given by hand.</summary>
/// <param name="Owner">The repository owner.</param>
/// <param name="Name">The repository name.</param>
/// <param name="Number">The pull request number.</param>
/// <param name="BaseSha">The base commit (for the base versions of modified documents).</param>
/// <param name="HeadSha">The head commit.</param>
/// <param name="ApiUrl">The REST API address (GitHub Enterprise Server too).</param>
/// <param name="Workspace">The checkout of the head commit.</param>
/// <param name="Token">The token, or null (then nothing is posted).</param>
public sealed record PullRequestRun(
    string Owner,
    string Name,
    int Number,
    string? BaseSha,
    string? HeadSha,
    Uri ApiUrl,
    string Workspace,
    string? Token)
{
    /// <summary>Which changed files are documents (a glob: <c>*</c>, <c>**</c>, <c>?</c>).</summary>
    public string Paths { get; init; } = "seeds/**";

    /// <summary>Whether to create or update the pull request comment.</summary>
    public bool Comment { get; init; } = true;

    /// <summary>Difference kinds that make the run fail (exit 1).</summary>
    public IReadOnlySet<DifferenceKind> FailOn { get; init; } = new HashSet<DifferenceKind>();

    /// <summary>The comparison options.</summary>
    public CompareOptions Options { get; init; } = CompareOptions.Default;

    /// <summary>The file the job summary is appended to (GITHUB_STEP_SUMMARY), or null.</summary>
    public string? StepSummary { get; init; }

    /// <summary>The file step outputs are appended to (GITHUB_OUTPUT), or null.</summary>
    public string? Outputs { get; init; }

    /// <summary>The repository the pull request's head lives in (a fork's, when it differs from this one), or null.</summary>
    public string? HeadRepository { get; init; }

    /// <summary>Where the full report is written.</summary>
    public string? ReportPath { get; init; }

    /// <summary>A folder to write an HTML page per comparison into (with an index.html), or null for none.</summary>
    public string? HtmlDirectory { get; init; }

    /// <summary>Where reviewers find the HTML pages (the workflow run's artifacts), linked from the comment; or null.</summary>
    public Uri? HtmlLink { get; init; }

    /// <summary>The login whose marked comment is this tool's (a GitHub App's <c>name[bot]</c>), or null to ask GitHub whom the token acts as.</summary>
    public string? CommentAuthor { get; init; }

    /// <summary>Which of several reports on one pull request this run keeps (one comment per tag: a job or a matrix leg), or null for the one untagged report.</summary>
    public string? CommentTag { get; init; }

    /// <summary>The workflow run's page, whose job summary holds the full report (linked from a cut comment), or null.</summary>
    public Uri? RunUrl { get; init; }

    /// <summary>How long one request to GitHub may take before it is tried again.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reads a run from the Actions environment: GITHUB_EVENT_PATH (pull_request.number, base.sha,
    /// head.sha), GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY,
    /// GITHUB_OUTPUT, GITHUB_TOKEN. Values given by hand (<paramref name="repository"/>,
    /// <paramref name="number"/>) win.
    /// </summary>
    /// <exception cref="InputException">Something needed is missing or malformed.</exception>
    public static PullRequestRun FromEnvironment(Func<string, string?> environment, string? repository = null, int? number = null, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? baseSha = null, headSha = null, headRepository = null;
        if (environment("GITHUB_EVENT_PATH") is { Length: > 0 } eventPath)
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(eventPath));
                if (json.RootElement.TryGetProperty("workflow_run", out var workflowRun) && workflowRun.ValueKind == JsonValueKind.Object
                    && workflowRun.TryGetProperty("head_sha", out var runHead) && runHead.ValueKind == JsonValueKind.String)
                {
                    // A workflow_run after a pull request's run: the head it checked out, which the pull request must have.
                    headSha = runHead.GetString();
                }

                if (json.RootElement.TryGetProperty("pull_request", out var pr))
                {
                    number ??= pr.GetProperty("number").GetInt32();
                    baseSha = pr.GetProperty("base").GetProperty("sha").GetString();
                    headSha = pr.GetProperty("head").GetProperty("sha").GetString();
                    headRepository = pr.GetProperty("head").TryGetProperty("repo", out var repo) && repo.ValueKind == JsonValueKind.Object
                        ? repo.GetProperty("full_name").GetString()
                        : null;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InputException($"GITHUB_EVENT_PATH {eventPath}: not a readable pull_request event ({ex.Message})", ex);
            }
        }

        repository ??= environment("GITHUB_REPOSITORY");
        if (repository?.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name])
        {
            throw new InputException("no repository: set GITHUB_REPOSITORY or pass --repo owner/name");
        }

        if (number is not > 0)
        {
            throw new InputException("no pull request: run on a pull_request event or pass --pr NUMBER");
        }

        var api = environment("GITHUB_API_URL") is { Length: > 0 } url ? url : "https://api.github.com";
        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUrl) || apiUrl.Scheme is not ("https" or "http"))
        {
            throw new InputException($"GITHUB_API_URL {api}: not an http or https address");
        }

        // The run's page (its job summary), when Actions says where it is.
        Uri? runUrl = null;
        if (environment("GITHUB_SERVER_URL") is { Length: > 0 } server && environment("GITHUB_RUN_ID") is { Length: > 0 } runId
            && long.TryParse(runId, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && Uri.TryCreate($"{server.TrimEnd('/')}/{owner}/{name}/actions/runs/{runId}", UriKind.Absolute, out var page) && page.Scheme is "https" or "http")
        {
            runUrl = page;
        }

        return new PullRequestRun(
            owner,
            name,
            number.Value,
            baseSha,
            headSha,
            apiUrl,
            environment("GITHUB_WORKSPACE") is { Length: > 0 } workspace ? workspace : Directory.GetCurrentDirectory(),
            token ?? (environment("GITHUB_TOKEN") is { Length: > 0 } t ? t : null))
        {
            StepSummary = environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary ? summary : null,
            Outputs = environment("GITHUB_OUTPUT") is { Length: > 0 } outputs ? outputs : null,
            HeadRepository = headRepository,
            RunUrl = runUrl,
        };
    }
}
