using System.Text;

namespace Compare.Core.Reading;

/// <summary>Reads documents from disk, refusing what is not a readable text document.</summary>
internal static class SourceReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SourceInput ReadFile(string path, CompareOptions options)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a directory, not a document");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > options.MaxDocumentBytes)
            {
                throw new InputException(
                    $"{path}: {length} bytes is over the limit of {options.MaxDocumentBytes} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException($"{path}: cannot be read (permission denied)", ex);
        }
        catch (IOException ex)
        {
            throw new InputException($"{path}: cannot be read ({ex.Message})", ex);
        }

        return new SourceInput(path, Decode(path, bytes), FormatOf(path));
    }

    internal static SourceFormat FormatOf(string path)
    {
        var ext = Path.GetExtension(path);
        return ext.Equals(".md", StringComparison.OrdinalIgnoreCase)
               || ext.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            ? SourceFormat.Markdown
            : SourceFormat.PlainText;
    }

    internal static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new InputException($"{path}: is a binary file (contains NUL bytes), not a text document");
        }

        return Utf8.GetString(bytes);
    }
}
