namespace Compare.Core.Reading;

/// <summary>
/// A run of document text to segment (a paragraph, heading or list item), with the offset in the
/// normalised source of each of its characters so statements can report line and column.
/// </summary>
internal sealed record TextBlock(string Text, int[] SourceOffsets)
{
    /// <summary>Whether it is the document's headline: compared as any statement, but never read as part of a neighbour's sentence.</summary>
    public bool Headline { get; init; }
}

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

/// <summary>
/// Maps offsets of a normalised source text to 1-based lines and columns (columns in text elements: what
/// people see as one character). Offsets asked in order along a line are counted on from the last one, so
/// the statements of one long line cost no more than the same text a sentence a line.
/// </summary>
internal sealed class SourceLines
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    /// <summary>The last offset located, its line (0-based) and its column: where the next count on that line starts.</summary>
    private (int Offset, int Line, int Column) _last = (0, 0, 1);

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

        var (from, column) = index == _last.Line && offset >= _last.Offset ? (_last.Offset, _last.Column) : (_lineStarts[index], 1);
        var between = _text.AsSpan(from, offset - from);
        column += System.Text.Ascii.IsValid(between) ? between.Length : TextElements(between);
        _last = (offset, index, column);
        return (index + 1, column);
    }

    /// <summary>How many text elements (grapheme clusters) a span holds.</summary>
    private static int TextElements(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[System.Globalization.StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count;
    }
}
