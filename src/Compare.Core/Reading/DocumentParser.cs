using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Compare.Core.Reading;

/// <summary>Turns a source's text into a title, text blocks and the boilerplate set aside.</summary>
internal static class DocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static ParsedDocument Parse(SourceInput input, int sourceIndex)
    {
        var text = TextNormalizer.Normalize(input.Text);
        var format = input.Format == SourceFormat.Auto ? SourceReader.FormatOf(input.Path) : input.Format;
        return format == SourceFormat.Markdown
            ? ParseMarkdown(text, sourceIndex, input.Path)
            : ParsePlain(text, sourceIndex);
    }

    /// <summary>The most words a first line may have to be read as a headline.</summary>
    internal const int MaxHeadlineWords = 25;

    /// <summary>
    /// Whether a document's first line or paragraph reads as its headline rather than the start of its
    /// body: short (at most <see cref="MaxHeadlineWords"/> words, one line), with no full stop at its end
    /// (a question or exclamation mark may end a headline), and standing alone (a blank line after it).
    /// Either way it is compared as a statement; a headline is also shown as the source's title.
    /// </summary>
    internal static bool IsHeadline(string line, bool standsAlone)
    {
        var text = line.Trim().TrimEnd('"', '\'', '”', '’', ')', ']', '*', '_');
        if (!standsAlone || text.Length == 0 || text.Contains('\n') || text.EndsWith('.') || text.EndsWith('…') || text.EndsWith(':') || text.EndsWith(';') || text.EndsWith(','))
        {
            return false;
        }

        return text.Split((char[])[' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadlineWords;
    }

    private static ParsedDocument ParsePlain(string text, int sourceIndex)
    {
        var lines = new SourceLines(text);
        var blocks = new List<TextBlock>();
        var boilerplate = new List<BoilerplateLine>();
        string? title = null;
        var titleRead = false;

        var blockText = new System.Text.StringBuilder();
        var blockOffsets = new List<int>();

        void Flush()
        {
            if (blockText.Length > 0)
            {
                blocks.Add(new TextBlock(blockText.ToString(), [.. blockOffsets]));
                blockText.Clear();
                blockOffsets.Clear();
            }
        }

        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lineNumber++;
            var line = text[start..end];
            if (line.Trim().Length == 0)
            {
                Flush();
            }
            else if (!titleRead && IsHeadline(line, StandsAlone(text, end)))
            {
                // The headline: the source's title, and a statement of its own.
                titleRead = true;
                title = line.Trim();
                Flush();
                blocks.Add(new TextBlock(line, [.. Enumerable.Range(start, end - start)]) { Headline = true });
            }
            else if (Boilerplate.Classify(line, title) is { } reason)
            {
                Flush();
                boilerplate.Add(new BoilerplateLine(sourceIndex, line.Trim(), lineNumber, reason));
            }
            else
            {
                titleRead = true;
                if (blockText.Length > 0)
                {
                    blockText.Append('\n');
                    blockOffsets.Add(start - 1);
                }

                blockText.Append(line);
                for (var i = start; i < end; i++)
                {
                    blockOffsets.Add(i);
                }
            }

            start = end + 1;
        }

        Flush();
        return new ParsedDocument(title ?? string.Empty, blocks, boilerplate, lines);
    }

    /// <summary>Whether the line that ends at <paramref name="end"/> is followed by a blank line or the end of the text.</summary>
    private static bool StandsAlone(string text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        var next = text.IndexOf('\n', end + 1);
        return text.AsSpan(end + 1, (next < 0 ? text.Length : next) - end - 1).IsWhiteSpace();
    }

    /// <summary>
    /// The most link reference definitions (<c>[id]: https://…</c> lines) a Markdown document may have before
    /// the rest are read as blank lines: they show no text, and Markdig takes seconds per 10,000 of them.
    /// </summary>
    internal const int MaxLinkDefinitions = 1000;

    private static ParsedDocument ParseMarkdown(string text, int sourceIndex, string path)
    {
        var lines = new SourceLines(text);
        var warnings = new List<string>();
        if (BlankExcessDefinitions(text) is { } blanked)
        {
            (text, var count) = blanked;
            warnings.Add($"{path}: {count} link reference definitions; those past the first {MaxLinkDefinitions} are read as blank lines");
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting deeper than it can handle (thousands of list or quote levels):
            // such a document is still read, as plain text.
            return ParsePlain(text, sourceIndex) with
            {
                Warnings = [$"{path}: Markdown nested too deeply to parse; read as plain text"],
            };
        }

        var leaves = new List<(TextBlock Block, bool Heading, int Line)>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is CodeBlock or HtmlBlock or ThematicBreakBlock || leaf.Inline is null)
            {
                continue;
            }

            var builder = new BlockBuilder();
            builder.AddInlines(leaf.Inline);
            if (builder.Length > 0)
            {
                leaves.Add((builder.Build(), leaf is HeadingBlock, leaf.Line + 1));
            }
        }

        // The title: the first heading, or else a first paragraph that reads as a headline. Either way it is
        // compared as a statement too.
        string? title = null;
        var titleIndex = leaves.FindIndex(l => l.Heading);
        if (titleIndex < 0 && leaves.Count > 0 && IsHeadline(leaves[0].Block.Text, standsAlone: true))
        {
            titleIndex = 0;
        }

        var blocks = new List<TextBlock>();
        var boilerplate = new List<BoilerplateLine>();
        for (var i = 0; i < leaves.Count; i++)
        {
            var (block, _, line) = leaves[i];
            if (i == titleIndex)
            {
                title = block.Text.Split('\n')[0].Trim();
                blocks.Add(block with { Headline = true });
                continue;
            }

            if (!block.Text.Contains('\n') && Boilerplate.Classify(block.Text, title) is { } reason)
            {
                boilerplate.Add(new BoilerplateLine(sourceIndex, block.Text.Trim(), line, reason));
                continue;
            }

            blocks.Add(block);
        }

        return new ParsedDocument(title ?? string.Empty, blocks, boilerplate, lines) { Warnings = warnings };
    }

    /// <summary>
    /// The text with the link reference definitions past the first <see cref="MaxLinkDefinitions"/> turned
    /// into spaces (every offset kept), and how many there were; null when there are not that many.
    /// </summary>
    private static (string Text, int Count)? BlankExcessDefinitions(string text)
    {
        var count = 0;
        char[]? blanked = null;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (IsLinkDefinition(text.AsSpan(start, end - start)) && ++count > MaxLinkDefinitions)
            {
                blanked ??= text.ToCharArray();
                Array.Fill(blanked, ' ', start, end - start);
            }

            start = end + 1;
        }

        return blanked is null ? null : (new string(blanked), count);
    }

    /// <summary>Whether a line opens a link reference definition: up to three spaces, "[label]:".</summary>
    private static bool IsLinkDefinition(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3 || trimmed.Length < 4 || trimmed[0] != '[')
        {
            return false;
        }

        var close = trimmed.IndexOf("]:", StringComparison.Ordinal);
        return close > 1 && trimmed[1..close].IndexOfAny('[', ']') < 0;
    }

    /// <summary>Collects the visible text of Markdown inlines with each character's source offset.</summary>
    private sealed class BlockBuilder
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly List<int> _offsets = [];

        public int Length => _text.Length;

        public TextBlock Build() => new(_text.ToString(), [.. _offsets]);

        public void AddInlines(ContainerInline container)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        Append(literal.Content.ToString(), literal.Span.Start);
                        break;
                    case CodeInline code:
                        Append(code.Content, code.Span.Start + code.DelimiterCount);
                        break;
                    case LineBreakInline lineBreak:
                        Append(lineBreak.IsHard ? "\n" : " ", lineBreak.Span.Start);
                        break;
                    case HtmlEntityInline entity:
                        Append(entity.Transcoded.ToString(), entity.Span.Start);
                        break;
                    case AutolinkInline autolink:
                        Append(autolink.Url, autolink.Span.Start + 1);
                        break;
                    case LinkInline { IsImage: true }:
                        break;
                    case ContainerInline nested:
                        AddInlines(nested);
                        break;
                    default:
                        break;
                }
            }
        }

        private void Append(string value, int sourceStart)
        {
            _text.Append(value);
            for (var i = 0; i < value.Length; i++)
            {
                _offsets.Add(Math.Max(0, sourceStart + i));
            }
        }
    }
}
