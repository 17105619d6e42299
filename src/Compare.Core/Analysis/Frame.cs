namespace Compare.Core.Analysis;

/// <summary>Who a statement says is speaking: "Azerbaijan claimed that", "It was claimed that", "according to the ministry".</summary>
/// <param name="Speaker">The speaker as written, or empty for an impersonal frame ("It was claimed", "reportedly").</param>
/// <param name="Verb">The reporting verb as written ("claiming", "according to").</param>
/// <param name="Lemma">The verb's lemma ("claim").</param>
/// <param name="Stance">How the verb frames what it reports.</param>
/// <param name="Text">The frame's words ("with Azerbaijan claiming that" is "Azerbaijan claiming that").</param>
/// <param name="Start">Offset of the frame in the statement.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="ScopeStart">Offset of what the frame reports: the words after "said that", the quote before "…," he said.</param>
/// <param name="ScopeEnd">Offset just past what it reports.</param>
internal sealed record Frame(string Speaker, string Verb, string Lemma, Stance Stance, string Text, int Start, int End, int ScopeStart, int ScopeEnd)
{
    private readonly string _speaker = Speaker;

    private readonly string _referent = string.Empty;

    /// <summary>The speaker's key and whether it is named, read once from the speaker's words (again when a referent is set).</summary>
    private readonly (string Key, bool Named) _who = Who(Speaker);

    /// <summary>The speaker as written, or empty for an impersonal frame.</summary>
    public string Speaker
    {
        get => _speaker;
        init
        {
            _speaker = value;
            _who = Who(_referent.Length > 0 ? _referent : value);
        }
    }

    /// <summary>Who a pronoun speaker ("he said") is: the last speaker named before it in its source, or empty.</summary>
    public string Referent
    {
        get => _referent;
        init
        {
            _referent = value;
            _who = Who(value.Length > 0 ? value : Speaker);
        }
    }

    /// <summary>Whether the speaker is inferred from where the frame stands (the subject before "…, telling residents"), not written with it: never told apart from another speaker.</summary>
    public bool Inferred { get; init; }

    /// <summary>Who speaks: the referent of a resolved pronoun, else the speaker as written.</summary>
    public string Person => Referent.Length > 0 ? Referent : Speaker;

    /// <summary>The speaker as compared across sources: its last word (the referent's for a pronoun), lower-cased; empty when impersonal; "*" for a pronoun nobody was named before.</summary>
    public string SpeakerKey => _who.Key;

    /// <summary>The frame as a difference tells of it.</summary>
    public ReportingFrame Reported => new(Text, Speaker, Referent, Verb, Stance);

    /// <summary>Whether the speaker is named: a capitalised word that is no title ("Hutchinson", not "the governor").</summary>
    public bool IsNamed => _who.Named;

    /// <summary>Whether the speaker is "he" or "she", which <see cref="Referent"/> can resolve.</summary>
    public bool IsPersonalPronoun => Speaker.Trim().ToLowerInvariant() is "he" or "she";

    private static bool IsPronoun(string norm) => Pronouns.Contains(norm);

    private static readonly System.Collections.Frozen.FrozenSet<string> Pronouns = Lexicon.Grammar("pronoun");

    /// <summary>
    /// From the words of who speaks: the key (its last word, lower-cased, without "'s"; "*" for a pronoun;
    /// empty when impersonal) and whether it is named (a capitalised word that is no function word, title or pronoun).
    /// </summary>
    private static (string Key, bool Named) Who(string person)
    {
        if (person.Length == 0)
        {
            return (string.Empty, false);
        }

        var tokens = Tokenizer.Tokenize(person);
        var named = tokens.Any(t => t.Kind == TokenKind.Word && char.IsUpper(person[t.Start]) && !StopWords.Contains(t.Norm) && !Lexicon.IsTitle(t.Norm) && !IsPronoun(t.Norm));
        var head = tokens.LastOrDefault(t => t.Kind == TokenKind.Word).Norm ?? string.Empty;
        return (IsPronoun(head) ? "*" : head.EndsWith("'s", StringComparison.Ordinal) ? head[..^2] : head, named);
    }
}

/// <summary>Words of a statement that carry a cue: a hedge, a modal, a quotation or a name.</summary>
/// <param name="Text">The words as written.</param>
/// <param name="Key">What is compared across sources (the lexicon entry, the quoted words folded, the entity).</param>
/// <param name="Start">Offset in the statement.</param>
/// <param name="End">Offset just past it.</param>
internal sealed record Cue(string Text, string Key, int Start, int End)
{
    /// <summary>For a name: whether it was found by its head word (its key is the head word) rather than in the alias table (its key is the table's label).</summary>
    public bool ByHeadWord { get; init; }
}

/// <summary>Which words of its statement a frame reports.</summary>
internal enum Scope
{
    /// <summary>The words after it: "Azerbaijan claimed that …", "According to the ministry, …".</summary>
    After,

    /// <summary>The words before it: "“…,” he said.", "…, court documents said."</summary>
    Before,

    /// <summary>The whole statement: "The plan, according to officials, …", "… reportedly …".</summary>
    Around,
}

/// <summary>The framing cues of one statement.</summary>
internal sealed record Framing(
    IReadOnlyList<Frame> Frames,
    IReadOnlyList<Cue> Hedges,
    IReadOnlyList<Cue> Modals,
    IReadOnlyList<Cue> Quotes,
    IReadOnlyList<Cue> Names);
