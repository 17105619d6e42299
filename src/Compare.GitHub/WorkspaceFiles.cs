using Compare.Core;

namespace Compare.GitHub;

/// <summary>
/// The documents of the checkout a pull request brings, read without trusting it: a path that leaves the
/// checkout, a symbolic link (the file's own or a folder's on the way to it) or anything but a regular
/// file is refused before it is opened, so that a pull request cannot have the action publish
/// <c>.git/config</c> (with the checkout's credentials) or a file of the runner.
/// </summary>
internal static class WorkspaceFiles
{
    /// <summary>Reads a document of the checkout, under its path in the repository.</summary>
    /// <exception cref="UnreadableDocumentException">The path is refused, or what it names is no readable document.</exception>
    public static SourceInput Read(string workspace, string path, CompareOptions options)
    {
        var full = Resolve(workspace, path);
        try
        {
            return Comparison.ReadFile(full, options) with { Path = path };
        }
        catch (InputException ex)
        {
            // The reader names the file by its full path, which is the runner's: reports name it by its path in the repository.
            var reason = ex.Message.StartsWith(full + ": ", StringComparison.Ordinal) ? ex.Message[(full.Length + 2)..] : ex.Message;
            throw new UnreadableDocumentException(path, reason.Replace(full, path, StringComparison.Ordinal).Replace(Path.GetFullPath(workspace), ".", StringComparison.Ordinal), ex);
        }
    }

    /// <summary>The checkout's regular files outside <c>.git</c>, as repository paths in ordinal order; links are not followed.</summary>
    public static IEnumerable<string> Documents(string workspace)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(workspace, "*", options)
            .Select(f => Path.GetRelativePath(workspace, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The full path of a repository path that names a regular file inside the checkout, reached through no link.</summary>
    /// <exception cref="UnreadableDocumentException">It does not.</exception>
    internal static string Resolve(string workspace, string path)
    {
        var parts = path.Split('/');
        if (Path.IsPathRooted(path) || parts.Any(p => p is "" or "." or ".."))
        {
            throw new UnreadableDocumentException(path, "not a path inside the checkout");
        }

        var current = Path.GetFullPath(workspace);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            if (new FileInfo(current).LinkTarget is { } target)
            {
                var what = i == parts.Length - 1 ? "is a symbolic link" : $"is inside {string.Join('/', parts[..(i + 1)])}, a symbolic link";
                throw new UnreadableDocumentException(path, $"{what} (to {target}); only regular files of the checkout are read");
            }
        }

        if (Directory.Exists(current))
        {
            throw new UnreadableDocumentException(path, "is a directory, not a document");
        }

        if (!File.Exists(current))
        {
            throw new UnreadableDocumentException(path, "not in the checkout");
        }

        return current;
    }
}

/// <summary>A document of the checkout that is not read: its path in the repository, and why (never the runner's own paths).</summary>
internal sealed class UnreadableDocumentException(string path, string reason, Exception? inner = null) : Exception($"{path}: {reason}", inner)
{
    /// <summary>The document's path in the repository.</summary>
    public string Path { get; } = path;

    /// <summary>Why it is not read.</summary>
    public string Reason { get; } = reason;
}
