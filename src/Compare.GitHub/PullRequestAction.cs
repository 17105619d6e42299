using System.Text;
using Compare.Core;
using Compare.Core.Reading;
using Compare.Core.Reports;
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
/// The GitHub Action's work: finds the pull request's documents, compares each new or changed one with
/// its related documents (and a changed one with its base version), and keeps one comment on the pull
/// request up to date, with the same report in the job summary.
/// </summary>
public static class PullRequestAction
{
    /// <summary>Runs for one pull request.</summary>
    /// <param name="run">What to run on.</param>
    /// <param name="log">Where messages and workflow commands (<c>::warning::</c>) go (standard output in Actions).</param>
    /// <param name="delay">How to wait between retries (tests pass one that does not wait).</param>
    /// <exception cref="InputException">The run is misconfigured (no token, bad paths).</exception>
    public static async Task<PullRequestOutcome> RunAsync(PullRequestRun run, TextWriter log, Func<TimeSpan, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        if (run.Token is null)
        {
            throw new InputException("no token: set GITHUB_TOKEN or pass --token");
        }

        var client = new GitHubClient(new ProductHeaderValue("compare", ProductVersion.Number), run.ApiUrl) { Credentials = new Credentials(run.Token) };
        var api = new GitHubApi(client, run.Owner, run.Name, run.ApiUrl, delay ?? (wait => Task.Delay(wait)), log);

        if (run.CommentTag is { } tag && !PullRequestReport.IsValidTag(tag))
        {
            throw new InputException($"comment tag {tag}: use 1 to 64 letters, digits, '.', '_' or '-'");
        }

        if (run.BaseSha is null)
        {
            // Not a pull_request event (workflow_run with the number given): the pull request says its base and head.
            try
            {
                var pull = await api.PullRequest(run.Number).ConfigureAwait(false);
                run = run with { BaseSha = pull.Base?.Sha, HeadRepository = run.HeadRepository ?? pull.Head?.Repository?.FullName };
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or GitHubUnavailableException)
            {
                await log.WriteLineAsync($"::warning::compare: cannot read the pull request's base commit ({Describe(ex)}); changed documents get no revision report").ConfigureAwait(false);
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
        catch (Exception ex) when (ex is ApiException or HttpRequestException or GitHubUnavailableException)
        {
            await log.WriteLineAsync($"::error::compare: cannot list the pull request's files: {Describe(ex)}").ConfigureAwait(false);
            return new PullRequestOutcome(69, null, null, null, [], 0);
        }

        if (files.Count >= MaxListedFiles)
        {
            await log.WriteLineAsync($"::warning::compare: GitHub lists only the first {MaxListedFiles:N0} files of a pull request; documents changed beyond them are not compared").ConfigureAwait(false);
        }

        var glob = Glob.ToRegex(run.Paths);
        var documents = new List<DocumentReport>();
        foreach (var file in files.Where(f => glob.IsMatch(f.FileName) && f.Status != "unchanged").OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            documents.Add(await Document(run, api, file, glob).ConfigureAwait(false));
        }

        var full = PullRequestReport.Full(run.Number, documents, run.HtmlLink);
        var reportPath = run.ReportPath ?? Path.Combine(Path.GetTempPath(), $"compare-pr-{run.Number}.md");
        await File.WriteAllTextAsync(reportPath, full).ConfigureAwait(false);
        if (run.HtmlDirectory is { } htmlDirectory)
        {
            HtmlPages.Write(htmlDirectory, run.Number, documents);
        }

        var summarised = false;
        if (run.StepSummary is { } summary)
        {
            await File.AppendAllTextAsync(summary, PullRequestReport.Summary(run.Number, documents, run.CommentTag, htmlLink: run.HtmlLink) + "\n").ConfigureAwait(false);
            summarised = true;
        }

        IssueComment? comment = null;
        if (run.Comment)
        {
            try
            {
                comment = await Upsert(
                    api, run.Number, PullRequestReport.Comment(run.Number, documents, run.CommentTag, htmlLink: run.HtmlLink), PullRequestReport.MarkerFor(run.CommentTag), run.CommentAuthor)
                    .ConfigureAwait(false);
            }
            catch (ForbiddenException ex)
            {
                // A fork's pull request gets a read-only token: the job summary carries the report.
                var fork = run.HeadRepository is { } head && !head.Equals($"{run.Owner}/{run.Name}", StringComparison.OrdinalIgnoreCase)
                    ? $" (a pull request from {head}: its token is read-only)"
                    : string.Empty;
                await log.WriteLineAsync($"::warning::compare: cannot comment on the pull request ({ex.Message}){fork}; the report is in the job summary").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or GitHubUnavailableException)
            {
                await log.WriteLineAsync($"::warning::compare: cannot comment on the pull request: {Describe(ex)}").ConfigureAwait(false);
                if (!summarised)
                {
                    return new PullRequestOutcome(69, reportPath, null, null, [.. documents.Select(d => d.Path)], 0);
                }
            }
        }

        var differences = documents.SelectMany(d => d.Comparisons).SelectMany(c => c.Result.Alignments).SelectMany(g => g.Differences).ToList();
        var outcome = new PullRequestOutcome(
            differences.Any(d => run.FailOn.Contains(d.Kind)) ? 1 : 0,
            reportPath,
            comment?.Id,
            comment?.HtmlUrl,
            [.. documents.Select(d => d.Path)],
            differences.Count);
        if (run.Outputs is { } outputs)
        {
            await File.AppendAllTextAsync(outputs, Outputs(outcome)).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>GitHub lists at most this many files of a pull request.</summary>
    private const int MaxListedFiles = 3000;

    /// <summary>
    /// Finds this tool's comment by marker and author (the given one, or the token's own login; never
    /// someone else's comment quoting the marker), and creates or updates it. A create that GitHub answers
    /// with 5xx may have been made all the same, so the comments are listed again before another try.
    /// </summary>
    private static async Task<IssueComment> Upsert(GitHubApi api, int number, string body, string marker, string? author)
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
                return ours.Body == body ? ours : await api.Update(ours.Id, body).ConfigureAwait(false);
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

    private static async Task<DocumentReport> Document(PullRequestRun run, GitHubApi api, PullRequestFile file, System.Text.RegularExpressions.Regex glob)
    {
        var path = file.FileName;
        switch (file.Status)
        {
            case "removed":
                return new DocumentReport(path, DocumentChange.Removed, null, [], "Removed in this pull request.");
            case "renamed" when file.Changes == 0:
                return new DocumentReport(path, DocumentChange.Renamed, file.PreviousFileName, [], "Renamed without changes.");
        }

        SourceInput head;
        try
        {
            head = WorkspaceFiles.Read(run.Workspace, path, run.Options);
        }
        catch (InputException ex)
        {
            return new DocumentReport(path, Change(file), file.PreviousFileName, [], $"Cannot be read: {ex.Message}");
        }

        var comparisons = new List<DocumentComparison>();
        if (Change(file) is DocumentChange.Modified or DocumentChange.Renamed && run.BaseSha is { } baseSha)
        {
            var basePath = file.PreviousFileName ?? path;
            var bytes = new Git(run.Workspace).Show(baseSha, basePath);
            if (bytes is null)
            {
                try
                {
                    bytes = await api.RawContent(basePath, baseSha).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ApiException or HttpRequestException)
                {
                    bytes = null;
                }
            }

            // The base version is read as any document is (binary, oversized, invalid UTF-8); one that is no readable document gets no revision report.
            if (bytes is not null && TryRead(() => SourceReader.FromBytes($"{basePath} (base)", bytes, run.Options) with { Format = head.Format }) is { } before)
            {
                comparisons.Add(new DocumentComparison($"Revision: base {Short(baseSha)} → head", Comparison.Compare([before, head], run.Options), IsRevision: true));
            }
        }

        var (related, leftOut) = Related(run, head, glob);
        comparisons.AddRange(related);

        var note = comparisons.Count == 0 ? "No related document in the repository to compare it with." : leftOut;
        return new DocumentReport(path, Change(file), file.PreviousFileName, comparisons, note);
    }

    /// <summary>
    /// The document's comparisons with related documents: the (at most <see cref="MaxRelated"/>) most
    /// similar others in its event folder where the repository groups documents so (a folder below the
    /// watched root), with a note naming the ones left out; otherwise the (at most 3) most similar in the
    /// repository. Each is compared once (the comparison that measures the similarity is the one reported).
    /// </summary>
    private static (List<DocumentComparison> Comparisons, string? LeftOut) Related(PullRequestRun run, SourceInput head, System.Text.RegularExpressions.Regex glob)
    {
        var others = WorkspaceFiles.Documents(run.Workspace)
            .Where(f => glob.IsMatch(f) && f != head.Path)
            .ToList();
        var folder = Path.GetDirectoryName(head.Path)?.Replace('\\', '/') ?? string.Empty;
        var root = run.Paths.Split('*')[0].TrimEnd('/');
        var grouped = folder.Length > root.Length;
        if (grouped)
        {
            others = [.. others.Where(f => Path.GetDirectoryName(f)?.Replace('\\', '/') == folder)];
        }

        // A related file that is no readable document (binary, oversized) is left out, not the run failed.
        var compared = others
            .Select(f => TryRead(() => WorkspaceFiles.Read(run.Workspace, f, run.Options)))
            .OfType<SourceInput>()
            .Select(other => (Input: other, Comparison: new DocumentComparison($"Compared with {other.Path}", Comparison.Compare([other, head], run.Options))))
            .Select(c => (c.Input, c.Comparison, Similarity: Similarity(c.Comparison.Result)))
            .ToList();
        var kept = compared
            .Where(c => grouped || c.Similarity >= SimilarityFloor)
            .OrderByDescending(c => c.Similarity)
            .Take(grouped ? MaxRelated : 3)
            .ToList();
        if (!grouped)
        {
            return ([.. kept.Select(c => c.Comparison)], null);
        }

        // In the event folder's order, as a reader lists it.
        var notCompared = compared.Where(c => !kept.Contains(c)).Select(c => MarkdownText.Code(c.Input.Path)).ToList();
        var leftOut = notCompared.Count == 0
            ? null
            : $"Compared with the {kept.Count} most similar of the {compared.Count} other documents in {MarkdownText.Code(folder + "/")}; not compared: {string.Join(", ", notCompared)}.";
        if (kept.Count < 2)
        {
            return ([.. kept.Select(c => c.Comparison)], leftOut);
        }

        // The event folder's documents and this one in one comparison (in the folder's order, this one last):
        // each claim with the sources that carry it, instead of a report per pair.
        SourceInput[] inputs = [.. compared.Where(kept.Contains).Select(c => c.Input), head];
        var title = $"Compared with {inputs.Length - 1} documents of {folder}/ in one comparison ({head.Path} is {Report.Label(inputs.Length - 1)})";
        return ([new DocumentComparison(title, Comparison.Compare(inputs, run.Options))], leftOut);
    }

    private static SourceInput? TryRead(Func<SourceInput> read)
    {
        try
        {
            return read();
        }
        catch (InputException)
        {
            return null;
        }
    }

    /// <summary>The share of statements that align below which documents are not related.</summary>
    private const double SimilarityFloor = 0.1;

    private static double Similarity(ComparisonResult result)
    {
        var total = result.Sources.Sum(s => s.Statements);
        return total == 0 ? 0 : (double)result.Alignments.Sum(g => g.Statements.Count) / total;
    }

    /// <summary>GitHub's file statuses: added, removed, modified, renamed, copied, changed (its mode only), unchanged.</summary>
    private static DocumentChange Change(PullRequestFile file) => file.Status switch
    {
        "added" => DocumentChange.Added,
        "removed" => DocumentChange.Removed,
        "renamed" => DocumentChange.Renamed,
        "copied" => DocumentChange.Copied,
        _ => DocumentChange.Modified,
    };

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static string Describe(Exception ex) => ex is ApiException api ? $"{(int)api.StatusCode} {api.Message}" : ex.Message;

    /// <summary>How many documents of an event folder a document is compared with: the most similar.</summary>
    internal const int MaxRelated = 5;

    /// <summary>Step outputs in GITHUB_OUTPUT's format, multi-line values with a delimiter no value contains.</summary>
    internal static string Outputs(PullRequestOutcome outcome)
    {
        var delimiter = "compare_" + Guid.NewGuid().ToString("N");
        var lines = new StringBuilder();
        lines.Append($"report-path={outcome.ReportPath}\n");
        lines.Append($"comment-id={outcome.CommentId}\n");
        lines.Append($"comment-url={outcome.CommentUrl}\n");
        lines.Append($"documents<<{delimiter}\n");
        foreach (var document in outcome.Documents)
        {
            lines.Append(document).Append('\n');
        }

        lines.Append(delimiter).Append('\n');
        lines.Append($"differences={outcome.Differences}\n");
        return lines.ToString();
    }
}
