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

    private readonly bool _isPersonalPronoun = IsHeOrShe(Speaker);

    /// <summary>What the words of who speaks tell, read once from them (again when a referent is set).</summary>
    private readonly Who _who = new(Speaker);

    /// <summary>The speaker as written, or empty for an impersonal frame.</summary>
    public string Speaker
    {
        get => _speaker;
        init
        {
            _speaker = value;
            _isPersonalPronoun = IsHeOrShe(value);
            _who = new Who(_referent.Length > 0 ? _referent : value);
        }
    }

    /// <summary>Who a pronoun speaker ("he said") is: the last speaker named before it in its source, or empty.</summary>
    public string Referent
    {
        get => _referent;
        init
        {
            _referent = value;
            _who = new Who(value.Length > 0 ? value : Speaker);
        }
    }

    /// <summary>Whether the speaker is inferred from where the frame stands (the subject before "…, telling residents"), not written with it: never told apart from another speaker.</summary>
    public bool Inferred { get; init; }

    /// <summary>
    /// Where the words that modify the speaker stand in the statement ("people with knowledge of the case"), or
    /// (0, 0): they describe who speaks, so what they share with the other side is shared besides the report.
    /// </summary>
    public (int Start, int End) Modifier { get; init; }

    /// <summary>
    /// Whether the frame opens a clause subordinate to what its statement states ("The two met on Sunday as a
    /// senator suggested that …"): what it reports stands beside the statement's own claim.
    /// </summary>
    public bool Subordinate { get; init; }

    /// <summary>Who speaks: the referent of a resolved pronoun, else the speaker as written.</summary>
    public string Person => Referent.Length > 0 ? Referent : Speaker;

    /// <summary>The speaker as compared across sources: its last word (the referent's for a pronoun), lower-cased; empty when impersonal; "*" for a pronoun nobody was named before.</summary>
    public string SpeakerKey => _who.Key;

    /// <summary>The frame as a difference tells of it.</summary>
    public ReportingFrame Reported => new(Text, Speaker, Referent, Verb, Stance);

    /// <summary>Whether the speaker is named: a capitalised word that is no title ("Hutchinson", not "the governor").</summary>
    public bool IsNamed => _who.Named;

    /// <summary>The words of who speaks (<see cref="Person"/>) as a name is compared.</summary>
    public NameWords PersonName => _who.Words;

    /// <summary>
    /// The surnames in who speaks: the last word of each run of two capitalised name words or more ("Chuck
    /// Schumer"), titles left out, and a named speaker's head word ("Beck"); not a word of an organisation's
    /// name ("Treasury officials").
    /// </summary>
    public IReadOnlyList<string> Surnames => _who.Surnames;

    /// <summary>
    /// Whether who speaks is a document, which speaks for whoever wrote it ("court documents", "the terms
    /// of the bill", "a press release"), not someone a document belongs to ("the bill's proponents").
    /// </summary>
    public bool IsDocument => _who.IsDocument;

    /// <summary>Whether the speaker is "he" or "she", which <see cref="Referent"/> can resolve.</summary>
    public bool IsPersonalPronoun => _isPersonalPronoun;

    private static bool IsHeOrShe(string speaker) =>
        speaker.AsSpan().Trim().Equals("he", StringComparison.OrdinalIgnoreCase) || speaker.AsSpan().Trim().Equals("she", StringComparison.OrdinalIgnoreCase);

    private static readonly System.Collections.Frozen.FrozenSet<string> Pronouns = Lexicon.Grammar("pronoun");

    /// <summary>
    /// What the words of who speaks tell, read from their tokens once: the key (the last word, lower-cased,
    /// without "'s"; "*" for a pronoun; empty when impersonal), whether it is named (a capitalised word that
    /// is no function word, title or pronoun), its words as a name, and whether it is a document. Two are
    /// equal when they are read from the same words, so a frame's equality stays that of its fields.
    /// </summary>
    private sealed class Who : IEquatable<Who>
    {
        private readonly string _person;

        private readonly List<Token> _tokens;
        private NameWords? _words;
        private List<string>? _surnames;
        private int _isDocument; // 0 not read yet, 1 no, 2 yes (an int: written whole by any thread that reads it).

        public Who(string person)
        {
            _person = person;
            _tokens = person.Length == 0 ? [] : Tokenizer.Tokenize(person);

            // Who it is: the words before what modifies them ("people with knowledge of the case" are people).
            var modified = Enumerable.Range(1, Math.Max(0, _tokens.Count - 1)).FirstOrDefault(k => FramingAnalyzer.StartsPostModifier(_tokens, person, k));
            var noun = modified > 0 ? _tokens[..modified] : _tokens;
            Named = noun.Exists(t => IsNameWord(person, t));
            var head = noun.LastOrDefault(t => t.Kind == TokenKind.Word).Norm ?? string.Empty;
            Key = Pronouns.Contains(head) ? "*" : head.EndsWith("'s", StringComparison.Ordinal) ? head[..^2] : head;
        }

        public string Key { get; }

        public bool Named { get; }

        // Read when a comparison first asks (most frames are never compared).
        public NameWords Words => _words ??= NameWords.Of(_tokens);

        public bool IsDocument
        {
            get
            {
                if (_isDocument == 0)
                {
                    _isDocument = _tokens.Where((t, i) => Lexicon.DocumentStems.Contains(Stemmer.Stem(t.Norm))
                                                          && !t.Norm.EndsWith("'s", StringComparison.Ordinal) && !t.Norm.EndsWith("’s", StringComparison.Ordinal)
                                                          && !(i + 1 < _tokens.Count && _tokens[i + 1].Norm is "'s" or "’s" or "'" or "’")).Any() ? 2 : 1;
                }

                return _isDocument == 2;
            }
        }

        public IReadOnlyList<string> Surnames => _surnames ??= SurnamesIn(_person, _tokens, Named);

        private static List<string> SurnamesIn(string person, List<Token> tokens, bool named)
        {
            var surnames = new List<string>();
            var run = 0;
            string? last = null;
            foreach (var token in tokens.Append(default))
            {
                var name = token.Norm is not null && IsNameWord(person, token);
                if (!name && run >= 2)
                {
                    surnames.Add(last!);
                }

                (run, last) = name ? (run + 1, token.Norm) : (0, null);
            }

            if (named && tokens.LastOrDefault(t => t.Kind == TokenKind.Word) is { Norm: { } head } headToken && char.IsUpper(person[headToken.Start]))
            {
                surnames.Add(head);
            }

            return surnames;
        }

        /// <summary>A word of a name: capitalised, and no function word, title or pronoun.</summary>
        private static bool IsNameWord(string person, Token token) =>
            token.Kind == TokenKind.Word && char.IsUpper(person[token.Start]) && !StopWords.Contains(token.Norm) && !Lexicon.IsTitle(token.Norm) && !Pronouns.Contains(token.Norm);

        public bool Equals(Who? other) => other is not null && other._person == _person;

        public override bool Equals(object? obj) => Equals(obj as Who);

        public override int GetHashCode() => _person.GetHashCode(StringComparison.Ordinal);
    }
}

/// <summary>Words of a statement that carry a cue: a hedge, a modal, a quotation or a name.</summary>
/// <param name="Text">The words as written.</param>
/// <param name="Key">What is compared across sources (the lexicon entry, the quoted words folded, the entity).</param>
/// <param name="Start">Offset in the statement.</param>
/// <param name="End">Offset just past it.</param>
internal sealed record Cue(string Text, string Key, int Start, int End)
{
    private NameWords? _nameWords;
    private IReadOnlyList<string>? _contentWords;

    /// <summary>For a name: whether it was found by its head word (its key is the head word) rather than in the alias table (its key is the table's label).</summary>
    public bool ByHeadWord { get; init; }

    /// <summary>For a name: its words as written (<see cref="Text"/>), read once when first asked.</summary>
    public NameWords NameWords => _nameWords ??= NameWords.Of(Text);

    /// <summary>For a quote: the content words of its folded words (<see cref="Key"/>; "anti-terrorist operation" is anti-terrorist, operation), each once, read once when first asked.</summary>
    public IReadOnlyList<string> ContentWords => _contentWords ??=
        [.. Tokenizer.Tokenize(Key).Where(t => t.Kind == TokenKind.Word && !StopWords.Contains(t.Norm)).Select(t => t.Norm).Distinct(StringComparer.Ordinal)];

    /// <summary>Cues are equal by what they are and where they stand; the words read from them take no part.</summary>
    public bool Equals(Cue? other) =>
        other is not null && Text == other.Text && Key == other.Key && Start == other.Start && End == other.End && ByHeadWord == other.ByHeadWord;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Text, Key, Start, End, ByHeadWord);
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
    IReadOnlyList<Cue> Names)
{
    /// <summary>No cue at all: a statement's framing until it is read.</summary>
    public static Framing None { get; } = new([], [], [], [], []);
}
