using System.Text;
using Compare.Core.Analysis;
using DiffPlex;

namespace Compare.Core.Diffing;

/// <summary>A run of the word diff: tokens only the left side has, only the right side has, or both.</summary>
internal sealed record DiffRun(bool IsEqual, IReadOnlyList<DiffToken> Left, IReadOnlyList<DiffToken> Right);

/// <summary>A token with its text and the whitespace that follows it in the statement.</summary>
/// <param name="Text">The token as written.</param>
/// <param name="Space">The whitespace after it ("" or " ").</param>
/// <param name="Kind">Word, number or punctuation.</param>
/// <param name="IsFunctionWord">Whether it carries no topic ("the", "of", punctuation).</param>
/// <param name="Statement">Which statement of its side it comes from (0-based within the group's side).</param>
/// <param name="Start">Its offset in that statement.</param>
internal sealed record DiffToken(string Text, string Space, TokenKind Kind, bool IsFunctionWord, int Statement, int Start);

/// <summary>
/// Diffs aligned statements word by word with DiffPlex, then folds islands of function words
/// ("the", "of") between changes into the changes, as diff-match-patch's semantic cleanup does.
/// </summary>
internal static class WordDiff
{
    private const char Separator = '\u0001';

    private static readonly SeparatorChunker Chunker = new();

    /// <summary>A builder for <see cref="Join"/> per thread (groups are diffed on all cores).</summary>
    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>The longest run of function words and punctuation between two changes that is folded into them.</summary>
    private const int MaxFoldedFunctionRun = 3;

    public static List<DiffRun> Diff(IReadOnlyList<AnalyzedStatement> left, IReadOnlyList<AnalyzedStatement> right)
    {
        var leftTokens = Flatten(left);
        var rightTokens = Flatten(right);

        // Compare normalised forms: case, curly quotes and dash styles are not differences.
        var result = Differ.Instance.CreateDiffs(
            Key(left),
            Key(right),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            Chunker);

        var runs = new List<DiffRun>();
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > a)
            {
                runs.Add(Equal(leftTokens, rightTokens, a, b, block.DeleteStartA - a));
                b += block.DeleteStartA - a;
                a = block.DeleteStartA;
            }

            runs.Add(new DiffRun(
                false,
                leftTokens.GetRange(a, block.DeleteCountA),
                rightTokens.GetRange(block.InsertStartB, block.InsertCountB)));
            a += block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        if (a < leftTokens.Count)
        {
            runs.Add(Equal(leftTokens, rightTokens, a, b, leftTokens.Count - a));
        }

        return Cleanup(runs);
    }

    /// <summary>Turns the runs into display segments: shared text, then for each change the deleted and the inserted words.</summary>
    public static List<DiffSegment> Segments(IEnumerable<DiffRun> runs)
    {
        var segments = new List<DiffSegment>();
        foreach (var run in runs)
        {
            if (run.IsEqual)
            {
                // Shared words are shown as the first source writes them; a space either side has before the next change is kept.
                var text = Join(run.Left);
                if (run.Right.Count > 0 && run.Right[^1].Space.Length > 0 && !text.EndsWith(' '))
                {
                    text += " ";
                }

                segments.Add(new DiffSegment(DiffOperation.Equal, text));
                continue;
            }

            if (run.Left.Count > 0)
            {
                segments.Add(new DiffSegment(DiffOperation.Deleted, Join(run.Left)));
            }

            if (run.Right.Count > 0)
            {
                segments.Add(new DiffSegment(DiffOperation.Inserted, Join(run.Right)));
            }
        }

        return segments;
    }

    /// <summary>The tokens' text with the spaces that follow them.</summary>
    public static string Join(IEnumerable<DiffToken> tokens)
    {
        var text = _builder ??= new StringBuilder();
        text.Clear();
        foreach (var token in tokens)
        {
            text.Append(token.Text).Append(token.Space);
        }

        return text.ToString();
    }

    private static DiffRun Equal(List<DiffToken> left, List<DiffToken> right, int a, int b, int count) =>
        new(true, left.GetRange(a, count), right.GetRange(b, count));

    private static string Key(IReadOnlyList<AnalyzedStatement> statements) =>
        string.Join(Separator, statements.SelectMany(s => s.Tokens.Select(t => t.Norm)));

    private static List<DiffToken> Flatten(IReadOnlyList<AnalyzedStatement> statements)
    {
        var tokens = new List<DiffToken>();
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            var text = statement.Statement.Text;
            for (var i = 0; i < statement.Tokens.Count; i++)
            {
                var token = statement.Tokens[i];
                var spaceEnd = i + 1 < statement.Tokens.Count ? statement.Tokens[i + 1].Start : text.Length;
                var space = text.AsSpan(token.End, spaceEnd - token.End);
                if (i + 1 == statement.Tokens.Count && s + 1 < statements.Count)
                {
                    space = " ";
                }

                var function = token.Kind == TokenKind.Punctuation || statement.TokenTerms[i] is null;
                // Most tokens are written as their folded form: that shared string serves, no copy needed.
                var written = text.AsSpan(token.Start, token.End - token.Start);
                var tokenText = written.SequenceEqual(token.Norm) ? token.Norm : written.ToString();
                tokens.Add(new DiffToken(tokenText, space.Length > 0 ? " " : string.Empty, token.Kind, function, s, token.Start));
            }
        }

        return tokens;
    }

    /// <summary>
    /// Folds a short equal run of function words and punctuation that stands between two changes into
    /// one change, and an equal run much shorter than the changes around it likewise, until none is left.
    /// </summary>
    private static List<DiffRun> Cleanup(List<DiffRun> runs)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 1; i + 1 < runs.Count; i++)
            {
                var equal = runs[i];
                if (!equal.IsEqual || runs[i - 1].IsEqual || runs[i + 1].IsEqual)
                {
                    continue;
                }

                var before = runs[i - 1];
                var after = runs[i + 1];
                var islandOfFunctionWords = equal.Left.Count <= MaxFoldedFunctionRun && equal.Left.All(t => t.IsFunctionWord);
                var dwarfed = equal.Left.Count <= 2 && equal.Left.Count * 2 <= Math.Min(Size(before), Size(after));
                if (!islandOfFunctionWords && !dwarfed)
                {
                    continue;
                }

                runs[i - 1] = new DiffRun(
                    false,
                    [.. before.Left, .. equal.Left, .. after.Left],
                    [.. before.Right, .. equal.Right, .. after.Right]);
                runs.RemoveRange(i, 2);
                changed = true;
                break;
            }
        }

        return runs;
    }

    private static int Size(DiffRun change) => Math.Max(change.Left.Count, change.Right.Count);
}

/// <summary>Hands DiffPlex our own tokens, joined with a separator that no token contains.</summary>
internal sealed class SeparatorChunker : IChunker
{
    public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split('\u0001');
}
