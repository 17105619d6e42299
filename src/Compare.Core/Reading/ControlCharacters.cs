using System.Buffers;

namespace Compare.Core.Reading;

/// <summary>
/// Control characters in text that reaches a report, a terminal or a comment (a document's, a file name's,
/// an error message's) are shown, never obeyed: C0 controls as their Unicode control pictures (ESC is
/// "␛", BEL "␇"), DEL as "␡", C1 controls as the replacement character. Line feeds, carriage returns and
/// tabs are left to the callers, which give them their meaning.
/// </summary>
internal static class ControlCharacters
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\n' or '\r' or '\t')).Select(c => (char)c), '\u007F', .. Enumerable.Range(0x80, 0x20).Select(c => (char)c)]);

    /// <summary>Whether a character is one <see cref="Show(char)"/> replaces.</summary>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary>Whether the text holds a character <see cref="Show(char)"/> replaces.</summary>
    public static bool Any(ReadOnlySpan<char> text) => text.ContainsAny(Unsafe);

    /// <summary>What stands for a control character: its control picture (U+2400…), "␡" for DEL, "�" for a C1 control; any other character itself.</summary>
    public static char Show(char c) => c switch
    {
        < '\u0020' when c is not ('\n' or '\r' or '\t') => (char)(0x2400 + c),
        '\u007F' => '\u2421',
        >= '\u0080' and <= '\u009F' => '\uFFFD',
        _ => c,
    };

    /// <summary>The text with every control character but line feeds, carriage returns and tabs shown (see <see cref="Show(char)"/>).</summary>
    public static string Show(string text) =>
        !Any(text) ? text : string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Show(source[i]);
            }
        });
}
