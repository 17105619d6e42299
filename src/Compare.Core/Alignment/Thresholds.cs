namespace Compare.Core.Alignment;

/// <summary>
/// Every similarity threshold the comparison uses, each derived from the one the user sets (<c>--threshold</c>,
/// <see cref="CompareOptions.Threshold"/>): moving that one moves them all together.
/// </summary>
/// <param name="Align">The user's threshold: the similarity a pair of statements needs to be aligned.</param>
internal sealed record Thresholds(double Align)
{
    /// <summary>Candidates worth scoring, and what a statement needs with a group member to join the group: half the threshold.</summary>
    public double Join => Align * 0.5;

    /// <summary>How far above the threshold a pair is accepted without the test against its runner-up.</summary>
    public double Margin => Align + 0.13;

    /// <summary>What a pair needs when statements next to both are aligned with each other.</summary>
    public double Supported => Align * 0.7;

    /// <summary>What a pair of statements that are each other's best candidate, at about the same point of their documents, needs.</summary>
    public double Mutual => Align * 0.8;

    /// <summary>
    /// What statements of two earlier sources need with each other when a later source links them into one
    /// claim: what a pair supported by aligned neighbours needs (the later source's statements support it as
    /// neighbours do).
    /// </summary>
    public double Link => Supported;

    /// <summary>What an unmatched statement needs with a statement of another source to be shown as resembling it.</summary>
    public double NearMatch => Align * 0.35;
}
