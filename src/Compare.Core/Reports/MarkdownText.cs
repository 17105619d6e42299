using System.Buffers;
using System.Text;

namespace Compare.Core.Reports;

/// <summary>Writes document text into Markdown so that it stays text: no tags, links, emphasis, mentions or references.</summary>
internal static class MarkdownText
{
    /// <summary>The characters <see cref="Escape"/> rewrites.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        [.. "&<>\"\n\r@#\\`*_[]|~!", .. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(Reading.ControlCharacters.IsUnsafe)]);

    /// <summary>GitHub links bare addresses ("https://…", "www.…"): a zero-width joiner inside keeps them text.</summary>
    private static readonly (string Bare, string Defused)[] Addresses = [("://", ":\u200D//"), ("www.", "www\u200D."), ("WWW.", "WWW\u200D.")];

    /// <summary>A builder per thread (reports render groups on all cores).</summary>
    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>Escapes text for an inline Markdown context (paragraphs, table cells, list items).</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscaping(text))
        {
            return text; // Most statements need no escaping.
        }

        var builder = _builder ??= new StringBuilder();
        return Rewrite(builder.Clear(), text).ToString();
    }

    /// <summary>Appends text escaped as <see cref="Escape"/> does, without a string in between.</summary>
    public static StringBuilder AppendEscaped(StringBuilder target, string text) =>
        NeedsEscaping(text) ? Rewrite(target, text) : target.Append(text);

    /// <summary>Appends text with every special character rewritten and bare addresses defused.</summary>
    private static StringBuilder Rewrite(StringBuilder target, string text)
    {
        var start = target.Length;
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    target.Append("&amp;");
                    break;
                case '<':
                    target.Append("&lt;");
                    break;
                case '>':
                    target.Append("&gt;");
                    break;
                case '"':
                    target.Append("&quot;");
                    break;
                case '\n' or '\r':
                    target.Append(' ');
                    break;
                case '@' or '#':
                    // A zero-width joiner keeps "@user" and "#123" from notifying or linking.
                    target.Append(c).Append('\u200D');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '!':
                    target.Append('\\').Append(c);
                    break;
                default:
                    target.Append(Reading.ControlCharacters.Show(c)); // "␛", never an escape a terminal obeys
                    break;
            }
        }

        foreach (var (bare, defused) in Addresses)
        {
            target.Replace(bare, defused, start, target.Length - start);
        }

        // GitHub links "GH-12" to issue 12 as it links "#12": a zero-width joiner after "GH" keeps it text.
        for (var i = target.Length - 4; i >= start; i--)
        {
            if (target[i] is 'G' or 'g' && target[i + 1] is 'H' or 'h' && target[i + 2] == '-' && char.IsAsciiDigit(target[i + 3])
                && (i == start || !char.IsLetterOrDigit(target[i - 1])))
            {
                target.Insert(i + 2, '\u200D');
            }
        }

        return target;
    }

    private static bool NeedsEscaping(string text) => text.AsSpan().ContainsAny(Special) || HasAddress(text) || HasHyphenAfterH(text);

    /// <summary>Whether "h-" or "H-" occurs (as in "GH-12"): a hyphen found fast, then the letter before it.</summary>
    private static bool HasHyphenAfterH(string text)
    {
        for (var at = text.Length < 2 ? -1 : text.IndexOf('-', 1); at > 0; at = text.IndexOf('-', at + 1))
        {
            if (text[at - 1] is 'h' or 'H')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAddress(string text)
    {
        foreach (var (bare, _) in Addresses)
        {
            if (text.Contains(bare, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text as inline code that cannot break out: an HTML code element whose content is escaped like
    /// any text (GitHub still reads Markdown between inline tags, so mentions must be defused there too).
    /// </summary>
    public static string Code(string text) => "<code>" + Escape(text) + "</code>";
}
