namespace Compare.Core.Reading;

/// <summary>
/// A run of document text to segment (a paragraph, heading or list item), with the offset in the
/// normalised source of each of its characters so statements can report line and column.
/// </summary>
internal sealed record TextBlock(string Text, int[] SourceOffsets);

/// <summary>A document read into blocks, with its title and the boilerplate set aside.</summary>
internal sealed record ParsedDocument(
    string Title,
    IReadOnlyList<TextBlock> Blocks,
    IReadOnlyList<BoilerplateLine> Boilerplate,
    SourceLines Lines)
{
    /// <summary>What reading the document noticed without refusing it.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Maps offsets of a normalised source text to 1-based lines and columns.</summary>
internal sealed class SourceLines
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public SourceLines(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Locate(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var start = _lineStarts[index];
        var prefix = _text.AsSpan(start, offset - start);
        var column = System.Text.Ascii.IsValid(prefix)
            ? prefix.Length + 1
            : System.Globalization.StringInfo.ParseCombiningCharacters(prefix.ToString()).Length + 1;
        return (index + 1, column);
    }
}
