using Compare.Core;
using Compare.Core.Reading;
using Octokit;

namespace Compare.GitHub;

/// <summary>
/// Plans and runs the comparisons of a pull request's documents: the watched documents it touches are
/// taken folder by folder (an event folder below the watched root, or the repository for documents
/// outside one); a folder's changed documents are compared in one comparison with the folder's documents
/// most like them, found through an index of their terms (<see cref="DocumentIndex"/>: each document is
/// read and indexed once, never compared with every other); a modified document also gets a revision
/// report against its base version.
/// </summary>
internal static class FolderComparisons
{
    /// <summary>How many of a folder's other documents its changed documents are compared with: the most similar.</summary>
    internal const int MaxRelated = 5;

    /// <summary>How many documents one comparison takes at most (changed and related together).</summary>
    internal const int MaxSources = 8;

    /// <summary>How many changed documents one comparison takes at most; more are compared in batches of the most alike.</summary>
    internal const int MaxChanged = 6;

    /// <summary>How many related documents a document outside an event folder is compared with.</summary>
    internal const int MaxRelatedInRepository = 3;

    /// <summary>
    /// How similar (the cosine of their weighted terms, 0 to 1) a document elsewhere in the repository must be
    /// to one outside an event folder to be compared with it. In an event folder every document is related.
    /// </summary>
    internal const double RepositoryFloor = 0.05;

    /// <summary>The folders the changed files fall in, each with its comparisons.</summary>
    public static async Task<List<FolderReport>> PlanAsync(PullRequestRun run, GitHubApi api, IReadOnlyList<PullRequestFile> files, System.Text.RegularExpressions.Regex glob, CancellationToken cancellation)
    {
        var root = run.Paths.Split('*', '?')[0].TrimEnd('/');
        string FolderOf(string path)
        {
            var folder = Path.GetDirectoryName(path)?.Replace('\\', '/') ?? string.Empty;
            return folder.Length > root.Length ? folder : string.Empty; // Outside an event folder: the repository's.
        }

        var folders = new List<FolderReport>();
        List<string>? all = null;
        foreach (var folderFiles in files.GroupBy(f => FolderOf(f.FileName)).OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellation.ThrowIfCancellationRequested();
            var folder = folderFiles.Key;
            var documents = new List<ChangedDocument>();
            var heads = new List<(ChangedDocument Document, SourceInput Input)>();
            var comparisons = new List<DocumentComparison>();
            foreach (var file in folderFiles.OrderBy(f => f.FileName, StringComparer.Ordinal))
            {
                var change = Change(file);
                var document = new ChangedDocument(file.FileName, change, file.PreviousFileName);
                if (change == DocumentChange.Removed || (change == DocumentChange.Renamed && file.Changes == 0))
                {
                    documents.Add(document with { Unchanged = true });
                    continue;
                }

                SourceInput head;
                try
                {
                    head = WorkspaceFiles.Read(run.Workspace, file.FileName, run.Options);
                }
                catch (UnreadableDocumentException ex)
                {
                    documents.Add(document with { Problem = "not compared: " + ex.Reason });
                    continue;
                }

                if (change is DocumentChange.Modified or DocumentChange.Renamed && run.BaseSha is { } baseSha
                    && await BaseVersionAsync(run, api, file, head, baseSha).ConfigureAwait(false) is { } before)
                {
                    var name = Path.GetFileName(file.FileName);
                    comparisons.Add(new DocumentComparison($"Revision of {name}: base {Short(baseSha)} → head", Comparison.Compare([before, head], run.Options), IsRevision: true));
                }

                documents.Add(document);
                heads.Add((document, head));
            }

            // The folder's other documents (the repository's, outside event folders), each read and indexed once.
            var changed = folderFiles.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
            all ??= [.. WorkspaceFiles.Documents(run.Workspace)];
            var candidates = folder.Length > 0
                ? all.Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal) && !f.AsSpan(folder.Length + 1).Contains('/'))
                : all;
            var others = new List<SourceInput>();
            foreach (var path in candidates.Where(p => glob.IsMatch(p) && !changed.Contains(p)))
            {
                // A related file that is no readable document (binary, oversized, a link) is left out, not the run failed.
                try
                {
                    others.Add(WorkspaceFiles.Read(run.Workspace, path, run.Options));
                }
                catch (UnreadableDocumentException)
                {
                }
            }

            var index = new DocumentIndex();
            foreach (var input in heads.Select(h => h.Input).Concat(others))
            {
                index.Add(input.Text);
            }

            var compared = new HashSet<int>();
            var remaining = new SortedSet<int>(Enumerable.Range(0, heads.Count));
            while (remaining.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();

                // A batch: the first changed document left and the changed documents most like it.
                var first = remaining.Min;
                var alike = index.MostSimilar([first], MaxChanged - 1, folder.Length > 0 ? 0 : RepositoryFloor, d => !remaining.Contains(d));
                var batch = alike.Select(a => a.Document).Prepend(first).Order().ToList();
                remaining.ExceptWith(batch);

                var room = Math.Min(folder.Length > 0 ? MaxRelated : MaxRelatedInRepository, MaxSources - batch.Count);
                var related = index.MostSimilar(batch, room, folder.Length > 0 ? 0 : RepositoryFloor, exclude: d => d < heads.Count)
                    .Select(r => r.Document)
                    .Order()
                    .ToList();
                compared.UnionWith(related);
                if (batch.Count + related.Count < 2)
                {
                    var alone = heads[batch[0]].Document;
                    documents[documents.IndexOf(alone)] = alone with { Problem = folder.Length > 0 ? "no other document in the folder to compare it with" : "no related document in the repository to compare it with" };
                    continue;
                }

                // The related documents first, in the folder's order, then the pull request's.
                var inputs = related.Concat(batch).Select(d => d < heads.Count ? heads[d].Input : others[d - heads.Count]).ToList();
                var title = $"Compared: {string.Join(" · ", inputs.Select((input, i) => $"{Report.Label(i)} {Path.GetFileName(input.Path)}"))}"
                            + (related.Count == 0 ? string.Empty : $" ({Listed(batch.Select((_, i) => Report.Label(related.Count + i)).ToList())} {(batch.Count == 1 ? "is" : "are")} this pull request’s)");
                comparisons.Add(new DocumentComparison(title, Comparison.Compare(inputs, run.Options)));
            }

            var notCompared = others.Select((o, i) => (o.Path, Index: heads.Count + i)).Where(o => !compared.Contains(o.Index)).Select(o => o.Path).ToList();
            folders.Add(new FolderReport(
                folder,
                documents,
                [.. comparisons.Where(c => c.IsRevision), .. comparisons.Where(c => !c.IsRevision)],
                others.Count,
                heads.Count > 0 && compared.Count > 0 ? notCompared : []));
        }

        return folders;
    }

    /// <summary>The document's base version (from git, else the contents API), read as any document is; null when there is no readable one.</summary>
    private static async Task<SourceInput?> BaseVersionAsync(PullRequestRun run, GitHubApi api, PullRequestFile file, SourceInput head, string baseSha)
    {
        var basePath = file.PreviousFileName ?? file.FileName;
        var bytes = new Git(run.Workspace).Show(baseSha, basePath);
        if (bytes is null)
        {
            try
            {
                bytes = await api.RawContent(basePath, baseSha).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or GitHubUnavailableException)
            {
                return null;
            }
        }

        try
        {
            return Comparison.ReadBytes($"{basePath} (base)", bytes, run.Options) with { Format = head.Format };
        }
        catch (InputException)
        {
            return null; // Binary, oversized: no revision report.
        }
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

    /// <summary>Labels as a reader lists them: "C", "B and C", "B, C and D".</summary>
    private static string Listed(List<string> labels) =>
        labels.Count <= 1 ? string.Concat(labels) : string.Join(", ", labels.Take(labels.Count - 1)) + " and " + labels[^1];
}
