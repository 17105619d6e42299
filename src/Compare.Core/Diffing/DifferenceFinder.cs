using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

/// <summary>
/// Says what kind each difference in an aligned group is: attribution, hedge, modality, quotation,
/// naming, conflicting numbers, dates and times, and what is left of the word diff — additions,
/// omissions and rewordings. Words a labelled difference explains are not reported again as wording.
/// Source 0 is called A and source 1 B in the plain-words details.
/// </summary>
internal static partial class DifferenceFinder
{
    /// <summary>
    /// The detectors, in the order they run: each explains the words it labels, so what a later one sees
    /// is what the earlier ones left; wording comes last and reports only what no other kind explains.
    /// </summary>
    private static readonly IDifferenceDetector[] Detectors =
    [
        new AttributionDetector(), new HedgeDetector(), new ModalityDetector(), new QuotationDetector(),
        new NamingDetector(), new ValueDetector(), new WordingDetector(),
    ];

    /// <param name="runs">The word diff of the group.</param>
    /// <param name="left">A's statements.</param>
    /// <param name="right">B's statements.</param>
    /// <param name="context">What each statement's source said before it (<see cref="Coreference"/>): who "he said" is, and whether the statement before it reports someone's words; none when null.</param>
    /// <param name="sources">Which sources the two sides are, for the labels and the differences' sources (A and B when null).</param>
    public static (List<Difference> Differences, List<SameValue> SameValues) Find(
        IReadOnlyList<DiffRun> runs,
        IReadOnlyList<AnalyzedStatement> left,
        IReadOnlyList<AnalyzedStatement> right,
        Func<AnalyzedStatement, SpeakerContext>? context = null,
        (int Left, int Right)? sources = null) =>
        Find(runs, Side.Of(left, context), Side.Of(right, context), sources);

    /// <summary>One side's statements with their framing (speakers resolved): prepared once for a side compared with several others.</summary>
    public static Side Prepare(IReadOnlyList<AnalyzedStatement> statements, Func<AnalyzedStatement, SpeakerContext>? context) =>
        Side.Of(statements, context);

    public static (List<Difference> Differences, List<SameValue> SameValues) Find(
        IReadOnlyList<DiffRun> runs, Side left, Side right, (int Left, int Right)? sources = null)
    {
        var (a, b) = sources ?? (0, 1);
        var group = new Group([left, right], runs) { Sources = [a, b] };
        foreach (var detector in Detectors)
        {
            detector.Detect(group);
        }

        var differences = group.Differences.ConvertAll(LabelConfidence.Rated);
        if ((a, b) == (0, 1))
        {
            return (differences, group.SameValues);
        }

        // The sides' differences as the sources' (three or more sources are compared pair by pair).
        int Of(int side) => side == 0 ? a : b;
        return ([.. differences.Select(d => d with { Source = Of(d.Source), OtherSource = d.OtherSource is { } o ? Of(o) : null, StatedAsFactBy = d.StatedAsFactBy is { } f ? Of(f) : null })], group.SameValues);
    }
}

/// <summary>One kind of difference: finds it in an aligned pair and adds it to the pair's differences.</summary>
internal interface IDifferenceDetector
{
    /// <summary>Adds the differences of this kind the pair holds, explaining the words they cover.</summary>
    void Detect(DifferenceFinder.Group group);
}
