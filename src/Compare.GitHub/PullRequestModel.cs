using Compare.Core;

namespace Compare.GitHub;

/// <summary>What a pull request did to a document.</summary>
public enum DocumentChange
{
    /// <summary>A new document.</summary>
    Added,

    /// <summary>A changed document.</summary>
    Modified,

    /// <summary>A deleted document.</summary>
    Removed,

    /// <summary>A moved document.</summary>
    Renamed,

    /// <summary>A new document copied from another.</summary>
    Copied,
}

/// <summary>A document the pull request touches.</summary>
/// <param name="Path">Its path in the repository.</param>
/// <param name="Change">What the pull request did to it.</param>
/// <param name="PreviousPath">For a renamed or copied document, where it came from.</param>
public sealed record ChangedDocument(string Path, DocumentChange Change, string? PreviousPath = null)
{
    /// <summary>Why it is not compared, in plain words (it cannot be read, it has no related document), or null when it is.</summary>
    public string? Problem { get; init; }

    /// <summary>Whether it was renamed or removed without anything to compare (nothing to say but that).</summary>
    public bool Unchanged { get; init; }
}

/// <summary>One comparison in the report: documents of a folder with each other, or a document's base version with its head.</summary>
/// <param name="Title">What is compared, in plain words (rendered as document text).</param>
/// <param name="Result">The comparison.</param>
/// <param name="IsRevision">Whether it compares a document's base version (source 0) with its head version (source 1): its report lists what changed only.</param>
public sealed record DocumentComparison(string Title, ComparisonResult Result, bool IsRevision = false);

/// <summary>The documents of one folder that the pull request touches, and their comparisons.</summary>
/// <param name="Folder">The event folder ("seeds/karabakh"), or empty for documents compared across the repository.</param>
/// <param name="Documents">The documents the pull request touches there, by path.</param>
/// <param name="Comparisons">Their revision reports, then the comparisons of the changed documents with each other and the most similar others.</param>
/// <param name="Others">How many other documents the folder holds.</param>
/// <param name="NotCompared">The other documents no comparison took in (the less similar ones), by path.</param>
public sealed record FolderReport(
    string Folder,
    IReadOnlyList<ChangedDocument> Documents,
    IReadOnlyList<DocumentComparison> Comparisons,
    int Others,
    IReadOnlyList<string> NotCompared);

/// <summary>Where the reader finds what a fitted report leaves out.</summary>
/// <param name="Text">Plain words ("the job summary").</param>
/// <param name="Link">The address, or null.</param>
internal sealed record FullReportPlace(string Text, Uri? Link);
