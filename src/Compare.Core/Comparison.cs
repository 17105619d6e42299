using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Diffing;
using Compare.Core.Reading;

namespace Compare.Core;

/// <summary>
/// The entry point: reads sources, segments them into statements, aligns corresponding statements
/// across sources and diffs them word by word.
/// </summary>
public static class Comparison
{
    /// <summary>Reads a document from disk.</summary>
    /// <exception cref="InputException">The file is missing, a directory, unreadable, binary or too large.</exception>
    public static SourceInput ReadFile(string path, CompareOptions? options = null) =>
        SourceReader.ReadFile(path, options ?? CompareOptions.Default);

    /// <summary>Reads a document from bytes (a file of another commit, a download), refused or warned about as a file on disk is.</summary>
    /// <param name="path">The path shown in reports and messages.</param>
    /// <param name="bytes">The document's bytes (UTF-8, with or without a byte order mark).</param>
    /// <param name="options">The options whose size limit applies.</param>
    /// <exception cref="InputException">The bytes are binary or too many.</exception>
    public static SourceInput ReadBytes(string path, byte[] bytes, CompareOptions? options = null) =>
        SourceReader.FromBytes(path, bytes, options ?? CompareOptions.Default);

    /// <summary>The most sources one comparison takes (they are labelled A to Z).</summary>
    public const int MaxSources = 26;

    /// <summary>
    /// Compares two or more sources. Two are aligned with each other; three or more into claim groups
    /// that hold, for each source, the statements that state the claim (see <see cref="AlignedGroup.Comparisons"/>).
    /// </summary>
    /// <exception cref="InputException">Fewer than two or more than <see cref="MaxSources"/> sources were given, or an option is out of range.</exception>
    public static ComparisonResult Compare(IReadOnlyList<SourceInput> sources, CompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= CompareOptions.Default;
        if (sources.Count is < 2 or > MaxSources)
        {
            throw new InputException($"expected 2 to {MaxSources} documents to compare, got {sources.Count}");
        }

        if (options.Threshold is <= 0 or > 1 || double.IsNaN(options.Threshold))
        {
            throw new InputException($"threshold {options.Threshold} is out of range: use a value above 0 and at most 1");
        }

        return new Pipeline(sources, options).Run();
    }

    /// <summary>Where each source's statements start when all are in one array (one more: where they end).</summary>
    private static int[] Offsets(List<AnalyzedStatement[]> statements)
    {
        var offsets = new int[statements.Count + 1];
        for (var i = 0; i < statements.Count; i++)
        {
            offsets[i + 1] = offsets[i] + statements[i].Length;
        }

        return offsets;
    }

    /// <summary>
    /// Each unmatched statement's likely counterparts in other sources: of its most similar statements (at least
    /// <see cref="Thresholds.NearMatch"/>), those <see cref="CounterpartModel"/> finds likely, most likely first.
    /// </summary>
    internal static List<NearMatch> NearMatches(List<Statement> unmatched, List<AnalyzedStatement[]> statements, List<TermVector[]> vectors, double threshold)
    {
        var offsets = Offsets(statements);
        var all = vectors.SelectMany(v => v).ToArray();
        var closest = Aligner.Closest(all, offsets, [.. unmatched.Select(s => offsets[s.Source] + s.Index)], new Thresholds(threshold).NearMatch, CounterpartModel.Shown);
        var matches = new List<NearMatch>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var statement = unmatched[i];
            var asked = all[offsets[statement.Source] + statement.Index];
            var place = (double)statement.Index / statements[statement.Source].Length;
            var candidates = new List<(NearMatch Match, double Confidence)>(CounterpartModel.Shown);
            foreach (var (other, score) in closest[i])
            {
                var source = Aligner.SourceOf(offsets, other);
                var index = other - offsets[source];
                var gap = Math.Abs(place - ((double)index / statements[source].Length));
                var confidence = CounterpartModel.Confidence(score, asked.Shared(all[other]), gap);
                candidates.Add((new NearMatch(statement, statements[source][index].Statement, Math.Round(score, 2)) { Confidence = Math.Round(confidence, 2) }, confidence));
            }

            // The most likely when it is likely, and then a runner-up that may be it.
            candidates.Sort((x, y) => y.Confidence != x.Confidence ? y.Confidence.CompareTo(x.Confidence)
                : x.Match.Closest.Source != y.Match.Closest.Source ? x.Match.Closest.Source.CompareTo(y.Match.Closest.Source)
                : x.Match.Closest.Index.CompareTo(y.Match.Closest.Index));
            if (candidates.Count > 0 && candidates[0].Confidence >= CounterpartModel.Likely)
            {
                matches.AddRange(candidates.Where((c, rank) => rank == 0 || c.Confidence >= CounterpartModel.Alternative).Select(c => c.Match));
            }
        }

        return matches;
    }

    /// <summary>Tells which statements have the same words (case and quote styles folded), through a hash of their tokens, and which quote words the other writes.</summary>
    internal sealed class SameWords(AnalyzedStatement[] left, AnalyzedStatement[] right) : StatementWords
    {
        public override bool SharesQuote(int l, int r) => Quotes(left[l], right[r]) || Quotes(right[r], left[l]);

        /// <summary>Whether every content word of one of a statement's quotes is a word of the other.</summary>
        private static bool Quotes(AnalyzedStatement quoting, AnalyzedStatement other)
        {
            foreach (var quote in quoting.QuotedTerms)
            {
                if (Array.TrueForAll(quote, term => Array.IndexOf(other.TokenTerms, term) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        public override bool StandsAlone(bool isLeft, int index) => (isLeft ? left : right)[index].Statement.InHeadline;

        public override long LeftKey(int index) => left[index].WordsKey;

        public override long RightKey(int index) => right[index].WordsKey;

        public override bool Same(int l, int r)
        {
            var a = left[l].Tokens;
            var b = right[r].Tokens;
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!string.Equals(a[i].Norm, b[i].Norm, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>How many sources of a claim a later source's statements are compared with to find it.</summary>
    private const int RepresentingSources = 2;

    /// <summary>
    /// Three or more sources: each source in turn is aligned with the statements of the sources before it
    /// (its statements ask, theirs answer through the candidate index: one pass over the new source's
    /// statements, however many came before; a claim answers through its first two sources' statements;
    /// a statement's candidate budget is what it would be against one earlier source), and statements
    /// aligned at any step are one claim, unless that step links statements of two earlier sources that do
    /// not resemble each other (<see cref="Thresholds.Link"/>).
    /// Returns the claims that hold statements of two or more sources, each as its statements.
    /// </summary>
    internal static List<List<AnalyzedStatement>> Claims(List<AnalyzedStatement[]> statements, List<TermVector[]> vectors, double threshold)
    {
        var offsets = Offsets(statements);

        var all = statements.SelectMany(s => s).ToArray();
        var allVectors = vectors.SelectMany(v => v).ToArray();
        var claims = new ClaimSets([.. all.Select(s => s.Statement.Source)], statements.Count);

        // A claim is looked for through its statements of the first two sources that state it: later
        // sources' statements of it say the same again, and looking through them too would make each step
        // cost as much as all the sources before it (they still join claims as neighbours).
        bool Represents(int statement)
        {
            if (claims.PerSource(statement) is not { } perSource)
            {
                return true; // Alone: no earlier source states it.
            }

            var earlier = 0;
            for (var source = 0; source < all[statement].Statement.Source; source++)
            {
                earlier += perSource[source] > 0 ? 1 : 0;
            }

            return earlier < RepresentingSources;
        }

        // Where a statement stands in its own source, 0 to 1 (the earlier sources' statements are one array).
        double Place(int statement)
        {
            var source = all[statement].Statement.Source;
            return (double)(statement - offsets[source]) / statements[source].Length;
        }

        // Statements of two earlier sources that only the new source's statements link must resemble each
        // other: a statement of the new source that tells two facts, or two of its neighbouring statements
        // that tell one each, do not make the earlier sources' two facts one claim.
        bool Related(List<int> claim, List<int> other, int source)
        {
            var earlier = claim.Where(i => all[i].Statement.Source < source).ToList();
            var others = other.Where(i => all[i].Statement.Source < source).ToList();
            if (earlier.Count == 0 || others.Count == 0 || earlier.Concat(others).All(i => all[i].Statement.Source == all[earlier[0]].Statement.Source))
            {
                return true;
            }

            return TermVector.Union([.. earlier.Select(i => allVectors[i])]).Similarity(TermVector.Union([.. others.Select(i => allVectors[i])])) >= new Thresholds(threshold).Link;
        }

        for (var k = 1; k < statements.Count; k++)
        {
            var candidates = k <= RepresentingSources ? null : Enumerable.Range(0, offsets[k]).Select(Represents).ToArray();
            var aligned = Aligner.Align(
                vectors[k], allVectors[..offsets[k]], threshold, new SameWords(statements[k], all[..offsets[k]]), candidates, Place, documentLength: offsets[k] / k);
            foreach (var group in aligned)
            {
                var first = offsets[k] + group.Left[0];
                foreach (var member in group.Left.Select(i => offsets[k] + i).Concat(group.Right))
                {
                    claims.Join(first, member, (claim, other) => Related(claim, other, k));
                }
            }
        }

        return [.. claims.Shared().Select(g => g.Select(i => all[i]).ToList())];
    }

    /// <summary>
    /// A claim: its most central source (sharing the most with the others; the first of two) is compared
    /// with each other source in it, and the group holds all those comparisons. Its score is the
    /// alignment's when one aligned it (two sources), else how alike the central source's statements are
    /// to the others'.
    /// </summary>
    internal static (AlignedGroup Group, double Substance) BuildClaim(
        List<AnalyzedStatement> claim, List<TermVector[]> vectors, TermSpace space, Func<AnalyzedStatement, SpeakerContext> antecedent, double? score = null)
    {
        // The claim's statements by source, each source's in document order, with the union of their terms;
        // and the sources the claim holds, in order (two at least).
        var bySource = new List<AnalyzedStatement>?[vectors.Count];
        foreach (var statement in claim)
        {
            (bySource[statement.Statement.Source] ??= []).Add(statement);
        }

        var sources = new List<int>(vectors.Count);
        var union = new TermVector[vectors.Count];
        for (var s = 0; s < bySource.Length; s++)
        {
            if (bySource[s] is { } statements)
            {
                statements.Sort(static (x, y) => x.Statement.Index.CompareTo(y.Statement.Index));
                union[s] = TermVector.Union([.. statements.Select(st => vectors[s][st.Statement.Index])]);
                sources.Add(s);
            }
        }

        // Of two sources the first is compared with the second, as every report reads them ("A: …; B: …").
        var central = vectors.Count == 2 ? sources[0] : sources.MaxBy(s => sources.Where(t => t != s).Sum(t => union[s].Shared(union[t])));
        var others = sources.Where(t => t != central).ToList();
        var comparisons = new List<GroupComparison>();
        var changes = new List<ChangedSpan>();
        string? heading = null;
        var topic = Topic(union[central], TermVector.Union([.. others.Select(t => union[t])]), claim, space);
        var centralStatements = bySource[central]!;
        var (centralTokens, centralSide) = (WordDiff.Prepare(centralStatements), DifferenceFinder.Prepare(centralStatements, antecedent));
        foreach (var other in others)
        {
            var otherStatements = bySource[other]!;
            var runs = WordDiff.Diff(centralTokens, WordDiff.Prepare(otherStatements));
            var (differences, sameValues) = DifferenceFinder.Find(runs, centralSide, DifferenceFinder.Prepare(otherStatements, antecedent), (central, other));
            comparisons.Add(new GroupComparison(central, other, WordDiff.Segments(runs), differences, sameValues));
            changes.AddRange(WordDiff.Changes(runs, centralStatements, otherStatements));
            heading ??= WordDiff.Heading(runs, topic);
        }

        var group = new AlignedGroup(
            [.. sources.SelectMany(s => bySource[s]!).Select(s => s.Statement)],
            Math.Round(score ?? others.Average(t => union[central].Similarity(union[t])), 2),
            topic,
            comparisons[0].Diff,
            [.. comparisons.SelectMany(c => c.Differences)],
            [.. comparisons.SelectMany(c => c.SameValues)])
        {
            Comparisons = comparisons,
            Changes = changes,
            Heading = heading!, // A claim has two sources at least, so one comparison.
        };
        return (group, others.Sum(t => union[central].Shared(union[t])));
    }

    /// <summary>The three heaviest terms both sides share, written as the first source writes them (values in one notation).</summary>
    private static List<string> Topic(TermVector left, TermVector right, IReadOnlyList<AnalyzedStatement> statements, TermSpace space)
    {
        // Heaviest first (the lighter side's weight), ties in the order of the terms; a full date makes its day-only form redundant.
        var common = new List<(string Term, float Weight)>();
        var hasFullDate = false;
        foreach (var (l, r) in left.Common(right))
        {
            var term = space.Term(left.Ids[l]);
            common.Add((term, Math.Min(left.Weights[l], right.Weights[r])));
            hasFullDate |= IndexTerm.IsFullDate(term);
        }

        common.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Term, b.Term));
        var topic = new List<string>(MaxTopicTerms);
        foreach (var (term, _) in common)
        {
            if (hasFullDate && IndexTerm.IsDay(term))
            {
                continue;
            }

            // Both numbers of "97-1" are shown as "97-1": once.
            var display = Display(term, statements);
            if (!topic.Exists(shown => shown.Equals(display, StringComparison.OrdinalIgnoreCase)))
            {
                topic.Add(display);
                if (topic.Count == MaxTopicTerms)
                {
                    break;
                }
            }
        }

        return topic;
    }

    /// <summary>How many terms a group's topic names.</summary>
    private const int MaxTopicTerms = 3;

    /// <summary>How much a group's most important difference matters to a reviewer: 0 (a conflicting number, date or time) to 4 (wording only).</summary>
    internal static int Importance(AlignedGroup group) =>
        group.Differences.Count == 0 ? 4 : group.Differences.Min(d => DifferenceKinds.Importance(d.Kind));

    /// <summary>A topic term as a reader knows it: the words it came from ("$600 million", not its normalised value).</summary>
    private static string Display(string term, IReadOnlyList<AnalyzedStatement> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.Surface(term) is { } surface)
            {
                return surface;
            }
        }

        return IndexTerm.Key(term);
    }
}
