using System.Text;
using Compare.Core;
using Compare.Core.Reports;
using Compare.Core.Reading;
using Octokit;

namespace Compare.GitHub;

/// <summary>What a <c>compare pr</c> run did.</summary>
/// <param name="ExitCode">0 done; 1 a difference of a fail-on kind was found; 69 nothing could be reported (GitHub unreachable and no job summary).</param>
/// <param name="ReportPath">Where the full report was written.</param>
/// <param name="CommentId">The comment's id, when one was created, updated or found unchanged.</param>
/// <param name="CommentUrl">The comment's address.</param>
/// <param name="Documents">The documents reported on.</param>
/// <param name="Differences">How many labelled differences the report holds.</param>
public sealed record PullRequestOutcome(int ExitCode, string? ReportPath, long? CommentId, string? CommentUrl, IReadOnlyList<string> Documents, int Differences);

/// <summary>
/// The GitHub Action's work: finds the documents the pull request touches, compares the changed ones of
/// each folder with each other and with the folder's most similar documents (and a modified one with its
/// base version), and keeps one comment on the pull request up to date, with the report in the job summary.
/// </summary>
public static class PullRequestAction
{
    /// <summary>Runs for one pull request.</summary>
    /// <param name="run">What to run on.</param>
    /// <param name="log">Where messages and workflow commands (<c>::warning::</c>) go (standard output in Actions).</param>
    /// <param name="delay">How to wait between retries (tests pass one that does not wait).</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="InputException">The run is misconfigured (no token, bad paths, a folder or file that cannot be written).</exception>
    public static async Task<PullRequestOutcome> RunAsync(PullRequestRun run, TextWriter log, Func<TimeSpan, Task>? delay = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        Validate(run);
        var glob = Glob.ToRegex(run.Paths);
        var client = new GitHubClient(new ProductHeaderValue("compare", ProductVersion.Number), run.ApiUrl) { Credentials = new Credentials(run.Token) };
        client.SetRequestTimeout(run.RequestTimeout);
        var api = new GitHubApi(client, run.Owner, run.Name, run.ApiUrl, delay ?? (wait => Task.Delay(wait, cancellation)), log);

        if (run.BaseSha is null)
        {
            // Not a pull_request event (workflow_run with the number given): the pull request says its base and head.
            PullRequest? pull = null;
            try
            {
                pull = await api.PullRequest(run.Number).ConfigureAwait(false);
                run = run with { BaseSha = pull.Base?.Sha, HeadRepository = run.HeadRepository ?? pull.Head?.Repository?.FullName };
            }
            catch (ApiException ex) when (api.Refusal(ex, $"read pull request {run.Owner}/{run.Name}#{run.Number}") is { } refusal && (int)ex.StatusCode == 404)
            {
                throw refusal;
            }
            catch (Exception ex) when (GitHubApi.IsFailure(ex))
            {
                await Warn(log, $"cannot read the pull request's base commit ({GitHubApi.Describe(ex)}); changed documents get no revision report").ConfigureAwait(false);
            }

            // A workflow_run names the head it checked out: a pull request number that does not go with it
            // (from an artifact a fork's run wrote) would put this report on another pull request.
            if (pull?.Head?.Sha is { } head && run.HeadSha is { } checkedOut && !string.Equals(head, checkedOut, StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException($"pull request {run.Owner}/{run.Name}#{run.Number} is at {head}, not at the head this run checked out ({checkedOut}): check the pr-number input");
            }
        }

        IReadOnlyList<PullRequestFile> files;
        try
        {
            files = await api.Files(run.Number).ConfigureAwait(false);
        }
        catch (ApiException ex) when (api.Refusal(ex, $"list the files of pull request {run.Owner}/{run.Name}#{run.Number}") is { } refusal)
        {
            throw refusal;
        }
        catch (Exception ex) when (GitHubApi.IsFailure(ex))
        {
            await log.WriteLineAsync($"::error::compare: cannot list the pull request's files: {GitHubApi.Describe(ex)}").ConfigureAwait(false);
            WriteOutputs(run, new PullRequestOutcome(69, null, null, null, [], 0));
            return new PullRequestOutcome(69, null, null, null, [], 0);
        }

        if (files.Count >= MaxListedFiles)
        {
            await Warn(log, $"GitHub lists only the first {MaxListedFiles:N0} files of a pull request; documents changed beyond them are not compared").ConfigureAwait(false);
        }

        var watched = files.Where(f => glob.IsMatch(f.FileName) && f.Status != "unchanged").ToList();
        var folders = await FolderComparisons.PlanAsync(run, api, watched, glob, cancellation).ConfigureAwait(false);
        var documents = folders.SelectMany(f => f.Documents).Select(d => d.Path).Order(StringComparer.Ordinal).ToList();
        var differences = folders.SelectMany(f => f.Comparisons).SelectMany(c => c.Result.Alignments).SelectMany(g => g.Differences).ToList();
        var failed = differences.Any(d => run.FailOn.Contains(d.Kind));

        var reportPath = run.ReportPath ?? Path.Combine(Path.GetTempPath(), $"compare-pr-{run.Number}.md");
        var full = PullRequestReport.Full(run.Number, folders, run.CommentTag, run.HtmlLink);
        OutputFile.Write(reportPath, full);
        if (run.HtmlDirectory is { } htmlDirectory)
        {
            HtmlPages.Write(htmlDirectory, run.Number, folders, full);
        }

        var summarised = false;
        if (run.StepSummary is { } summary)
        {
            var place = new FullReportPlace(run.HtmlDirectory is null ? "the file the action's report-path output names" : "report.md among this run's artifacts", run.HtmlLink);
            await File.AppendAllTextAsync(summary, PullRequestReport.Summary(run.Number, folders, place, run.CommentTag, htmlLink: run.HtmlLink) + "\n", cancellation).ConfigureAwait(false);
            summarised = true;
        }

        var outcome = new PullRequestOutcome(failed ? 1 : 0, reportPath, null, null, documents, differences.Count);
        try
        {
            if (run.Comment)
            {
                var place = new FullReportPlace(run.StepSummary is null ? "the report file" : "the job summary", run.StepSummary is null ? null : run.RunUrl);
                var body = documents.Count == 0
                    ? null // Nothing watched changed: no comment is created, one there already is told so.
                    : PullRequestReport.Comment(run.Number, folders, place, run.CommentTag, htmlLink: run.HtmlLink);
                try
                {
                    var comment = await Upsert(api, run.Number, body, PullRequestReport.NothingChanged(run.Number, run.CommentTag), PullRequestReport.MarkerFor(run.CommentTag), run.CommentAuthor).ConfigureAwait(false);
                    outcome = outcome with { CommentId = comment?.Id, CommentUrl = comment?.HtmlUrl };
                }
                catch (ForbiddenException ex)
                {
                    // A fork's pull request gets a read-only token: the job summary carries the report.
                    var fork = run.HeadRepository is { } head && !head.Equals($"{run.Owner}/{run.Name}", StringComparison.OrdinalIgnoreCase)
                        ? $" (a pull request from {head}: its token is read-only)"
                        : string.Empty;
                    await Warn(log, $"cannot comment on the pull request ({ex.Message}){fork}; the report is in the job summary").ConfigureAwait(false);
                }
                catch (Exception ex) when (GitHubApi.IsFailure(ex))
                {
                    await Warn(log, $"cannot comment on the pull request: {GitHubApi.Describe(ex)}").ConfigureAwait(false);
                    if (!summarised)
                    {
                        outcome = outcome with { ExitCode = 69 };
                    }
                }
            }
        }
        finally
        {
            // Whatever happens to the comment, the step's outputs are written (an unexpected error still fails the step).
            WriteOutputs(run, outcome);
        }

        return outcome;
    }

    /// <summary>GitHub lists at most this many files of a pull request.</summary>
    private const int MaxListedFiles = 3000;

    /// <summary>Refuses a run whose settings cannot work, before anything is asked or written.</summary>
    private static void Validate(PullRequestRun run)
    {
        if (run.Token is null)
        {
            throw new InputException("no token: set GITHUB_TOKEN or pass --token");
        }

        if (run.CommentTag is { } tag && !PullRequestReport.IsValidTag(tag))
        {
            throw new InputException($"comment tag {tag}: use 1 to 64 letters, digits, '.', '_' or '-'");
        }

        if (run.ApiUrl.Scheme is not ("https" or "http"))
        {
            throw new InputException($"GitHub API address {run.ApiUrl}: use an http or https address");
        }

        if (run.ReportPath is { } report)
        {
            OutputFile.Check(report);
        }

        if (run.HtmlDirectory is { } html && File.Exists(html))
        {
            throw new InputException($"--html-dir {html}: is a file; give a folder for the HTML pages");
        }
    }

    /// <summary>
    /// Finds this tool's comment by marker and author (the given one, or the token's own login; never
    /// someone else's comment quoting the marker), and creates or updates it; with no body, only updates
    /// one there already is, to <paramref name="nothing"/>. A create that GitHub answers with 5xx may have
    /// been made all the same, so the comments are listed again before another try.
    /// </summary>
    private static async Task<IssueComment?> Upsert(GitHubApi api, int number, string? body, string nothing, string marker, string? author)
    {
        var identity = author ?? await api.Identity().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var comments = await api.Comments(number).ConfigureAwait(false);
            var ours = comments.FirstOrDefault(c =>
                (c.Body == marker || c.Body?.StartsWith(marker + "\n", StringComparison.Ordinal) == true)
                && string.Equals(c.User?.Login, identity, StringComparison.OrdinalIgnoreCase));
            if (ours is not null)
            {
                var text = body ?? nothing;
                return ours.Body == text ? ours : await api.Update(ours.Id, text).ConfigureAwait(false);
            }

            if (body is null)
            {
                return null;
            }

            try
            {
                return await api.Create(number, body).ConfigureAwait(false);
            }
            catch (ApiException ex) when ((int)ex.StatusCode >= 500 && attempt < CreateAttempts)
            {
            }
        }
    }

    /// <summary>How many times a comment is created before giving up on 5xx answers.</summary>
    private const int CreateAttempts = 3;

    /// <summary>How many documents of an event folder a changed document is compared with: the most similar.</summary>
    internal const int MaxRelated = FolderComparisons.MaxRelated;

    private static Task Warn(TextWriter log, string message) =>
        log.WriteLineAsync("::warning::compare: " + ReportText.ShowControlCharacters(message.ReplaceLineEndings(" ")));

    private static void WriteOutputs(PullRequestRun run, PullRequestOutcome outcome)
    {
        if (run.Outputs is { } outputs)
        {
            File.AppendAllText(outputs, Outputs(outcome));
        }
    }

    /// <summary>Step outputs in GITHUB_OUTPUT's format, multi-line values with a delimiter no value contains; a path's line breaks and control characters shown, never obeyed.</summary>
    internal static string Outputs(PullRequestOutcome outcome)
    {
        static string Line(string? value) => ReportText.ShowControlCharacters((value ?? string.Empty).Replace('\n', ' ').Replace('\r', ' '));
        var delimiter = "compare_" + Guid.NewGuid().ToString("N");
        var lines = new StringBuilder();
        lines.Append($"report-path={Line(outcome.ReportPath)}\n");
        lines.Append($"comment-id={outcome.CommentId}\n");
        lines.Append($"comment-url={Line(outcome.CommentUrl)}\n");
        lines.Append($"documents<<{delimiter}\n");
        foreach (var document in outcome.Documents)
        {
            lines.Append(Line(document)).Append('\n');
        }

        lines.Append(delimiter).Append('\n');
        lines.Append($"differences={outcome.Differences}\n");
        return lines.ToString();
    }
}
