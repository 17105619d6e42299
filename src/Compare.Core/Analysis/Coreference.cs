namespace Compare.Core.Analysis;

/// <summary>
/// Resolves "he said" and "she said" to the named speaker before it in its statement, else to the person
/// its source named last before the statement, as a named speaker ("Ruben Vardanyan said …") or as the
/// name a statement opens with ("Akin made the remarks …"): "he said" after them is theirs.
/// </summary>
internal static class Coreference
{
    /// <summary>
    /// What each statement's source said before it: the person named last, and whether the statement before it
    /// in its paragraph reports someone's words up to its end ("The mayor said the port would reopen. Repairs
    /// begin on Monday.": the second may be hers too).
    /// </summary>
    public static SpeakerContext[] Contexts(IReadOnlyList<AnalyzedStatement> source)
    {
        // Words the source writes capitalised inside a sentence are names; a statement's first word is one only if so.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in source)
        {
            for (var t = 1; t < statement.Tokens.Count; t++)
            {
                if (statement.Tokens[t].Kind == TokenKind.Word && statement.IsName(t) && !StopWords.Contains(statement.Tokens[t].Norm))
                {
                    names.Add(statement.Tokens[t].Norm);
                }
            }
        }

        var antecedents = new SpeakerContext[source.Count];
        var last = string.Empty;
        for (var i = 0; i < source.Count; i++)
        {
            var speechBefore = i > 0 && source[i - 1].Statement.Paragraph == source[i].Statement.Paragraph && source[i].Framing.Frames.Count == 0
                && source[i - 1].Framing.Frames.Any(f => f.Speaker.Length > 0 && f.ScopeEnd >= source[i - 1].Statement.Text.TrimEnd().Length - 1);
            antecedents[i] = new SpeakerContext(last, speechBefore);
            var subject = Subject(source[i], names);
            if (subject.Length > 0)
            {
                last = subject;
            }

            foreach (var frame in source[i].Framing.Frames)
            {
                if (frame.IsNamed)
                {
                    last = frame.Speaker;
                }
            }
        }

        return antecedents;
    }

    /// <summary>The name a statement opens with, titles left out ("Sen. Roy Blunt said" is "Roy Blunt"), or empty.</summary>
    private static string Subject(AnalyzedStatement statement, HashSet<string> names)
    {
        var tokens = statement.Tokens;
        var text = statement.Statement.Text;
        var start = 0;
        while (start < tokens.Count && (Lexicon.IsTitle(tokens[start].Norm.TrimEnd('.')) || tokens[start].Norm == "."))
        {
            start++;
        }

        var end = start;
        while (end < tokens.Count && tokens[end].Kind == TokenKind.Word && char.IsUpper(text[tokens[end].Start]) && names.Contains(tokens[end].Norm))
        {
            end++;
        }

        return end > start && end < tokens.Count && tokens[end].Kind == TokenKind.Word && !char.IsUpper(text[tokens[end].Start])
            ? text[tokens[start].Start..tokens[end - 1].End]
            : string.Empty;
    }

    /// <summary>
    /// A statement's framing with its pronoun speakers resolved to the statement's antecedent, asked for
    /// only when the statement has one ("he said"), so a comparison without one never reads the sources for it.
    /// </summary>
    public static Framing Resolve(Framing framing, Func<string> antecedent)
    {
        if (!framing.Frames.Any(f => f.IsPersonalPronoun))
        {
            return framing;
        }

        // A pronoun after a named speaker of its own statement is that speaker ("Mr. Bush said his rate was 36
        // percent, and contrasted that with what he said was …"); else the person named before the statement.
        string Person(Frame pronoun) =>
            framing.Frames.Where(f => f.IsNamed && f.End <= pronoun.Start).MaxBy(f => f.End)?.Speaker ?? antecedent();

        return framing with { Frames = [.. framing.Frames.Select(f => f.IsPersonalPronoun && Person(f) is { Length: > 0 } person ? f with { Referent = person } : f)] };
    }
}

/// <summary>What a statement's source said before it.</summary>
/// <param name="Antecedent">The person named last before the statement (who "he said" is), or empty.</param>
/// <param name="SpeechBefore">Whether the statement before it in its paragraph reports someone's words up to its end.</param>
internal readonly record struct SpeakerContext(string Antecedent, bool SpeechBefore);
