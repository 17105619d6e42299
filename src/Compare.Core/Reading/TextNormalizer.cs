namespace Compare.Core.Reading;

/// <summary>Normalises line endings and spaces so that lines, columns and words are read the same way everywhere.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u3000' or '\t':
                    builder.Append(' ');
                    break;
                case '\u2028' or '\u2029':
                    builder.Append('\n');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
