using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Compare.Core.Reports;

internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How many bytes of JSON are held before they are written out (after a whole group).</summary>
    private const int ChunkBytes = 64 * 1024;

    public static string Render(ComparisonResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(result, text);
        return text.ToString();
    }

    /// <summary>
    /// Writes the JSON to <paramref name="output"/> a group at a time (about <see cref="ChunkBytes"/> at
    /// once): the report of many long sources runs to tens of megabytes, never held whole.
    /// </summary>
    public static void Write(ComparisonResult result, TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(ChunkBytes * 2));
        void Flush(Utf8JsonWriter json, bool always)
        {
            json.Flush();
            if (buffer.WrittenCount < ChunkBytes && !always)
            {
                return;
            }

            var written = buffer.WrittenSpan;
            if (Encoding.UTF8.GetMaxCharCount(written.Length) > chars.Length)
            {
                ArrayPool<char>.Shared.Return(chars);
                chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(written.Length));
            }

            output.Write(chars, 0, decoder.GetChars(written, chars, flush: always));
            buffer.ResetWrittenCount();
        }

        try
        {
            using var json = new Utf8JsonWriter(buffer, Options);
            WriteAll(result, json, always => Flush(json, always));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        output.Write('\n');
    }

    private static void WriteAll(ComparisonResult result, Utf8JsonWriter json, Action<bool> flush)
    {
        json.WriteStartObject();
        json.WriteNumber("version", result.Sources.Count > 2 ? Report.JsonVersionMany : Report.JsonVersion);

        json.WriteStartArray("sources");
        foreach (var source in result.Sources)
        {
            json.WriteStartObject();
            json.WriteString("path", source.Path);
            json.WriteString("title", source.Title);
            json.WriteNumber("statements", source.Statements);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (ReportFacts.Verdict(result) is { } verdict)
        {
            json.WriteString("verdict", verdict);
        }

        json.WriteStartArray("summary");
        foreach (var (kind, bySource, _, finding) in ReportFacts.KindSummary(result))
        {
            json.WriteStartObject();
            json.WriteString("kind", DifferenceKinds.Name(kind));
            json.WriteStartArray("bySource");
            foreach (var count in bySource)
            {
                json.WriteNumberValue(count);
            }

            json.WriteEndArray();
            json.WriteString("finding", finding);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("alignments");
        foreach (var group in result.Alignments)
        {
            json.WriteStartObject();
            json.WriteStartArray("statements");
            foreach (var statement in group.Statements)
            {
                WriteStatement(json, statement);
            }

            json.WriteEndArray();
            json.WriteNumber("score", group.Score);
            json.WriteStartArray("topic");
            foreach (var term in group.Topic)
            {
                json.WriteStringValue(term);
            }

            json.WriteEndArray();
            WriteDifferences(json, group.Differences, group.SameValues, group.Diff);
            if (!ReportFacts.IsPair(result))
            {
                // Version 2: the central source compared with each other source of the group.
                json.WriteNumber("central", group.Comparisons[0].Source);
                json.WriteStartArray("comparisons");
                foreach (var comparison in group.Comparisons)
                {
                    json.WriteStartObject();
                    json.WriteNumber("source", comparison.Source);
                    json.WriteNumber("otherSource", comparison.OtherSource);
                    WriteDifferences(json, comparison.Differences, comparison.SameValues, comparison.Diff);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (group.Uncertain.Count > 0)
            {
                // Labels below the confidence reports show (CompareOptions.MinConfidence).
                WriteList(json, "uncertain", group.Uncertain);
            }

            json.WriteEndObject();
            flush(false);
        }

        json.WriteEndArray();

        json.WriteStartArray("unmatched");
        var nearMatches = ReportFacts.NearMatchesOf(result);
        foreach (var statement in result.Unmatched)
        {
            WriteStatement(json, statement, nearMatches.GetValueOrDefault((statement.Source, statement.Index)) ?? []);
        }

        json.WriteEndArray();

        json.WriteStartArray("boilerplate");
        foreach (var line in result.Boilerplate)
        {
            json.WriteStartObject();
            json.WriteNumber("source", line.Source);
            json.WriteString("text", line.Text);
            json.WriteNumber("line", line.Line);
            json.WriteString("reason", line.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        flush(true);
    }

    /// <summary>A group's or a comparison's differences, same values and word diff.</summary>
    private static void WriteDifferences(Utf8JsonWriter json, IReadOnlyList<Difference> differences, IReadOnlyList<SameValue> sameValues, IReadOnlyList<DiffSegment> diff)
    {
        WriteList(json, "differences", differences);
        json.WriteStartArray("sameValues");
        foreach (var value in sameValues)
        {
            json.WriteStartObject();
            json.WriteString("kind", DifferenceKinds.Name(value.Kind));
            json.WriteStartArray("texts");
            foreach (var text in value.Texts)
            {
                json.WriteStringValue(text);
            }

            json.WriteEndArray();
            json.WriteString("detail", value.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("diff");
        foreach (var segment in diff)
        {
            json.WriteStartObject();
            json.WriteString("op", segment.Operation.ToString().ToLowerInvariant());
            json.WriteString("text", segment.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Labelled differences, each label with its confidence.</summary>
    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<Difference> differences)
    {
        json.WriteStartArray(name);
        foreach (var difference in differences)
        {
            json.WriteStartObject();
            json.WriteString("kind", DifferenceKinds.Name(difference.Kind));
            json.WriteNumber("source", difference.Source);
            json.WriteString("text", difference.Text);
            json.WriteString("detail", difference.Detail);
            if (difference.OtherSource is { } other)
            {
                json.WriteNumber("otherSource", other);
                json.WriteString("otherText", difference.OtherText);
            }

            if (difference.Confidence is { } confidence)
            {
                json.WriteNumber("confidence", confidence);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A statement; an unmatched one with its likely counterparts: <c>closest</c>, and <c>alternative</c> for a second.</summary>
    private static void WriteStatement(Utf8JsonWriter json, Statement statement, IReadOnlyList<NearMatch>? likely = null)
    {
        json.WriteStartObject();
        json.WriteNumber("source", statement.Source);
        json.WriteNumber("index", statement.Index);
        json.WriteString("text", statement.Text);
        json.WriteNumber("line", statement.Line);
        json.WriteNumber("column", statement.Column);
        foreach (var (match, name) in (likely ?? []).Zip(["closest", "alternative"]))
        {
            json.WriteStartObject(name);
            json.WriteNumber("source", match.Closest.Source);
            json.WriteNumber("index", match.Closest.Index);
            json.WriteNumber("score", match.Score);
            json.WriteNumber("confidence", match.Confidence);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
