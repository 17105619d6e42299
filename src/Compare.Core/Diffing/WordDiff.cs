using System.Text;
using Compare.Core.Analysis;
using DiffPlex;

namespace Compare.Core.Diffing;

/// <summary>
/// A run of the word diff: tokens only the left side has, only the right side has, or both. The runs of
/// a group are consecutive slices of one token array per side (no copies).
/// </summary>
internal readonly record struct DiffRun(bool IsEqual, ArraySegment<DiffToken> Left, ArraySegment<DiffToken> Right);

/// <summary>A token with its text and the whitespace that follows it in the statement.</summary>
/// <param name="Text">The token as written.</param>
/// <param name="Space">The whitespace after it ("" or " ").</param>
/// <param name="Kind">Word, number or punctuation.</param>
/// <param name="IsFunctionWord">Whether it carries no topic ("the", "of", punctuation).</param>
/// <param name="Statement">Which statement of its side it comes from (0-based within the group's side).</param>
/// <param name="Start">Its offset in that statement.</param>
internal readonly record struct DiffToken(string Text, string Space, TokenKind Kind, bool IsFunctionWord, int Statement, int Start);

/// <summary>The tokens of one side of a diff and the normalised forms DiffPlex compares (its runs are slices of <paramref name="Tokens"/>).</summary>
internal sealed record DiffSide(DiffToken[] Tokens, string[] Norms);

/// <summary>
/// Diffs aligned statements word by word with DiffPlex, then folds islands of function words
/// ("the", "of") between changes into the changes, as diff-match-patch's semantic cleanup does.
/// </summary>
internal static class WordDiff
{
    /// <summary>A builder for <see cref="Join(ReadOnlySpan{DiffToken}, bool)"/> per thread (groups are diffed on all cores).</summary>
    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>The longest run of function words and punctuation between two changes that is folded into them.</summary>
    private const int MaxFoldedFunctionRun = 3;

    public static List<DiffRun> Diff(IReadOnlyList<AnalyzedStatement> left, IReadOnlyList<AnalyzedStatement> right) =>
        Diff(Prepare(left), Prepare(right));

    /// <summary>One side's tokens as the diff reads them: prepared once for a side diffed against several others.</summary>
    public static DiffSide Prepare(IReadOnlyList<AnalyzedStatement> statements)
    {
        var tokens = Flatten(statements);
        return new DiffSide(tokens, Norms(statements, tokens.Length));
    }

    public static List<DiffRun> Diff(DiffSide left, DiffSide right)
    {
        var (leftTokens, rightTokens) = (left.Tokens, right.Tokens);

        // Compare normalised forms: case, curly quotes and dash styles are not differences.
        var result = Differ.Instance.CreateDiffs(
            leftTokens.Length == 0 ? string.Empty : TokenChunker.Left,
            rightTokens.Length == 0 ? string.Empty : TokenChunker.Right,
            ignoreWhiteSpace: false,
            ignoreCase: false,
            new TokenChunker(left.Norms, right.Norms));

        var runs = new List<DiffRun>(result.DiffBlocks.Count * 2 + 1);
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
                new ArraySegment<DiffToken>(leftTokens, a, block.DeleteCountA),
                new ArraySegment<DiffToken>(rightTokens, block.InsertStartB, block.InsertCountB)));
            a += block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        if (a < leftTokens.Length)
        {
            runs.Add(Equal(leftTokens, rightTokens, a, b, leftTokens.Length - a));
        }

        return Cleanup(runs);
    }

    /// <summary>The changed words of each statement as character ranges; neighbouring words of one change are one range.</summary>
    public static List<ChangedSpan> Changes(IEnumerable<DiffRun> runs, IReadOnlyList<AnalyzedStatement> left, IReadOnlyList<AnalyzedStatement> right)
    {
        var spans = new List<ChangedSpan>();
        foreach (var run in runs.Where(r => !r.IsEqual))
        {
            foreach (var (tokens, side) in new[] { (run.Left, left), (run.Right, right) })
            {
                ChangedSpan? open = null;
                foreach (var token in tokens)
                {
                    var statement = side[token.Statement].Statement;
                    if (open is { } span && span.Source == statement.Source && span.Index == statement.Index && token.Start - (span.Start + span.Length) <= 1)
                    {
                        open = span with { Length = token.Start + token.Text.Length - span.Start };
                        continue;
                    }

                    if (open is { } done)
                    {
                        spans.Add(done);
                    }

                    open = new ChangedSpan(statement.Source, statement.Index, token.Start, token.Text.Length);
                }

                if (open is { } last)
                {
                    spans.Add(last);
                }
            }
        }

        return spans;
    }

    /// <summary>The longest phrase shown as a heading, in tokens.</summary>
    private const int MaxHeadingTokens = 6;

    /// <summary>
    /// A group's heading in the words its statements share: the shared phrase (up to six words, as the
    /// first source writes it, without function words at its ends) that holds the most topic words, then
    /// the topic terms it does not already name, three parts at most ("lay down their weapons · combat").
    /// Without a shared phrase of two content words, the topic terms alone; with no topic either, "shared wording".
    /// </summary>
    public static string Heading(IEnumerable<DiffRun> runs, IReadOnlyList<string> topic)
    {
        var topicWords = new List<string>();
        foreach (var term in topic)
        {
            AddWords(term, topicWords, parts: false);
        }

        var best = (Score: 0, Content: 0, Phrase: default(ArraySegment<DiffToken>));
        foreach (var run in runs.Where(r => r.IsEqual))
        {
            foreach (var piece in Phrases(run.Left))
            {
                for (var start = 0; start < piece.Count; start++)
                {
                    for (var end = start + 1; end <= Math.Min(piece.Count, start + MaxHeadingTokens); end++)
                    {
                        // A phrase keeps a negation before it ("no one is above the law", never "one is above the law").
                        var window = piece.Slice(start, end - start);
                        if ((window[0].IsFunctionWord && !IsNegation(window[0])) || window[^1].IsFunctionWord || (start > 0 && IsNegation(piece[start - 1])))
                        {
                            continue;
                        }

                        var content = 0;
                        var score = 0;
                        foreach (var token in window)
                        {
                            if (!token.IsFunctionWord)
                            {
                                content++;
                                score += Contains(topicWords, token.Text) ? 3 : 1;
                            }
                        }

                        // The highest score; of equal ones the shorter phrase, then the first.
                        if (score > best.Score || (score == best.Score && content < best.Content))
                        {
                            best = (score, content, window);
                        }
                    }
                }
            }
        }

        if (best.Content < 2 || best.Score <= best.Content)
        {
            return topic.Count > 0 ? string.Join(" · ", Unnamed(topic, null, topic.Count)) : "shared wording";
        }

        var phrase = Join(best.Phrase).TrimEnd();
        return string.Join(" · ", [phrase, .. Unnamed(topic, phrase, 2)]);
    }

    /// <summary>
    /// The topic terms whose words the phrases before them do not all name (at most <paramref name="count"/>):
    /// "97" and "1" are named by "97-1", "Nev" by "D-Nev".
    /// </summary>
    private static List<string> Unnamed(IReadOnlyList<string> topic, string? shown, int count)
    {
        var named = new List<string>();
        if (shown is not null)
        {
            AddWords(shown, named, parts: true);
        }

        var kept = new List<string>();
        var words = new List<string>();
        foreach (var term in topic)
        {
            words.Clear();
            AddWords(term, words, parts: true);
            if (words.Count > 0 && words.TrueForAll(w => Contains(named, w)))
            {
                continue;
            }

            kept.Add(term);
            named.AddRange(words);
            if (kept.Count == count)
            {
                break;
            }
        }

        return kept;
    }

    /// <summary>
    /// Adds a phrase's words without the signs around them ("$600 million": 600, million), each once
    /// (case aside), and with <paramref name="parts"/> a hyphenated word's parts as well ("97-1": 97-1, 97, 1).
    /// </summary>
    private static void AddWords(string phrase, List<string> words, bool parts)
    {
        foreach (var piece in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = piece.Trim(WordSigns);
            if (word.Length == 0)
            {
                continue;
            }

            AddOnce(words, word);
            if (parts && word.AsSpan().IndexOfAny('-', '–') >= 0)
            {
                foreach (var part in word.Split('-', '–'))
                {
                    if (part.Length > 0)
                    {
                        AddOnce(words, part);
                    }
                }
            }
        }
    }

    /// <summary>Adds a word to a short list unless it holds it already (case aside).</summary>
    private static void AddOnce(List<string> words, string word)
    {
        if (!Contains(words, word))
        {
            words.Add(word);
        }
    }

    /// <summary>Whether a short list of words holds a word, case aside.</summary>
    private static bool Contains(List<string> words, string word)
    {
        foreach (var known in words)
        {
            if (known.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The signs around a word that are not part of it.</summary>
    private static readonly char[] WordSigns = [',', '.', '$', '€', '£', '%', '"', '“', '”', '‘', '’', '(', ')'];

    /// <summary>Whether a token is a negation ("no", "not", "n't" …), case aside: a heading keeps one before a phrase.</summary>
    private static bool IsNegation(DiffToken token) => Lexicon.Negations.Contains(token.Text);

    /// <summary>A run's tokens cut at punctuation that ends a phrase (a comma inside a number or date does not: "September 21, 2023").</summary>
    private static IEnumerable<ArraySegment<DiffToken>> Phrases(ArraySegment<DiffToken> tokens)
    {
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var cut = i == tokens.Count
                      || (tokens[i].Kind == TokenKind.Punctuation && tokens[i].Text is not ("-" or "'" or "’")
                          && !(tokens[i].Text == "," && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number));
            if (cut)
            {
                if (i > start)
                {
                    yield return tokens.Slice(start, i - start);
                }

                start = i + 1;
            }
        }
    }

    /// <summary>Turns the runs into display segments: shared text, then for each change the deleted and the inserted words.</summary>
    public static List<DiffSegment> Segments(IReadOnlyList<DiffRun> runs)
    {
        var segments = new List<DiffSegment>(runs.Count * 2);
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
    public static string Join(ReadOnlySpan<DiffToken> tokens) => Join(tokens, trim: false);

    /// <summary>The tokens' text with the spaces between them, none after the last.</summary>
    public static string JoinTrimmed(ReadOnlySpan<DiffToken> tokens) => Join(tokens, trim: true);

    private static string Join(ReadOnlySpan<DiffToken> tokens, bool trim)
    {
        var text = _builder ??= new StringBuilder();
        text.Clear();
        foreach (var token in tokens)
        {
            text.Append(token.Text).Append(token.Space);
        }

        if (trim && tokens.Length > 0)
        {
            text.Length -= tokens[^1].Space.Length;
        }

        return text.ToString();
    }

    private static DiffRun Equal(DiffToken[] left, DiffToken[] right, int a, int b, int count) =>
        new(true, new ArraySegment<DiffToken>(left, a, count), new ArraySegment<DiffToken>(right, b, count));

    /// <summary>The normalised forms DiffPlex compares, in token order.</summary>
    private static string[] Norms(IReadOnlyList<AnalyzedStatement> statements, int count)
    {
        var norms = new string[count];
        var n = 0;
        foreach (var statement in statements)
        {
            foreach (var token in statement.Tokens)
            {
                norms[n++] = token.Norm;
            }
        }

        return norms;
    }

    private static DiffToken[] Flatten(IReadOnlyList<AnalyzedStatement> statements)
    {
        var count = 0;
        foreach (var statement in statements)
        {
            count += statement.Tokens.Count;
        }

        var tokens = new DiffToken[count];
        var n = 0;
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
                tokens[n++] = new DiffToken(tokenText, space.Length > 0 ? " " : string.Empty, token.Kind, function, s, token.Start);
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
                var islandOfFunctionWords = equal.Left.Count <= MaxFoldedFunctionRun && AllFunctionWords(equal.Left);
                var dwarfed = equal.Left.Count <= 2 && equal.Left.Count * 2 <= Math.Min(Size(before), Size(after));
                if (!islandOfFunctionWords && !dwarfed)
                {
                    continue;
                }

                // The three runs are consecutive slices of each side's tokens: the change is one slice.
                runs[i - 1] = new DiffRun(false, Span(before.Left, after.Left), Span(before.Right, after.Right));
                runs.RemoveRange(i, 2);
                changed = true;
                break;
            }
        }

        return runs;
    }

    private static int Size(DiffRun change) => Math.Max(change.Left.Count, change.Right.Count);

    private static bool AllFunctionWords(ArraySegment<DiffToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!token.IsFunctionWord)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tokens from the first slice's start to the last one's end.</summary>
    private static ArraySegment<DiffToken> Span(ArraySegment<DiffToken> first, ArraySegment<DiffToken> last) =>
        new(first.Array!, first.Offset, last.Offset + last.Count - first.Offset);
}

/// <summary>
/// Hands DiffPlex the normalised tokens of the two sides as its pieces, instead of a text joined only
/// to be split again: it is given <see cref="Left"/> and <see cref="Right"/> as the texts to chunk.
/// </summary>
internal sealed class TokenChunker(string[] left, string[] right) : IChunker
{
    public const string Left = "left";

    public const string Right = "right";

    public IReadOnlyList<string> Chunk(string text) => text switch
    {
        Left => left,
        Right => right,
        _ => throw new ArgumentException($"expected {Left} or {Right}, not a text", nameof(text)),
    };
}
