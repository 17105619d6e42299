using System.Text;
using Compare.Core.Files;

namespace Compare.Core;

/// <summary>
/// Writes a report file as <c>cp</c> would, but whole or not at all: a regular file (or none yet) is
/// written beside itself and renamed over, keeping its mode; a symbolic link's target is written, the link
/// kept; a device or FIFO (<c>/dev/null</c>, <c>/dev/stdout</c>, a pipe) is written through, never replaced.
/// A path that names one of the documents compared is refused before anything is written.
/// </summary>
public static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Refuses a path that cannot take the report, before any work is done.</summary>
    /// <param name="path">Where the report goes.</param>
    /// <param name="inputs">The documents' paths: the report never goes over one.</param>
    /// <exception cref="InputException">The path is empty, a directory, in a folder that does not exist, or one of the inputs.</exception>
    public static void Check(string path, IEnumerable<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException("the output path is empty: give a file for the report");
        }

        var target = Target(path);
        switch (FileKinds.Of(target))
        {
            case FileKind.Directory:
                throw new InputException($"{path}: is a directory; give a file path for the report");
            case FileKind.Missing when Path.GetDirectoryName(target) is { } directory && !Directory.Exists(directory):
                throw new InputException($"{path}: the directory {directory} does not exist");
        }

        foreach (var input in inputs ?? [])
        {
            if (input.Length > 0 && input != "-" && File.Exists(input) && FileKinds.Same(input, target))
            {
                throw new InputException($"{path}: is {(input == path ? "a document to compare" : $"the document {input}")}; the report never goes over an input");
            }
        }
    }

    /// <summary>Writes what <paramref name="write"/> writes to the file at <paramref name="path"/>, whole or not at all.</summary>
    /// <exception cref="InputException">The path cannot take the report (see <see cref="Check"/>), or writing it failed.</exception>
    public static void Write(string path, Action<TextWriter> write, IEnumerable<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        Check(path, inputs);
        var target = Target(path);
        if (FileKinds.Of(target) == FileKind.Special)
        {
            WriteThrough(path, target, write);
            return;
        }

        var directory = Path.GetDirectoryName(target) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, Utf8) { NewLine = "\n" })
            {
                write(writer);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target)); // A 0600 report stays 0600.
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InputException($"{path}: cannot write the report ({ex.Message})", ex);
        }
        catch
        {
            // Rendering failed half way: nothing is left behind, and the error goes on to be reported.
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes text to the file at <paramref name="path"/>, whole or not at all (see <see cref="Write(string, Action{TextWriter}, IEnumerable{string})"/>).</summary>
    public static void Write(string path, string text) => Write(path, writer => writer.Write(text));

    /// <summary>Where a path's report goes: the final target of a symbolic link (even one to nothing yet), else the path.</summary>
    private static string Target(string path)
    {
        var full = Path.GetFullPath(path);
        if (new FileInfo(full).LinkTarget is null)
        {
            return full;
        }

        // Follow the chain by hand: a link to nothing yet names the file to create.
        for (var hops = 0; hops < 40 && new FileInfo(full).LinkTarget is { } next; hops++)
        {
            full = Path.GetFullPath(next, Path.GetDirectoryName(full) ?? "/");
        }

        return new FileInfo(full).LinkTarget is null ? full : throw new InputException($"{path}: a symbolic link that loops");
    }

    /// <summary>A device, FIFO or socket is written as it is: there is no "whole or not at all" for a stream.</summary>
    private static void WriteThrough(string path, string target, Action<TextWriter> write)
    {
        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
            using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };
            write(writer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write the report ({ex.Message})", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there that anyone relies on.
        }
    }
}
