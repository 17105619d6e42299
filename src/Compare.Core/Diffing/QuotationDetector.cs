using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

using Group = DifferenceFinder.Group;
using Side = DifferenceFinder.Side;

/// <summary>Finds quotation: words one side quotes and the other writes in its own words.</summary>
internal sealed class QuotationDetector : IDifferenceDetector
{
    public void Detect(Group group) => Quotation(group);

    /// <summary>The most content words of a quoted phrase the other side writes when it uses half of them.</summary>
    private const int ShortQuoteWords = 2;

    /// <summary>
    /// Words one side quotes and the other writes without quotation marks. A quote both sides quote
    /// (even split across statements or interrupted by its attribution) is no difference, and neither
    /// is a quote of words the other side does not say (only what both say is compared), unless it is a
    /// remark quoted directly that the other side retells in its own words (<see cref="Paraphrased"/>).
    /// </summary>
    private static void Quotation(Group group)
    {
        var quotes = group.Items(f => f.Quotes);
        if (quotes[0].Length + quotes[1].Length == 0)
        {
            return;
        }

        for (var s = 1; s >= 0; s--)
        {
            var o = 1 - s;
            var (quoted, plain) = QuotedWords(group.Sides[o], quotes[o]);
            foreach (var (statement, quote) in quotes[s])
            {
                var words = quote.ContentWords;
                if (words.Count == 0 || words.Count(quoted.Contains) * 2 >= words.Count)
                {
                    continue; // Both sides quote it.
                }

                // The other side must say it: half of a phrase of one or two words ("numerous warnings"),
                // more than half of a longer quote (a remark the other side retells in its own words is
                // not written without quotation marks).
                var unquoted = words.Where(plain.Contains).ToList();
                if (unquoted.Count * 2 < words.Count || (words.Count > ShortQuoteWords && unquoted.Count * 2 == words.Count))
                {
                    if (Paraphrased(group, s, statement, quote, words) is { } retold)
                    {
                        group.Explain(s, statement, quote.Start, quote.End);
                        group.Add(new Difference(DifferenceKind.Quotation, s, quote.Text, new RemarkDetail(quote.Text, retold.Speaker, retold.Retelling))
                        {
                            Quotation = QuotationChange.Remark,
                        });
                    }

                    continue;
                }

                if (HedgeDetector.HedgesAny(group.Sides[o], words))
                {
                    continue; // “marriage penalty” / the so-called marriage penalty: both keep their distance from the words.
                }

                group.Explain(s, statement, quote.Start, quote.End);
                group.Add(new Difference(DifferenceKind.Quotation, s, quote.Text, new QuotedPhraseDetail(quote.Text, unquoted)) { Quotation = QuotationChange.Phrase });
            }
        }
    }

    /// <summary>The fewest content words of a quote that is a remark quoted directly, not a phrase in quotation marks.</summary>
    private const int MinDirectQuoteWords = 4;

    /// <summary>
    /// A remark one side quotes directly that the other side retells in its own words: the quote (four content
    /// words or more, which the other side neither quotes nor mostly writes) is attributed to a speaker, and the
    /// other side reports the same speaker, in a frame over what the two statements share that retells the
    /// quote (<see cref="Retells"/>), without quoting them at length. The speaker and the other side's
    /// frame; null when it is not so.
    /// </summary>
    private static (ReportingFrame Speaker, ReportingFrame Retelling)? Paraphrased(Group group, int side, int statement, Cue quote, IReadOnlyList<string> words)
    {
        if (words.Count < MinDirectQuoteWords)
        {
            return null;
        }

        var framing = group.Sides[side].Framings[statement];
        var said = framing.Frames.FirstOrDefault(f => f.ScopeStart <= quote.Start && quote.End <= f.ScopeEnd && f.SpeakerKey.Length > 0);
        if (said is null)
        {
            return null;
        }

        // The quote's terms as the analysis made them (stems, values): the other side's tokens carry theirs.
        var quoting = group.Sides[side].Statements[statement];
        var terms = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var k = 0; k < quoting.Tokens.Count; k++)
        {
            if (quoting.TokenTerms[k] is { } term && quote.Start <= quoting.Tokens[k].Start && quoting.Tokens[k].End <= quote.End)
            {
                terms[term] = terms.GetValueOrDefault(term) || IsNegated(quoting, k);
            }
        }

        var other = 1 - side;
        var sides = group.Sides[other];
        for (var i = 0; i < sides.Statements.Count; i++)
        {
            if (sides.Statements[i].Statement.InHeadline)
            {
                continue; // A headline tells every remark in its own words (headline style): no retelling of its own.
            }

            var quotes = sides.Framings[i].Quotes;
            var longQuotes = quotes.Where(q => q.ContentWords.Count >= MinDirectQuoteWords).ToList();
            foreach (var frame in sides.Framings[i].Frames)
            {
                if (AttributionDetector.SameSpeaker(said, frame) && group.ReportsShared(other, i, frame)
                    && !longQuotes.Exists(q => q.Start >= frame.ScopeStart && q.End <= frame.ScopeEnd)
                    && Retells(sides.Statements[i], quotes, frame, terms))
                {
                    return (said.Reported, frame.Reported);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the words a frame reports retell the quote, not another remark of the speaker's: two of its
    /// terms (stems), or one that the frame's side quotes too ("he is “profoundly” sorry").
    /// </summary>
    private static bool Retells(AnalyzedStatement statement, IReadOnlyList<Cue> quotes, Frame frame, Dictionary<string, bool> quoteTerms)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < statement.Tokens.Count; k++)
        {
            var token = statement.Tokens[k];
            if (statement.TokenTerms[k] is not { } term || token.Start < frame.ScopeStart || token.End > frame.ScopeEnd || !quoteTerms.TryGetValue(term, out var denied))
            {
                continue;
            }

            if (IsNegated(statement, k) != denied)
            {
                return false; // "he has not apologized" / “I apologize”: it denies what the quote says, it does not retell it.
            }

            if (quotes.Any(q => q.Start <= token.Start && token.End <= q.End))
            {
                return true; // A word of the remark quoted again: the same remark, told in part.
            }

            shared.Add(term);
        }

        return shared.Count >= MinRetoldWords;
    }

    /// <summary>Whether a negation ("not", "never", "hasn't") stands right before a statement's token, one or two words before it ("has not apologized").</summary>
    private static bool IsNegated(AnalyzedStatement statement, int token)
    {
        for (var k = Math.Max(0, token - NegationReach); k < token; k++)
        {
            var norm = statement.Tokens[k].Norm;
            if (Lexicon.Negations.Contains(norm) || norm.EndsWith("n't", StringComparison.Ordinal) || norm.EndsWith("n’t", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many words before a word its negation may stand ("has not apologized").</summary>
    private const int NegationReach = 2;

    /// <summary>How many of a quote's words (stems) a frame's words must hold to retell it, when it quotes none of them.</summary>
    private const int MinRetoldWords = 2;

    /// <summary>A side's content words inside its quotations and outside them.</summary>
    private static (HashSet<string> Quoted, HashSet<string> Plain) QuotedWords(Side side, (int Statement, Cue Item)[] quotes)
    {
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < side.Statements.Count; i++)
        {
            foreach (var token in side.Statements[i].Tokens)
            {
                if (token.Kind != TokenKind.Word || StopWords.Contains(token.Norm))
                {
                    continue;
                }

                var inside = Array.Exists(quotes, q => q.Statement == i && q.Item.Start <= token.Start && token.End <= q.Item.End);
                (inside ? quoted : plain).Add(token.Norm);
            }
        }

        return (quoted, plain);
    }
}
