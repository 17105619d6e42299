using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Diffing;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

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

    /// <summary>Compares two sources.</summary>
    /// <exception cref="InputException">Not exactly two sources were given, or an option is out of range.</exception>
    public static ComparisonResult Compare(IReadOnlyList<SourceInput> sources, CompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= CompareOptions.Default;
        if (sources.Count != 2)
        {
            throw new InputException($"expected two documents to compare, got {sources.Count}");
        }

        if (options.Threshold is <= 0 or > 1 || double.IsNaN(options.Threshold))
        {
            throw new InputException($"threshold {options.Threshold} is out of range: use a value above 0 and at most 1");
        }

        // Each source is read and segmented on its own core; statements are then analysed on all of them.
        var documents = Parallelism.Map(sources, (s, i) => DocumentParser.Parse(s, i), minimumItems: 2);
        var segmented = Parallelism.Map(documents, (d, i) => Segmenter.Segment(d, i), minimumItems: 2);
        var statements = segmented.Select(s => Parallelism.Map(s, StatementAnalyzer.Analyze)).ToList();
        var space = new TermSpace(statements.SelectMany(s => s));
        var vectors = statements.Select(s => Parallelism.Map(s, space.Vectorize)).ToList();

        var aligned = Aligner.Align(vectors[0], vectors[1], options.Threshold, new SameWords(statements[0], statements[1]));
        // Who "he said" is: read from a whole source only when an aligned statement says it.
        var antecedents = statements.Select(s => new Lazy<string[]>(() => Coreference.Antecedents(s))).ToList();
        // The groups whose differences matter most come first (conflicting values, then attribution, hedges
        // and modality, then quotation and naming), each rank by how much the statements share.
        var groups = Parallelism.Map(aligned, a => BuildGroup(a, statements[0], statements[1], vectors[0], vectors[1], space, s => antecedents[s.Statement.Source].Value[s.Statement.Index]))
            .OrderBy(g => Importance(g.Group))
            .ThenByDescending(g => g.Substance)
            .ThenBy(g => g.Group.Statements[0].Index)
            .Select(g => g.Group)
            .ToList();

        var matched = groups.SelectMany(g => g.Statements).Select(s => (s.Source, s.Index)).ToHashSet();
        var unmatched = statements
            .SelectMany(s => s)
            .Select(s => s.Statement)
            .Where(s => !matched.Contains((s.Source, s.Index)))
            .ToList();

        return new ComparisonResult(
            [.. sources.Select((s, i) => new SourceSummary(i, s.Path, documents[i].Title, statements[i].Length))],
            groups,
            unmatched,
            [.. documents.SelectMany(d => d.Boilerplate)])
        {
            Warnings = [.. sources.SelectMany(s => s.Warnings), .. documents.SelectMany(d => d.Warnings)],
        };
    }

    /// <summary>Tells which statements have the same words (case and quote styles folded), through a hash of their tokens.</summary>
    private sealed class SameWords(AnalyzedStatement[] left, AnalyzedStatement[] right) : IdenticalStatements
    {
        public override long LeftKey(int index) => Key(left[index]);

        public override long RightKey(int index) => Key(right[index]);

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

        private static long Key(AnalyzedStatement statement)
        {
            if (statement.Tokens.Count == 0)
            {
                return 0;
            }

            var hash = new HashCode();
            foreach (var token in statement.Tokens)
            {
                hash.Add(token.Norm, StringComparer.Ordinal);
            }

            return ((long)hash.ToHashCode() << 32) | (uint)statement.Tokens.Count;
        }
    }

    private static (AlignedGroup Group, double Substance) BuildGroup(
        AlignedIndexes aligned,
        AnalyzedStatement[] left,
        AnalyzedStatement[] right,
        TermVector[] leftVectors,
        TermVector[] rightVectors,
        TermSpace space,
        Func<AnalyzedStatement, string> antecedent)
    {
        var leftStatements = aligned.Left.Select(i => left[i]).ToList();
        var rightStatements = aligned.Right.Select(i => right[i]).ToList();
        var leftVector = TermVector.Union([.. aligned.Left.Select(i => leftVectors[i])]);
        var rightVector = TermVector.Union([.. aligned.Right.Select(i => rightVectors[i])]);

        var runs = WordDiff.Diff(leftStatements, rightStatements);
        var (differences, sameValues) = DifferenceFinder.Find(runs, leftStatements, rightStatements, antecedent);
        var topic = Topic(leftVector, rightVector, leftStatements.Concat(rightStatements), space);
        var group = new AlignedGroup(
            [.. leftStatements.Concat(rightStatements).Select(s => s.Statement)],
            Math.Round(aligned.Score, 2),
            topic,
            WordDiff.Segments(runs),
            differences,
            sameValues)
        {
            Changes = WordDiff.Changes(runs, leftStatements, rightStatements),
            Heading = WordDiff.Heading(runs, topic),
        };
        return (group, leftVector.Shared(rightVector));
    }

    /// <summary>The three heaviest terms both sides share, written as the first source writes them (values in one notation).</summary>
    private static List<string> Topic(TermVector left, TermVector right, IEnumerable<AnalyzedStatement> statements, TermSpace space)
    {
        var weights = new Dictionary<int, float>();
        foreach (var (l, r) in left.Common(right))
        {
            weights[left.Ids[l]] = Math.Min(left.Weights[l], right.Weights[r]);
        }

        var hasFullDate = weights.Keys.Any(k => space.Term(k).StartsWith("#d2", StringComparison.Ordinal));

        var all = statements.ToList();
        return
        [
            .. weights
                .OrderByDescending(p => p.Value)
                .ThenBy(p => space.Term(p.Key), StringComparer.Ordinal)
                .Select(p => space.Term(p.Key))
                .Where(t => !hasFullDate || !t.StartsWith("#d--", StringComparison.Ordinal))
                .Take(3)
                .Select(t => Display(t, all)),
        ];
    }

    /// <summary>How much a group's most important difference matters to a reviewer: 0 (a conflicting number, date or time) to 4 (wording only).</summary>
    private static int Importance(AlignedGroup group) =>
        group.Differences.Count == 0 ? 4 : group.Differences.Min(d => DifferenceKinds.Importance(d.Kind));

    /// <summary>A topic term as a reader knows it: the words it came from ("$600 million", not its normalised value).</summary>
    private static string Display(string term, List<AnalyzedStatement> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.Surface(term) is { } surface)
            {
                return surface;
            }
        }

        return term.StartsWith('#') ? term[2..] : term;
    }
}
