using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Diffing;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Core;

/// <summary>
/// The comparison's stages, in order, each a step of its own that a benchmark can time: read the sources,
/// split them into statements, analyse each statement, weigh their terms, match them into groups (pairs for
/// two sources, claims for more), build each group (its word diffs and differences), then order the groups
/// and look up the likely counterparts of each statement left unmatched. <see cref="Comparison.Compare"/>
/// runs them all; each stage also takes its inputs as arguments, for a benchmark to time it alone.
/// </summary>
internal sealed class Pipeline(IReadOnlyList<SourceInput> sources, CompareOptions options)
{
    private ParsedDocument[]? _documents;
    private IReadOnlyList<Statement>[]? _segmented;
    private List<AnalyzedStatement[]>? _statements;
    private TermSpace? _space;
    private List<TermVector[]>? _vectors;
    private List<Matched>? _matched;
    private (AlignedGroup Group, double Substance)[]? _built;

    /// <summary>The sources read: title, text blocks and boilerplate set aside (each source on its own core).</summary>
    public ParsedDocument[] Read() => _documents ??= Parallelism.Map(sources, (s, i) => DocumentParser.Parse(s, i), minimumItems: 2);

    /// <summary>Each source's statements (each source on its own core).</summary>
    public IReadOnlyList<Statement>[] Segment() => _segmented ??= Parallelism.Map(Read(), (d, i) => Segmenter.Segment(d, i), minimumItems: 2);

    /// <summary>Each statement's tokens, terms, values and framing cues (on all cores).</summary>
    public List<AnalyzedStatement[]> Analyze() => _statements ??= [.. Segment().Select(s => Parallelism.Map(s, StatementAnalyzer.Analyze))];

    /// <summary>The term space of all sources and each statement's weighted terms.</summary>
    public (TermSpace Space, List<TermVector[]> Vectors) Weigh()
    {
        if (_vectors is null)
        {
            var statements = Analyze();
            _space = new TermSpace(statements.SelectMany(s => s));
            _vectors = [.. statements.Select(s => Parallelism.Map(s, _space.Vectorize))];
        }

        return (_space!, _vectors);
    }

    /// <summary>
    /// The statements of each group: for two sources the alignment's pairs, with its score; for more, the
    /// claims (<see cref="Comparison.Claims"/>), scored when built.
    /// </summary>
    public List<Matched> Match() => _matched ??= Match(Analyze(), Weigh().Vectors, options.Threshold);

    /// <inheritdoc cref="Match()"/>
    public static List<Matched> Match(List<AnalyzedStatement[]> statements, List<TermVector[]> vectors, double threshold)
    {
        if (statements.Count > 2)
        {
            return [.. Comparison.Claims(statements, vectors, threshold).Select(claim => new Matched(claim, null))];
        }

        var (left, right) = (statements[0], statements[1]);
        return
        [
            .. Aligner.Align(vectors[0], vectors[1], threshold, new Comparison.SameWords(left, right))
                .Select(a => new Matched([.. a.Left.Order().Select(i => left[i]), .. a.Right.Order().Select(i => right[i])], a.Score)),
        ];
    }

    /// <summary>The aligned groups, each with its word diffs and labelled differences, and how much its statements share.</summary>
    public (AlignedGroup Group, double Substance)[] Build()
    {
        var (space, vectors) = Weigh();
        return _built ??= Build(Match(), Analyze(), vectors, space);
    }

    /// <inheritdoc cref="Build()"/>
    public static (AlignedGroup Group, double Substance)[] Build(List<Matched> matched, List<AnalyzedStatement[]> statements, List<TermVector[]> vectors, TermSpace space)
    {
        // Who "he said" is, and whether the statement before reports someone's words: read from a whole source
        // only when an aligned statement needs it.
        var contexts = statements.Select(s => new Lazy<SpeakerContext[]>(() => Coreference.Contexts(s))).ToList();
        SpeakerContext Context(AnalyzedStatement s) => contexts[s.Statement.Source].Value[s.Statement.Index];
        return Parallelism.Map(matched, m => Comparison.BuildClaim(m.Statements, vectors, space, Context, m.Score));
    }

    /// <summary>Each unmatched statement's likely counterparts in the other sources (<see cref="Comparison.NearMatches"/>).</summary>
    public List<NearMatch> Closest(List<Statement> unmatched) => Comparison.NearMatches(unmatched, Analyze(), Weigh().Vectors, options.Threshold);

    /// <summary>All the stages: the comparison's result.</summary>
    public ComparisonResult Run()
    {
        var documents = Read();
        var statements = Analyze();

        // The groups whose differences matter most come first (conflicting values, then attribution, hedges
        // and modality, then quotation and naming), each rank by how much the statements share.
        // Labels of a sort too often wrong on real articles are kept apart (options.MinConfidence).
        (AlignedGroup Group, double Substance, int Importance) Shown((AlignedGroup Group, double Substance) built)
        {
            var shown = LabelConfidence.Shown(built.Group, options.MinConfidence);
            return (shown, built.Substance, Comparison.Importance(shown));
        }

        var groups = Parallelism.Map(Build(), Shown)
            .OrderBy(g => g.Importance)
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
            NearMatches = Closest(unmatched),
        };
    }
}

/// <summary>The statements of one group, before it is built, and the alignment's score when the alignment gave it one.</summary>
internal sealed record Matched(List<AnalyzedStatement> Statements, double? Score);
