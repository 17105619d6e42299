using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

/// <summary>
/// How far a label can be trusted: each sort of label (attribution stated as fact, different speakers or stance;
/// a hedge; modality on both sides or on one; a phrase in quotation marks or a remark quoted; naming; a
/// number, date or time conflict) is right as often as it was on the build set of real article pairs
/// (<c>Lexicons/label-confidence.tsv</c>, from <c>bench -- news --set build</c>), smoothed towards the
/// build set's precision over all sorts with the weight of two labels, so that a sort seen a few times is not
/// taken at its word.
/// </summary>
internal static class LabelConfidence
{
    /// <summary>How many labels' weight the overall precision has in a sort's confidence.</summary>
    private const double PriorWeight = 2;

    /// <summary>The build set's precision over all sorts of label.</summary>
    private static readonly double Prior =
        (double)Lexicon.LabelCounts.Values.Sum(c => c.Right) / Math.Max(1, Lexicon.LabelCounts.Values.Sum(c => c.Flagged));

    /// <summary>The sort of a label, as <c>label-confidence.tsv</c> names it; null for wording, additions and omissions.</summary>
    public static string? Sort(Difference difference) => difference.Kind switch
    {
        DifferenceKind.Attribution => difference.Attribution switch
        {
            AttributionChange.Speaker => "attribution/speaker",
            AttributionChange.Stance => "attribution/stance",
            _ => "attribution/stated-as-fact",
        },
        DifferenceKind.Modality => difference.Facts is ModalityDetail { First.Count: 0 } or ModalityDetail { Second.Count: 0 }
            ? "modality/one-side"
            : "modality/both-sides",
        DifferenceKind.Quotation => difference.Quotation == QuotationChange.Remark ? "quotation/remark" : "quotation/phrase",
        DifferenceKind.Wording or DifferenceKind.Addition or DifferenceKind.Omission => null,
        _ => DifferenceKinds.Name(difference.Kind),
    };

    /// <summary>The confidence of a label of this sort, 0 to 1, rounded to two decimals.</summary>
    public static double Of(string sort)
    {
        var (right, flagged) = Lexicon.LabelCounts.GetValueOrDefault(sort);
        return Math.Round((right + (PriorWeight * Prior)) / (flagged + PriorWeight), 2);
    }

    /// <summary>The label with its confidence; wording, additions and omissions as they are.</summary>
    public static Difference Rated(Difference difference) =>
        Sort(difference) is { } sort ? difference with { Confidence = Of(sort) } : difference;

    /// <summary>
    /// A group with only the labels of at least <paramref name="minimum"/> confidence among its differences (and
    /// its comparisons'); the others in <see cref="AlignedGroup.Uncertain"/>.
    /// </summary>
    public static AlignedGroup Shown(AlignedGroup group, double minimum)
    {
        bool Confident(Difference d) => d.Confidence is not { } confidence || confidence >= minimum;
        if (group.Differences.All(Confident))
        {
            return group;
        }

        return group with
        {
            Differences = [.. group.Differences.Where(Confident)],
            Comparisons = [.. group.Comparisons.Select(c => c with { Differences = [.. c.Differences.Where(Confident)] })],
            Uncertain = [.. group.Differences.Where(d => !Confident(d))],
        };
    }
}
