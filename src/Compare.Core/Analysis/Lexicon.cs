using System.Collections.Frozen;
using System.Globalization;

namespace Compare.Core.Analysis;

/// <summary>The range a qualifier gives a number: "about 100", "more than 200", "at least 5".</summary>
internal enum Bound
{
    Exact,
    About,
    Over,
    AtLeast,
    Under,
    AtMost,
}

/// <summary>The word lists in <c>Lexicons/*.tsv</c> (embedded; each file states its provenance).</summary>
internal static class Lexicon
{
    /// <summary>The classes of <c>grammar-words.tsv</c>, each with its words (first, as lists below are made from it).</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> GrammarWords =
        Rows("grammar-words.tsv").GroupBy(r => r[1], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => r[0]).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The words of one class of <c>grammar-words.tsv</c> ("pronoun", "article", "speaker-stop", …).</summary>
    public static FrozenSet<string> Grammar(string wordClass) => GrammarWords[wordClass];

    /// <summary>Every form of a reporting verb ("claimed", "claiming") with its lemma and stance.</summary>
    public static FrozenDictionary<string, (string Lemma, Stance Stance)> ReportingVerbs { get; } = LoadReportingVerbs();

    /// <summary>Hedge cues, one or more words each.</summary>
    public static IReadOnlyList<string[]> Hedges { get; } = [.. Rows("hedges.tsv").Select(r => Words(r[0]))];

    /// <summary>Modal expressions ("BE" stands for a form of "to be"), longest first, with whether they are strong.</summary>
    public static IReadOnlyList<(string[] Words, bool Strong)> Modals { get; } =
        [.. Rows("modality.tsv").Select(r => (Words(r[0]), r[1] == "strong")).OrderByDescending(m => m.Item1.Length)];

    /// <summary>Whether a modal expression (its words joined by spaces, as a cue's key) is strong.</summary>
    public static FrozenDictionary<string, bool> ModalIsStrong { get; } =
        Modals.ToFrozenDictionary(m => string.Join(' ', m.Words), m => m.Strong, StringComparer.Ordinal);

    /// <summary>Number qualifiers, longest first.</summary>
    public static IReadOnlyList<(string[] Words, Bound Bound)> Approximators { get; } =
        [.. Rows("approximators.tsv").Select(r => (Words(r[0]), ParseBound(r[1]))).OrderByDescending(a => a.Item1.Length)];

    /// <summary>Entities with the names sources call them by: (label, names as token sequences).</summary>
    public static IReadOnlyList<(string Label, string[][] Names)> Aliases { get; } =
        [.. Rows("aliases.tsv").Select(r => (r[0], r.Skip(1).Select(n => Tokenizer.Tokenize(n).Select(t => AliasKey(n, t)).ToArray()).ToArray()))];

    /// <summary>Titles, offices and honorifics before names (folded), which do not make a name another name.</summary>
    private static readonly FrozenSet<string> Titles = Rows("titles.tsv").Select(r => r[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The days of the week, folded.</summary>
    public static readonly FrozenSet<string> Weekdays = Grammar("weekday");

    /// <summary>Days and months, folded: capitalised, but no name ("BuzzFeed's Thursday report").</summary>
    public static readonly FrozenSet<string> CalendarWords =
        Weekdays.Concat(Grammar("month")).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a folded word is a title, office or honorific ("president", "sen", "justice").</summary>
    public static bool IsTitle(string word) => Titles.Contains(word);

    private static readonly FrozenSet<string> PageLabels = Rows("page-labels.tsv").Select(r => r[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a word is one a news page labels text with before a colon ("Updated:", "Watch:"), not a speaker.</summary>
    public static bool IsPageLabel(string word) => PageLabels.Contains(word);

    /// <summary>Nouns of report, singular and plural ("claim", "allegations"): what follows them is someone's word.</summary>
    public static readonly FrozenSet<string> ReportNouns =
        Rows("report-nouns.tsv").SelectMany(r => (string[])[r[0], r[0] + "s"]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Per sort of label (<c>label-confidence.tsv</c>): how many were right of how many were flagged on real articles.</summary>
    public static readonly FrozenDictionary<string, (int Right, int Flagged)> LabelCounts =
        Rows("label-confidence.tsv").ToFrozenDictionary(
            r => r[0], r => (int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    /// <summary>The words of a one-column list in <c>Lexicons/</c> (its first column), in file order.</summary>
    public static FrozenSet<string> List(string file, StringComparer? comparer = null) =>
        Rows(file).Select(r => r[0]).ToFrozenSet(comparer ?? StringComparer.Ordinal);

    /// <summary>The rows of a two-column list in <c>Lexicons/</c>: word and value.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(string file) => Rows(file).Select(r => KeyValuePair.Create(r[0], r[1]));

    /// <summary>The stems of words for documents ("report", "documents", "filing"): a document speaks for whoever wrote it.</summary>
    public static readonly FrozenSet<string> DocumentStems = List("document-nouns.tsv").Select(Stemmer.Stem).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Negative words ("no", "not", "never", "n't"), case aside.</summary>
    public static readonly FrozenSet<string> Negations = List("negations.tsv", StringComparer.OrdinalIgnoreCase);

    /// <summary>The forms of "to be".</summary>
    public static readonly FrozenSet<string> BeForms = Grammar("be");

    /// <summary>An alias word as matched: acronyms ("US", "UN") keep their case, so "us" is not the United States.</summary>
    private static string AliasKey(string name, Token token)
    {
        var text = name[token.Start..token.End];
        return text.Length <= 4 && text.Any(char.IsLetter) && text.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? "=" + text : token.Norm;
    }

    /// <summary>The form of a token that alias names are matched against (see <see cref="AliasKey"/>).</summary>
    public static bool MatchesAlias(string aliasWord, string text, Token token) =>
        aliasWord[0] == '=' ? text.AsSpan(token.Start, token.End - token.Start).SequenceEqual(aliasWord.AsSpan(1)) : aliasWord == token.Norm;

    private static string[] Words(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Bound ParseBound(string text) => text switch
    {
        "about" => Bound.About,
        "over" => Bound.Over,
        "at-least" => Bound.AtLeast,
        "under" => Bound.Under,
        "at-most" => Bound.AtMost,
        _ => throw new InvalidDataException($"unknown bound '{text}' in approximators.tsv"),
    };

    private static FrozenDictionary<string, (string, Stance)> LoadReportingVerbs()
    {
        var forms = new Dictionary<string, (string, Stance)>(StringComparer.Ordinal);
        foreach (var row in Rows("reporting-verbs.tsv"))
        {
            var lemma = row[0];
            var stance = Enum.Parse<Stance>(row[1], ignoreCase: true);
            var stem = lemma.EndsWith('e') ? lemma[..^1] : lemma;
            var plural = lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) ? lemma + "es" : lemma + "s";
            IEnumerable<string> all = [lemma, plural, stem + "ed", stem + "ing", .. row.Length > 2 ? Words(row[2]) : []];
            if (lemma.EndsWith('y') && !lemma.EndsWith("ay", StringComparison.Ordinal))
            {
                all = all.Concat([lemma[..^1] + "ied", lemma[..^1] + "ies"]);
            }

            foreach (var form in all)
            {
                forms.TryAdd(form, (lemma, stance));
            }
        }

        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Finds terms among the stems of common English words (<c>word-ranks.txt</c>, most common first)
    /// and gives each its rank there: 1 for the most common. Terms not on the list keep 0. One pass over
    /// the list, looking each stem up among the terms: no table of the whole list is built.
    /// </summary>
    /// <returns>How many stems the list has.</returns>
    public static int RankWords(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> terms, Span<int> ranks)
    {
        var rank = 0;
        foreach (var line in WordRankList.Value.AsSpan().EnumerateLines())
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rank++;
            if (terms.TryGetValue(line, out var id) && ranks[id] == 0)
            {
                ranks[id] = rank;
            }
        }

        return rank;
    }

    private static readonly Lazy<string> WordRankList = new(() => Text("word-ranks.txt"));

    /// <summary>The rows of an embedded lexicon, without blank lines and <c>#</c> comments.</summary>
    private static IEnumerable<string[]> Rows(string file)
    {
        foreach (var line in Text(file).Split('\n'))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.TrimEnd('\r').Split('\t');
            }
        }
    }

    private static string Text(string file)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("Compare.Core.Lexicons." + file)
            ?? throw new InvalidOperationException($"lexicon {file} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
