using System.Runtime.InteropServices;
using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

using Group = DifferenceFinder.Group;

/// <summary>Finds wording: what is left of the word diff once the labelled differences are explained — additions, omissions, rewordings.</summary>
internal sealed class WordingDetector : IDifferenceDetector
{
    public void Detect(Group group) => Residual(group);

    /// <summary>The word diff's changes minus the words the labelled differences explain.</summary>
    private static void Residual(Group group)
    {
        foreach (var run in group.Runs)
        {
            if (run.IsEqual)
            {
                continue;
            }

            // What a labelled difference left of a change counts only if it has a content word.
            var trimmed = group.AnyExplained(0, run.Left) || group.AnyExplained(1, run.Right);
            var (leftText, leftCounts) = Unexplained(group, 0, run.Left, trimmed);
            var (rightText, rightCounts) = Unexplained(group, 1, run.Right, trimmed);
            if (leftCounts && rightCounts)
            {
                group.Add(new Difference(DifferenceKind.Wording, 1, rightText, new WordsDetail(leftText, rightText), 0, leftText));
            }
            else if (leftCounts)
            {
                group.Add(new Difference(DifferenceKind.Omission, 0, leftText, new WordsDetail(leftText, null)));
            }
            else if (rightCounts)
            {
                group.Add(new Difference(DifferenceKind.Addition, 1, rightText, new WordsDetail(null, rightText)));
            }
        }
    }

    /// <summary>
    /// The words of one side of a change that no labelled difference explains, with "…" where explained
    /// words were taken out, and whether they count: any word, or only a content word when the change was trimmed.
    /// </summary>
    private static (string Text, bool Counts) Unexplained(Group group, int side, ArraySegment<DiffToken> tokens, bool trimmed)
    {
        if (!group.AnyExplained(side, tokens))
        {
            // Nothing taken out (most changes): the change is one piece; it counts if it has a word
            // (a content word when the other side was trimmed).
            var hasWord = false;
            var hasContentWord = false;
            foreach (var token in tokens)
            {
                hasWord |= token.Kind != TokenKind.Punctuation;
                hasContentWord |= !token.IsFunctionWord;
            }

            return hasWord ? (WordDiff.JoinTrimmed(tokens), !trimmed || hasContentWord) : (string.Empty, false);
        }

        var pieces = new List<List<DiffToken>> { new() };
        foreach (var token in tokens)
        {
            if (group.IsExplained(side, token))
            {
                if (pieces[^1].Count > 0)
                {
                    pieces.Add([]);
                }
            }
            else
            {
                pieces[^1].Add(token);
            }
        }

        var kept = pieces.Where(p => p.Exists(t => t.Kind != TokenKind.Punctuation)).ToList();
        var text = string.Join(" … ", kept.Select(p => WordDiff.JoinTrimmed(CollectionsMarshal.AsSpan(p))));
        var counts = trimmed ? kept.Exists(p => p.Exists(t => !t.IsFunctionWord)) : kept.Count > 0;
        return (text, counts);
    }
}
