namespace Compare.Core.Alignment;

/// <summary>
/// How likely a statement of another source is the counterpart of an unmatched statement (the same fact told
/// too differently to align): a logistic model of their similarity, the term weight they share and how far apart
/// they stand in their documents (as shares of the documents' lengths), fitted on the build set of real news
/// article pairs (<c>bench -- counterparts --fit</c>; docs/news-evaluation.md). Reports show the most likely
/// candidate when it reaches <see cref="Likely"/>, and then the runner-up too when it reaches <see cref="Alternative"/>.
/// </summary>
internal static class CounterpartModel
{
    /// <summary>How many likely counterparts an unmatched statement is shown with, at most.</summary>
    public const int Shown = 2;

    /// <summary>
    /// The confidence the most likely candidate needs to be shown: the lowest at which those shown on the build set
    /// are still right half the time (docs/news-evaluation.md).
    /// </summary>
    public const double Likely = 0.32;

    /// <summary>The confidence a second candidate needs to be shown beside a likely one.</summary>
    public const double Alternative = 0.2;

    private const double Bias = -9.068;
    private const double SimilarityWeight = 5.151;
    private const double SharedWeight = 1.848;
    private const double PlaceGapWeight = -1.594;

    /// <summary>The probability, 0 to 1, that the candidate is a counterpart.</summary>
    public static double Confidence(double similarity, double shared, double placeGap) =>
        1 / (1 + Math.Exp(-(Bias + (SimilarityWeight * similarity) + (SharedWeight * Math.Log(1 + shared)) + (PlaceGapWeight * placeGap))));
}
