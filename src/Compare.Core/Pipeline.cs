using Compare.Core.Alignment;
using Compare.Core.Analysis;
using Compare.Core.Diffing;
using Compare.Core.Reading;
using Compare.Core.Segmentation;

namespace Compare.Core;

/// <summary>
/// The comparison's stages, in order, each a step of its own that a benchmark can time: read the sources,
/// split them into statements, analyse each statement, weigh their terms, align them and build the groups
/// (pairs for two sources, claims for more), then order the groups and look up the closest statement of
/// each one left unmatched. <see cref="Comparison.Compare"/> runs them all.
/// </summary>
internal sealed class Pipeline(IReadOnlyList<SourceInput> sources, CompareOptions options)
{
    private ParsedDocument[]? _documents;
    private IReadOnlyList<Statement>[]? _segmented;
    private List<AnalyzedStatement[]>? _statements;
    private TermSpace? _space;
    private List<TermVector[]>? _vectors;
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

    /// <summary>The aligned groups, each with its word diff and labelled differences, and how much its statements share.</summary>
    public (AlignedGroup Group, double Substance)[] Align()
    {
        if (_built is not null)
        {
            return _built;
        }

        var statements = Analyze();
        var (space, vectors) = Weigh();

        // Who "he said" is, and whether the statement before reports someone's words: read from a whole source
        // only when an aligned statement needs it.
        var contexts = statements.Select(s => new Lazy<SpeakerContext[]>(() => Coreference.Contexts(s))).ToList();
        SpeakerContext Context(AnalyzedStatement s) => contexts[s.Statement.Source].Value[s.Statement.Index];
        _built = sources.Count == 2
            ? Parallelism.Map(
                Aligner.Align(vectors[0], vectors[1], options.Threshold, new Comparison.SameWords(statements[0], statements[1])),
                a => Comparison.BuildGroup(a, statements[0], statements[1], vectors[0], vectors[1], space, Context))
            : Parallelism.Map(Comparison.Claims(statements, vectors, options.Threshold), claim => Comparison.BuildClaim(claim, vectors, space, Context));
        return _built;
    }

    /// <summary>All the stages: the comparison's result.</summary>
    public ComparisonResult Run()
    {
        var documents = Read();
        var statements = Analyze();
        var (_, vectors) = Weigh();

        // The groups whose differences matter most come first (conflicting values, then attribution, hedges
        // and modality, then quotation and naming), each rank by how much the statements share.
        // Labels of a sort too often wrong on real articles are kept apart (options.MinConfidence).
        var groups = Align()
            .Select(g => (Group: LabelConfidence.Shown(g.Group, options.MinConfidence), g.Substance))
            .OrderBy(g => Comparison.Importance(g.Group))
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
            NearMatches = Comparison.NearMatches(unmatched, statements, vectors, options.Threshold),
        };
    }
}
