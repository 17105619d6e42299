using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compare.Core.Segmentation;

namespace Compare.Core.Tests.Fuzzing;

/// <summary>
/// What must hold for any pair of documents, however odd: the comparison does not crash, every
/// statement is reported exactly once and within its document, document text never becomes markup
/// in a report, and a comparison of short documents ends in bounded time. Shared by the fuzzers of
/// the tests and the long campaign of <c>bench -- fuzz</c>.
/// </summary>
internal static partial class ReportInvariants
{
    private static readonly string[] OwnTags = ["del", "ins", "code", "details", "summary"];

    [GeneratedRegex(@"<(?<name>/?[A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"@[A-Za-z0-9]|#[0-9]|(?i:\bgh-[0-9])|<!--|(?<!\\)\]\(|(?m)^\s*(```|~~~)")]
    private static partial Regex Unsafe();

    /// <summary>Elements and comments a document could bring into the HTML report if its text were not escaped.</summary>
    [GeneratedRegex(@"<(?:img|b|iframe|svg|object|embed|form)[\s>/]|<!--", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeHtml();

    /// <summary>Null when the pair compares and renders safely (within <paramref name="bound"/> when given); otherwise what went wrong.</summary>
    public static string? Check(SourceInput a, SourceInput b, TimeSpan? bound = null) => Check([a, b], bound);

    /// <summary>Null when the documents (two or more) compare and render safely, within <paramref name="bound"/> when given; otherwise what went wrong.</summary>
    public static string? Check(IReadOnlyList<SourceInput> sources, TimeSpan? bound = null)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var result = Comparison.Compare(sources);
            if (bound is { } limit && clock.Elapsed > limit)
            {
                return $"slow: the comparison took {clock.Elapsed.TotalSeconds:0.0} s";
            }

            var statements = result.Alignments.SelectMany(g => g.Statements).Concat(result.Unmatched).ToList();
            if (statements.Count != result.Sources.Sum(x => x.Statements))
            {
                return "a statement is missing from the report or counted twice";
            }

            if (statements.FirstOrDefault(x => x.Text.Length > Segmenter.MaxStatementChars || x.Line < 1 || x.Column < 1) is { } bad)
            {
                return $"statement out of bounds: line {bad.Line}, column {bad.Column}, {bad.Text.Length} characters";
            }

            var markdown = Report.ToMarkdown(result);
            if (Tag().Matches(markdown).Select(m => m.Groups["name"].Value.TrimStart('/')).FirstOrDefault(t => !OwnTags.Contains(t)) is { } tag)
            {
                return $"document text became an HTML tag in the Markdown report: <{tag}>";
            }

            if (Unsafe().Match(markdown) is { Success: true } match)
            {
                return $"document text became markup in the Markdown report: {match.Value}";
            }

            var page = Report.ToHtml(result);
            foreach (var (format, report) in new[] { ("Markdown", markdown), ("text", Report.ToText(result)), ("HTML", page) })
            {
                if (report.Any(c => char.IsControl(c) && c != '\n'))
                {
                    return $"a control character (U+{(int)report.First(c => char.IsControl(c) && c != '\n'):X4}) reached the {format} report";
                }
            }

            if (UnsafeHtml().Match(page) is { Success: true } html)
            {
                return $"document text became markup in the HTML report: {html.Value}";
            }

            using (JsonDocument.Parse(Report.ToJson(result)))
            {
            }

            if (sources.Count > 2 && result.Alignments.FirstOrDefault(g => g.Statements.GroupBy(x => x.Source).Any(x => x.Count() > 3)) is { } crowded)
            {
                return $"a claim holds more than three statements of one source ({crowded.Statements.Count} in all)";
            }

            return null;
        }
        catch (InputException)
        {
            return null;
        }
#pragma warning disable CA1031 // The fuzzers report every crash, whatever it is.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var frame = new StackTrace(ex).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Compare", StringComparison.Ordinal) == true);
            var where = frame?.GetMethod() is { } method ? $" in {method.DeclaringType?.Name}.{method.Name}" : string.Empty;
            return $"{ex.GetType().Name}{where}: {ex.Message}";
        }
    }

    /// <summary>
    /// Cuts a failing pair down to the fewest words that still fail the same way (the same first words of
    /// the problem), so that what is kept is small, readable and holds no more of its source than needed.
    /// </summary>
    /// <param name="a">The first document's text.</param>
    /// <param name="b">The second document's text.</param>
    /// <param name="problem">What went wrong with them.</param>
    /// <param name="check">What went wrong with two texts, or null.</param>
    public static (string A, string B) Minimise(string a, string b, string problem, Func<string, string, string?> check)
    {
        var kind = problem.Split(':')[0];
        bool Fails(string x, string y) => check(x, y) is { } p && p.Split(':')[0] == kind;

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var side in new[] { 0, 1 })
            {
                var pieces = Regex.Split(side == 0 ? a : b, @"(?<=\s)").Where(p => p.Length > 0).ToArray();
                for (var size = Math.Max(1, pieces.Length / 2); size >= 1; size /= 2)
                {
                    for (var start = 0; start + size <= pieces.Length;)
                    {
                        var candidate = string.Concat(pieces.Take(start).Concat(pieces.Skip(start + size)));
                        if (side == 0 ? Fails(candidate, b) : Fails(a, candidate))
                        {
                            pieces = [.. pieces.Take(start), .. pieces.Skip(start + size)];
                            (a, b) = side == 0 ? (candidate, b) : (a, candidate);
                            changed = true;
                        }
                        else
                        {
                            start += size;
                        }
                    }
                }
            }
        }

        return (a, b);
    }
}
