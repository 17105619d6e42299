namespace Compare.Core.Reports;

/// <summary>
/// How every report words a difference and a value written alike: the one place that turns what the
/// detectors found (<see cref="DifferenceDetail"/>) into sentences, for Markdown, text, HTML and JSON alike.
/// </summary>
internal static class Phrasing
{
    public static string Detail(Difference difference)
    {
        var (first, second) = (Report.Label(difference.Between.First), Report.Label(difference.Between.Second));
        var self = Report.Label(difference.Source);
        var other = difference.Source == difference.Between.First ? second : first;
        return difference.Facts switch
        {
            WordsDetail words => difference.Kind switch
            {
                DifferenceKind.Omission => $"only in {first}: {words.First}",
                DifferenceKind.Addition => $"only in {second}: {words.Second}",
                DifferenceKind.Wording => $"{first}: {words.First}; {second}: {words.Second}",
                _ => $"{first}: {words.First}; {second}: {words.Second} — conflict",
            },
            NamingDetail naming => $"{first}: {Join(naming.First)}; {second}: {Join(naming.Second)} ({Basis(naming)})",
            ModalityDetail modality =>
                $"{first}: {Modals(modality.First)}; {second}: {Modals(modality.Second)}"
                + (modality.Strength is var (a, b) ? $" ({Word(a)} → {Word(b)})" : string.Empty),
            HedgeDetail hedge => difference.Source == difference.Between.Second
                ? $"added in {second}: {Join(hedge.Cues)}"
                : $"only in {first} (removed in {second}): {Join(hedge.Cues)}",
            AttributionDetail { Other: null } fact =>
                $"{other} states it as fact; {self} attributes it {Whom(fact.Frame)}: “{fact.Frame.Text}” ({Verb(fact.Frame)})",
            AttributionDetail both =>
                $"{(both.Change == AttributionChange.Stance ? "different stance" : "different speakers")} — {other}: {Quoted(both.Other)} ({Verb(both.Other)}); {self}: {Quoted(both.Frame)} ({Verb(both.Frame)})",
            RemarkDetail remark => $"{self} quotes {Who(remark.Speaker)} directly: {remark.Quote}; {other} tells it in its own words: {Quoted(remark.Retelling)}",
            QuotedPhraseDetail phrase => $"{self} puts {phrase.Quote} in quotation marks; {other} writes {Join(phrase.Unquoted)} without them",
            _ => throw new ArgumentException($"no phrasing for {difference.Facts.GetType().Name}", nameof(difference)),
        };
    }

    public static string Detail(SameValue value) => value.Basis switch
    {
        SameValueBasis.Same => $"{value.Texts[0]} = {value.Texts[1]}, same",
        SameValueBasis.QualifiedOnOneSide => $"{value.Texts[0]} = {value.Texts[1]}, same figure, qualified on one side",
        SameValueBasis.SameDuration => $"{value.Texts[0]} ~ {value.Texts[1]}, the same duration",
        _ => $"{value.Texts[0]} ~ {value.Texts[1]}, compatible",
    };

    private static string Join(IReadOnlyList<string> words) => string.Join(", ", words);

    private static string Modals(IReadOnlyList<string> modals) => modals.Count == 0 ? Diffing.ModalityDetector.Absent : Join(modals);

    private static string Word(ModalStrength strength) => strength == ModalStrength.Strong ? "strong" : "weak";

    private static string Basis(NamingDetail naming) => naming.Basis switch
    {
        NamingBasis.Entity => $"both name {naming.Entity}",
        NamingBasis.HeadWord => "the same head word",
        _ => "spelled alike",
    };

    /// <summary>To whom a frame attributes: "to he (Ruben Vardanyan)", or "without naming a source" for an impersonal frame.</summary>
    private static string Whom(ReportingFrame frame) => frame.Speaker.Length == 0 ? "without naming a source" : "to " + Who(frame);

    /// <summary>The speaker as a reader is told it: "he (Ruben Vardanyan)" for a resolved pronoun.</summary>
    private static string Who(ReportingFrame frame) => frame.Referent.Length > 0 ? $"{frame.Speaker} ({frame.Referent})" : frame.Speaker;

    /// <summary>The frame's words as a reader is told them: "“he said” (Ruben Vardanyan)" for a resolved pronoun.</summary>
    private static string Quoted(ReportingFrame? frame) =>
        frame is null ? string.Empty : frame.Referent.Length > 0 ? $"“{frame.Text}” ({frame.Referent})" : $"“{frame.Text}”";

    private static string Verb(ReportingFrame? frame) => frame is null ? string.Empty : $"{frame.Verb}: {frame.Stance.ToString().ToLowerInvariant()}";
}
