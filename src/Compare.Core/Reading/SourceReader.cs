using System.Text;

namespace Compare.Core.Reading;

/// <summary>Reads documents from disk, refusing what is not a readable text document.</summary>
internal static class SourceReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SourceInput ReadFile(string path, CompareOptions options)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException("a document path is empty: name a file to compare");
        }

        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a directory, not a document");
        }

        // A link is followed (the user's own machine) and what was read is said; one to a pipe
        // (a shell's <(command)) reads the pipe.
        FileSystemInfo? link;
        try
        {
            link = new FileInfo(path).LinkTarget is null ? null : File.ResolveLinkTarget(Path.GetFullPath(path), returnFinalTarget: true);
        }
        catch (IOException ex)
        {
            throw new InputException($"{path}: a symbolic link that cannot be followed (it loops, or is too deep)", ex);
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file");
        }

        byte[] bytes;
        try
        {
            bytes = ReadBounded(path, options);
        }
        catch (FileNotFoundException ex) when (link is not null)
        {
            throw new InputException($"{path}: a symbolic link to {link.FullName}, which does not exist", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException($"{path}: cannot be read (permission denied)", ex);
        }
        catch (IOException ex)
        {
            throw new InputException($"{path}: cannot be read ({ex.Message})", ex);
        }

        var input = FromBytes(path, bytes, options);
        return link is { Exists: true } ? input with { Warnings = [$"{path} is a symbolic link: read {link.FullName}", .. input.Warnings] } : input;
    }

    /// <summary>
    /// The file's bytes, never more than the limit: an oversized file is refused before it is read, and a
    /// pipe or device (which gives no length) is read only up to one byte past the limit.
    /// </summary>
    private static byte[] ReadBounded(string path, CompareOptions options)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var known = stream.CanSeek ? stream.Length : 0;
        CheckSize(path, known, options);
        var limit = Math.Clamp(options.MaxDocumentBytes, 0, CompareOptions.MaxDocumentBytesLimit);
        using var bytes = new MemoryStream(known > 0 ? (int)Math.Min(known, Array.MaxLength) : 4096);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - bytes.Length))) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > limit)
            {
                throw new InputException($"{path}: more than the limit of {limit} bytes");
            }
        }

        return bytes.ToArray();
    }

    /// <summary>A document given as bytes (a file of another commit), refused or warned about as a file on disk is.</summary>
    public static SourceInput FromBytes(string path, byte[] bytes, CompareOptions options)
    {
        CheckSize(path, bytes.LongLength, options);
        var warnings = new List<string>();
        var text = Decode(path, bytes, warnings);
        return new SourceInput(path, text, FormatOf(path)) { Warnings = warnings };
    }

    private static void CheckSize(string path, long length, CompareOptions options)
    {
        var limit = Math.Clamp(options.MaxDocumentBytes, 0, CompareOptions.MaxDocumentBytesLimit);
        if (length > limit)
        {
            throw new InputException($"{path}: {length} bytes is over the limit of {limit} bytes");
        }
    }

    internal static SourceFormat FormatOf(string path)
    {
        var ext = Path.GetExtension(path);
        return ext.Equals(".md", StringComparison.OrdinalIgnoreCase)
               || ext.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            ? SourceFormat.Markdown
            : SourceFormat.PlainText;
    }

    /// <summary>How much of the start of a file is looked at to tell text from binary.</summary>
    private const int SniffBytes = 8192;

    internal static string Decode(string path, ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        bytes = bytes[bom..];
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new InputException($"{path}: is a binary file (contains NUL bytes), not a text document");
        }

        var head = bytes[..Math.Min(bytes.Length, SniffBytes)];
        var control = 0;
        foreach (var b in head)
        {
            control += b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C) ? 1 : 0;
        }

        if (head.Length > 0 && control * 10 > head.Length)
        {
            throw new InputException($"{path}: is a binary file (mostly control characters), not a text document");
        }

        if (FirstInvalidUtf8(bytes) is { } offset)
        {
            warnings.Add($"{path}: invalid UTF-8 at byte {offset + bom}; decoded with replacement characters");
        }

        return Utf8.GetString(bytes);
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or null.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }
}
