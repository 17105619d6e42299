namespace Compare.Core;

/// <summary>The format a document is read as.</summary>
public enum SourceFormat
{
    /// <summary>Decide from the file extension: <c>.md</c> and <c>.markdown</c> are Markdown, anything else plain text.</summary>
    Auto,

    /// <summary>Plain text: paragraphs separated by blank lines.</summary>
    PlainText,

    /// <summary>Markdown, parsed with Markdig into text blocks.</summary>
    Markdown,
}

/// <summary>A document to compare: where it came from and its decoded text.</summary>
/// <param name="Path">The path shown in reports (as given on the command line).</param>
/// <param name="Text">The document text.</param>
/// <param name="Format">How to read the text.</param>
public sealed record SourceInput(string Path, string Text, SourceFormat Format = SourceFormat.Auto)
{
    /// <summary>What reading the document noticed without refusing it (invalid UTF-8 decoded with replacement characters).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One source of a comparison, as summarised in a report.</summary>
/// <param name="Index">The 0-based position of the source among the inputs.</param>
/// <param name="Path">The path as given.</param>
/// <param name="Title">The first line or heading of the document.</param>
/// <param name="Statements">How many statements the document was segmented into.</param>
public sealed record SourceSummary(int Index, string Path, string Title, int Statements);

/// <summary>A statement (sentence) of a source.</summary>
/// <param name="Source">The 0-based source position.</param>
/// <param name="Index">The 0-based statement position within the source.</param>
/// <param name="Text">The statement text.</param>
/// <param name="Line">The 1-based line of its first character.</param>
/// <param name="Column">The 1-based column (in text elements) of its first character.</param>
public sealed record Statement(int Source, int Index, string Text, int Line, int Column)
{
    /// <summary>Whether it begins inside a quotation an earlier statement of its paragraph opened and did not close.</summary>
    internal bool StartsInQuote { get; init; }

    /// <summary>Whether it is (part of) its document's headline, a unit of its own that never joins a neighbour's group.</summary>
    internal bool InHeadline { get; init; }

    /// <summary>Which paragraph (text block) of its document it is in, 0-based.</summary>
    internal int Paragraph { get; init; }
}

/// <summary>A line of page boilerplate that was set aside and not aligned.</summary>
/// <param name="Source">The 0-based source position.</param>
/// <param name="Text">The line.</param>
/// <param name="Line">Its 1-based line number.</param>
/// <param name="Reason">What kind of boilerplate it was recognised as.</param>
public sealed record BoilerplateLine(int Source, string Text, int Line, string Reason);

/// <summary>The closed set of difference kinds (see the JSON contract).</summary>
public enum DifferenceKind
{
    /// <summary>Words differ.</summary>
    Wording,

    /// <summary>Content only a later source has.</summary>
    Addition,

    /// <summary>Content only the first source has.</summary>
    Omission,

    /// <summary>One source asserts what another attributes, or speakers or stance differ.</summary>
    Attribution,

    /// <summary>A hedge cue was added or removed.</summary>
    Hedge,

    /// <summary>The modality changed.</summary>
    Modality,

    /// <summary>Quoted or scare-quoted text differs.</summary>
    Quotation,

    /// <summary>The same entity is named differently.</summary>
    Naming,

    /// <summary>Numbers conflict.</summary>
    Number,

    /// <summary>Dates conflict.</summary>
    Date,

    /// <summary>Times conflict.</summary>
    Time,
}

/// <summary>A labelled difference inside an aligned group.</summary>
/// <param name="Kind">What kind of difference it is.</param>
/// <param name="Source">The source whose words <paramref name="Text"/> are.</param>
/// <param name="Text">The words from that source.</param>
/// <param name="Facts">What was found, as data of the kind's own (reports phrase it: <see cref="Detail"/>).</param>
/// <param name="OtherSource">For a change, the other source; otherwise null.</param>
/// <param name="OtherText">For a change, the other source's words; otherwise null.</param>
public sealed record Difference(
    DifferenceKind Kind,
    int Source,
    string Text,
    DifferenceDetail Facts,
    int? OtherSource = null,
    string? OtherText = null)
{
    /// <summary>The two sources compared (the group's first or central source, then the other).</summary>
    public SourcePair Between { get; init; } = new(0, 1);

    /// <summary>A plain-words explanation, as every report gives it ("A states it as fact; B attributes it …").</summary>
    public string Detail => Reports.Phrasing.Detail(this);

    /// <summary>For an attribution: what differs — one source states as fact what this one attributes, or the speaker, or the stance.</summary>
    public AttributionChange Attribution { get; init; }

    /// <summary>For <see cref="AttributionChange.StatedAsFact"/>: the source that states it as fact.</summary>
    public int? StatedAsFactBy { get; init; }

    /// <summary>The separate words <see cref="Text"/> holds, each a cue of its own (the hedges "presumed" and "alleged").</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>The words of the statements this difference tells of, as character spans (none for wording, additions and omissions).</summary>
    public IReadOnlyList<TextSpan> Spans { get; init; } = [];

    /// <summary>For a quotation: whether one side puts a phrase in quotation marks or quotes a remark the other retells.</summary>
    public QuotationChange Quotation { get; init; }

    /// <summary>
    /// For a label (every kind but wording, addition and omission): how often a label of its sort was right on
    /// real articles, 0 to 1 (docs/news-evaluation.md); reports show the labels of at least
    /// <see cref="CompareOptions.MinConfidence"/>. Null for wording, additions and omissions.
    /// </summary>
    public double? Confidence { get; init; }
}

/// <summary>Characters of a statement.</summary>
/// <param name="Source">The statement's source.</param>
/// <param name="Index">The statement's index in its source.</param>
/// <param name="Start">The offset of the first character in the statement text.</param>
/// <param name="Length">How many characters.</param>
public readonly record struct TextSpan(int Source, int Index, int Start, int Length);

/// <summary>What a quotation difference is.</summary>
public enum QuotationChange
{
    /// <summary>Not a quotation difference.</summary>
    None,

    /// <summary>One side puts words in quotation marks that the other writes without them.</summary>
    Phrase,

    /// <summary>One side quotes a remark directly that the other retells in its own words.</summary>
    Remark,
}

/// <summary>What an attribution difference is.</summary>
public enum AttributionChange
{
    /// <summary>Not an attribution difference.</summary>
    None,

    /// <summary>One source states as fact what the other attributes.</summary>
    StatedAsFact,

    /// <summary>Both attribute it, to different speakers.</summary>
    Speaker,

    /// <summary>Both attribute it to one speaker, with a different stance ("said" / "claimed").</summary>
    Stance,
}

/// <summary>What a piece of a word diff is.</summary>
public enum DiffOperation
{
    /// <summary>Both sides have it.</summary>
    Equal,

    /// <summary>Only the first side has it.</summary>
    Deleted,

    /// <summary>Only the second side has it.</summary>
    Inserted,
}

/// <summary>A run of text in a word diff, with the whitespace that follows it.</summary>
/// <param name="Operation">Whether it is shared, deleted or inserted.</param>
/// <param name="Text">The text.</param>
public sealed record DiffSegment(DiffOperation Operation, string Text);

/// <summary>A value both sides give, written differently ("1:00 p.m." and "13:00"), or in ranges that agree ("about 100" and "around 100").</summary>
/// <param name="Kind">Number, date or time.</param>
/// <param name="Texts">How each side writes it: source 0's words, then source 1's.</param>
/// <param name="Basis">How the two notations agree.</param>
public sealed record SameValue(DifferenceKind Kind, IReadOnlyList<string> Texts, SameValueBasis Basis)
{
    /// <summary>A plain-words note ("1:00 p.m. = 13:00, same").</summary>
    public string Detail => Reports.Phrasing.Detail(this);
}

/// <summary>Statements of different sources that say the same thing, with their differences.</summary>
/// <param name="Statements">The statements, ordered by source then index.</param>
/// <param name="Score">The similarity of the group, 0 to 1.</param>
/// <param name="Topic">Key terms shared by the statements.</param>
/// <param name="Diff">The word diff of the first comparison: the central (for two sources, the first) source's statements to the next source's.</param>
/// <param name="Differences">The labelled differences.</param>
/// <param name="SameValues">Values both sides give in another notation: reported as the same, never as a conflict.</param>
public sealed record AlignedGroup(
    IReadOnlyList<Statement> Statements,
    double Score,
    IReadOnlyList<string> Topic,
    IReadOnlyList<DiffSegment> Diff,
    IReadOnlyList<Difference> Differences,
    IReadOnlyList<SameValue> SameValues)
{
    /// <summary>
    /// The group's central source compared with each other source in it, in source order: of two sources,
    /// the one comparison of the first with the second; of more, the source sharing the most with the
    /// others compared with each of them. <see cref="Diff"/> is the first comparison's;
    /// <see cref="Differences"/> and <see cref="SameValues"/> hold them all. Reports show a comparison of
    /// two sources as a pair and one of more as claims (JSON writes <c>comparisons</c> for more than two).
    /// </summary>
    public IReadOnlyList<GroupComparison> Comparisons { get; init; } = [];

    /// <summary>
    /// Labels found with less than <see cref="CompareOptions.MinConfidence"/>: not in <see cref="Differences"/>
    /// (nor in a comparison's), not shown in reports; in JSON under <c>uncertain</c>.
    /// </summary>
    public IReadOnlyList<Difference> Uncertain { get; init; } = [];

    /// <summary>The heading reports show: the statements' shared subject in their words (see the topic for the key terms alone).</summary>
    internal string Heading { get; init; } = string.Empty;

    /// <summary>The words of each statement that the word diff does not share with the other side, as character ranges (for the HTML report).</summary>
    internal IReadOnlyList<ChangedSpan> Changes { get; init; } = [];
}

/// <summary>One source of a group compared with another (three or more sources are compared pair by pair).</summary>
/// <param name="Source">The group's central source, whose statements the diff starts from.</param>
/// <param name="OtherSource">The source compared with it.</param>
/// <param name="Diff">The word diff from the central source's statements to the other's.</param>
/// <param name="Differences">The labelled differences between the two.</param>
/// <param name="SameValues">Values the two give in another notation.</param>
public sealed record GroupComparison(
    int Source,
    int OtherSource,
    IReadOnlyList<DiffSegment> Diff,
    IReadOnlyList<Difference> Differences,
    IReadOnlyList<SameValue> SameValues);

/// <summary>Characters of a statement that only its side of a group has.</summary>
/// <param name="Source">The statement's source.</param>
/// <param name="Index">The statement's index in its source.</param>
/// <param name="Start">The offset of the first character in the statement text.</param>
/// <param name="Length">How many characters.</param>
internal readonly record struct ChangedSpan(int Source, int Index, int Start, int Length);

/// <summary>The outcome of a comparison.</summary>
/// <param name="Sources">The sources in input order.</param>
/// <param name="Alignments">The aligned groups, most substantial first.</param>
/// <param name="Unmatched">Statements without a counterpart, by source then index.</param>
/// <param name="Boilerplate">Boilerplate lines set aside, by source then line.</param>
public sealed record ComparisonResult(
    IReadOnlyList<SourceSummary> Sources,
    IReadOnlyList<AlignedGroup> Alignments,
    IReadOnlyList<Statement> Unmatched,
    IReadOnlyList<BoilerplateLine> Boilerplate)
{
    /// <summary>What reading and parsing the sources noticed without refusing them (for standard error, not the report).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The unmatched statements that have a likely counterpart in another source, each with its likely
    /// counterparts (at most two, most likely first), by source then index: they may not be only in their
    /// source. An unmatched statement not listed here has no likely counterpart in the other sources.
    /// </summary>
    public IReadOnlyList<NearMatch> NearMatches { get; init; } = [];
}

/// <summary>
/// An unmatched statement and a statement of another source that is likely its counterpart: too little alike
/// to be aligned, or less than another statement that was aligned with it.
/// </summary>
/// <param name="Statement">The unmatched statement.</param>
/// <param name="Closest">The likely counterpart in another source (it may be aligned with others).</param>
/// <param name="Score">Their similarity, 0 to 1.</param>
public sealed record NearMatch(Statement Statement, Statement Closest, double Score)
{
    /// <summary>How likely the two tell the same (0 to 1, two decimals): right about that often on real news articles.</summary>
    public double Confidence { get; init; }
}

/// <summary>How a comparison is run.</summary>
public sealed record CompareOptions
{
    /// <summary>The default options.</summary>
    public static CompareOptions Default { get; } = new();

    /// <summary>The similarity (0 to 1) below which statements stay unmatched.</summary>
    public double Threshold { get; init; } = 0.33;

    /// <summary>
    /// The confidence (0 to 1) a label needs to be shown: labels of a sort that was right less often on real
    /// articles are kept apart (<see cref="AlignedGroup.Uncertain"/>). 0 shows every label.
    /// </summary>
    public double MinConfidence { get; init; } = 0.8;

    /// <summary>The largest document accepted, in bytes (1 to <see cref="MaxDocumentBytesLimit"/>).</summary>
    public long MaxDocumentBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The largest <see cref="MaxDocumentBytes"/> there can be: a document is read whole into memory, as one string.</summary>
    public const long MaxDocumentBytesLimit = 1L << 30;
}

/// <summary>An error the user can cause with their input (missing, binary or oversized file, bad option value).</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InputException()
    {
    }
}

/// <summary>Difference kinds by the names the JSON contract and the command line use.</summary>
public static class DifferenceKinds
{
    /// <summary>The name of a kind ("number").</summary>
    public static string Name(DifferenceKind kind) => (int)kind >= 0 && (int)kind < Names.Length ? Names[(int)kind] : kind.ToString().ToLowerInvariant();

    /// <summary>The kinds' names, made once (reports ask for them for every difference).</summary>
    private static readonly string[] Names = [.. Enum.GetValues<DifferenceKind>().Select(k => k.ToString().ToLowerInvariant())];

    /// <summary>How much a kind matters to a reviewer: 0 (a conflicting number, date or time) to 4 (wording, additions, omissions).</summary>
    public static int Importance(DifferenceKind kind) => kind switch
    {
        DifferenceKind.Number or DifferenceKind.Date or DifferenceKind.Time => 0,
        DifferenceKind.Attribution => 1,
        DifferenceKind.Hedge or DifferenceKind.Modality => 2,
        DifferenceKind.Quotation or DifferenceKind.Naming => 3,
        _ => 4,
    };

    /// <summary>Whether a kind is a conflicting value (number, date or time).</summary>
    internal static bool IsConflict(DifferenceKind kind) => Importance(kind) == 0;

    /// <summary>Parses a comma-separated list of kind names ("number,date"); empty or "none" is no kind.</summary>
    /// <exception cref="InputException">A name is not a difference kind.</exception>
    public static IReadOnlySet<DifferenceKind> Parse(string? list)
    {
        var kinds = new HashSet<DifferenceKind>();
        foreach (var name in (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var kind = Enum.GetValues<DifferenceKind>().FirstOrDefault(k => Name(k).Equals(name, StringComparison.OrdinalIgnoreCase), (DifferenceKind)(-1));
            if (kind == (DifferenceKind)(-1))
            {
                throw new InputException($"unknown difference kind '{name}': use {string.Join(", ", Enum.GetValues<DifferenceKind>().Select(Name))}");
            }

            kinds.Add(kind);
        }

        return kinds;
    }
}
