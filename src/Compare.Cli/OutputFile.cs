using System.Text;
using Compare.Core;

namespace Compare.Cli;

/// <summary>Writes a report file whole or not at all: to a temporary file beside it, then renamed over it.</summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes what <paramref name="write"/> writes to the file at <paramref name="path"/>, whole or not at all.</summary>
    public static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full))
        {
            throw new InputException($"{path}: is a directory; give a file path for the report");
        }

        if (!Directory.Exists(directory))
        {
            throw new InputException($"{path}: the directory {directory} does not exist");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, Utf8) { NewLine = "\n" })
            {
                write(writer);
            }

            File.Move(temporary, full, overwrite: true);
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
