namespace Compare.Core;

/// <summary>The two sources a difference compares: the first (the group's first or central source) and the second.</summary>
/// <param name="First">The first source's index.</param>
/// <param name="Second">The second source's index.</param>
public readonly record struct SourcePair(int First, int Second);

/// <summary>What a difference found, by kind, as data: reports phrase it (<see cref="Difference.Detail"/>).</summary>
public abstract record DifferenceDetail;

/// <summary>
/// Words the two sources write differently — a rewording, an addition, an omission, or a value in conflict
/// (number, date, time): the first source's words and the second's, null on a side without them.
/// </summary>
/// <param name="First">The first source's words, or null.</param>
/// <param name="Second">The second source's words, or null.</param>
public sealed record WordsDetail(string? First, string? Second) : DifferenceDetail;

/// <summary>One thing named differently: each source's names for it, and how they were found to name one thing.</summary>
/// <param name="First">The first source's names.</param>
/// <param name="Second">The second source's names.</param>
/// <param name="Basis">How the names were found to name one thing.</param>
/// <param name="Entity">For <see cref="NamingBasis.Entity"/>: the entity both name.</param>
public sealed record NamingDetail(IReadOnlyList<string> First, IReadOnlyList<string> Second, NamingBasis Basis, string? Entity = null) : DifferenceDetail;

/// <summary>How two names were found to name one thing.</summary>
public enum NamingBasis
{
    /// <summary>The naming table lists both for one entity.</summary>
    Entity,

    /// <summary>They end in the same head word.</summary>
    HeadWord,

    /// <summary>One word each, spelled alike ("Norwalk" / "Norfolk").</summary>
    Spelling,
}

/// <summary>Modal words one source has that the other lacks or words otherwise ("must" / "were supposed to").</summary>
/// <param name="First">The first source's modal words (empty when it has none).</param>
/// <param name="Second">The second source's modal words.</param>
/// <param name="Strength">When both sides have one: how strong the first side's first modal is, then the second's.</param>
public sealed record ModalityDetail(IReadOnlyList<string> First, IReadOnlyList<string> Second, (ModalStrength First, ModalStrength Second)? Strength) : DifferenceDetail;

/// <summary>How strongly a modal binds: "must" is strong, "may" weak.</summary>
public enum ModalStrength
{
    /// <summary>may, might, could, plans to.</summary>
    Weak,

    /// <summary>must, will, shall.</summary>
    Strong,
}

/// <summary>Hedge words one source has and the other lacks (the source is <see cref="Difference.Source"/>).</summary>
/// <param name="Cues">The hedges, each as written.</param>
public sealed record HedgeDetail(IReadOnlyList<string> Cues) : DifferenceDetail;

/// <summary>
/// Who is said to have said it, as a difference between sources: one states as fact what the other
/// attributes (<see cref="Other"/> is null), or both attribute it, to different speakers or with a different stance.
/// </summary>
/// <param name="Change">What differs.</param>
/// <param name="Frame">The frame of <see cref="Difference.Source"/>'s statement.</param>
/// <param name="Other">For a different speaker or stance: the other source's frame.</param>
public sealed record AttributionDetail(AttributionChange Change, ReportingFrame Frame, ReportingFrame? Other) : DifferenceDetail;

/// <summary>The words that attribute a statement: "Azerbaijan claimed that", "he said".</summary>
/// <param name="Text">The frame's words.</param>
/// <param name="Speaker">The speaker as written; empty when impersonal ("It was claimed").</param>
/// <param name="Referent">Who a pronoun speaker is, named earlier in its source; empty otherwise.</param>
/// <param name="Verb">The reporting verb as written.</param>
/// <param name="Stance">How the verb frames what it reports.</param>
public sealed record ReportingFrame(string Text, string Speaker, string Referent, string Verb, Stance Stance);

/// <summary>How a reporting verb frames what it reports.</summary>
public enum Stance
{
    /// <summary>said, stated, told, announced, added.</summary>
    Neutral,

    /// <summary>claimed, alleged, asserted, insisted, argued, portrayed.</summary>
    Distancing,

    /// <summary>confirmed, acknowledged, revealed.</summary>
    Confirming,

    /// <summary>denied, rejected.</summary>
    Denying,
}

/// <summary>Words <see cref="Difference.Source"/> puts in quotation marks that the other source writes without them.</summary>
/// <param name="Quote">The quoted words.</param>
/// <param name="Unquoted">The quote's content words the other source writes.</param>
public sealed record QuotedPhraseDetail(string Quote, IReadOnlyList<string> Unquoted) : DifferenceDetail;

/// <summary>A remark <see cref="Difference.Source"/> quotes directly that the other source retells in its own words.</summary>
/// <param name="Quote">The quotation.</param>
/// <param name="Speaker">The frame of the quotation, whose speaker said it.</param>
/// <param name="Retelling">The other source's frame that retells it.</param>
public sealed record RemarkDetail(string Quote, ReportingFrame Speaker, ReportingFrame Retelling) : DifferenceDetail;

/// <summary>How two notations of one value agree.</summary>
public enum SameValueBasis
{
    /// <summary>The same value in another notation ("1:00 p.m." / "13:00").</summary>
    Same,

    /// <summary>The same figure, with a qualifier on one side only ("more than $250,000" / "$250,000").</summary>
    QualifiedOnOneSide,

    /// <summary>Values whose ranges overlap ("about 100" / "98"; "months" / "90 days").</summary>
    Compatible,

    /// <summary>One duration in two units ("90 days" / "three months").</summary>
    SameDuration,
}
