using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

using Group = DifferenceFinder.Group;

/// <summary>Finds naming: one place, person or body named two ways.</summary>
internal sealed class NamingDetector : IDifferenceDetector
{
    public void Detect(Group group) => Naming(group);

    private static void Naming(Group group)
    {
        var names = group.Items(f => f.Names);
        if (names[0].Length == 0 || names[1].Length == 0)
        {
            return; // A name on one side only: no form to compare, nor one spelled alike.
        }

        var named = new Lazy<HashSet<string>[]>(() => [.. names.Select(side => side.SelectMany(n => n.Item.NameWords.Words).ToHashSet(StringComparer.Ordinal))]);
        var shared = names[0].Select(n => Entity(n.Item)).Intersect(names[1].Select(n => Entity(n.Item)))
            .OrderBy(e => e.ByHeadWord).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        foreach (var entity in shared)
        {
            var variants = names.Select(side => side.Where(n => Entity(n.Item) == entity).ToList()).ToArray();
            var fromTable = !entity.ByHeadWord;

            // A form differs when no form on the other side is the same name (typography, case, titles and
            // honorifics aside, and a short form of the same name: "Trump" / "President Donald Trump") and,
            // for names found by head word, one form holds the other's words ("Asa Hutchinson" and "Seth
            // Hutchinson" are two people) with a possessive that ties it to someone the other side does not
            // name ("Azerbaijan's Constitution" against a side that names no Azerbaijan).
            var differing = Enumerable.Range(0, 2)
                .Select(s => variants[s]
                    .Where(v => !variants[1 - s].Any(w => SameName(v.Item, w.Item, fromTable))
                                && (fromTable || variants[1 - s].Any(w => NamedDifferently(v.Item, w.Item, named.Value[s], named.Value[1 - s]))))
                    .ToList())
                .ToArray();
            if (differing[0].Count == 0 && differing[1].Count == 0)
            {
                continue;
            }

            for (var s = 0; s < 2; s++)
            {
                foreach (var (statement, cue) in differing[s])
                {
                    group.Explain(s, statement, cue.Start, cue.End);
                }
            }

            var written = variants.Select(v => v.Select(n => n.Item.Text).Distinct(StringComparer.Ordinal).ToArray()).ToArray();
            var facts = fromTable ? new NamingDetail(written[0], written[1], NamingBasis.Entity, entity.Key) : new NamingDetail(written[0], written[1], NamingBasis.HeadWord);
            group.Add(new Difference(DifferenceKind.Naming, 1, string.Join(", ", written[1]), facts, 0, string.Join(", ", written[0])));
        }

        SpelledAlike(group, names);
    }

    /// <summary>
    /// A name on each side that the other side does not use, one word each and spelled alike ("Norwalk" /
    /// "Norfolk"): one place or person named two ways, or misnamed by one of the sources.
    /// </summary>
    private static void SpelledAlike(Group group, (int Statement, Cue Item)[][] names)
    {
        var keys = names.Select(side => side.Select(n => Entity(n.Item)).ToHashSet()).ToArray();

        // The names found by head word that each side has alone, head words of five letters or more (the cheap
        // tests first: most groups have none), then those of one word.
        var own = names.Select((side, s) => side.Where(n => n.Item.ByHeadWord && n.Item.Key.Length >= MinSpelledAlike && !keys[1 - s].Contains(Entity(n.Item))).ToList()).ToArray();
        if (own[0].Count == 0 || own[1].Count == 0)
        {
            return;
        }

        own = [.. own.Select(side => side.Where(n => n.Item.NameWords.Words.Count == 1).ToList())];
        foreach (var left in own[0])
        {
            var right = own[1].FirstOrDefault(r => SpelledAlike(Head(left.Item), Head(r.Item)));
            if (right.Item is null)
            {
                continue;
            }

            group.Explain(0, left.Statement, left.Item.Start, left.Item.End);
            group.Explain(1, right.Statement, right.Item.Start, right.Item.End);
            group.Add(new Difference(
                DifferenceKind.Naming, 1, right.Item.Text, new NamingDetail([left.Item.Text], [right.Item.Text], NamingBasis.Spelling), 0, left.Item.Text));
            own[1].Remove(right);
        }
    }

    /// <summary>A word's consonants in order, a doubled letter once ("moammar" → "mmr").</summary>
    private static string Consonants(string word)
    {
        var consonants = new System.Text.StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if ((i == 0 || word[i] != word[i - 1]) && "aeiouy".IndexOf(word[i], StringComparison.Ordinal) < 0)
            {
                consonants.Append(word[i]);
            }
        }

        return consonants.ToString();
    }

    /// <summary>The fewest letters of two names spelled alike.</summary>
    private const int MinSpelledAlike = 5;

    /// <summary>What a name stands for: an entity of the alias table (its label), or a name's head word.</summary>
    private static (bool ByHeadWord, string Key) Entity(Cue name) => (name.ByHeadWord, name.Key);

    private static string Head(Cue name) => name.Key;

    /// <summary>
    /// Whether two different words of five letters or more are spelled alike: the same first letter, neither
    /// the other with another ending ("Clinton" / "Clintons", "Sandi" / "Sandra": a short form of the same
    /// name), at most a third of the longer's letters changed.
    /// </summary>
    private static bool SpelledAlike(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < MinSpelledAlike || a[0] != b[0] || longer.StartsWith(shorter.AsSpan(0, shorter.Length - 1), StringComparison.Ordinal))
        {
            return false;
        }

        // Written with other vowels or a doubled letter only ("Moammar" / "Muammar"): one name transliterated
        // two ways, typography rather than naming.
        if (Consonants(a) == Consonants(b))
        {
            return false;
        }

        return EditDistance(a, b) * 3 <= Math.Max(a.Length, b.Length);
    }

    /// <summary>How many letters must be inserted, deleted or replaced to turn one word into the other (Levenshtein).</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Whether a form is the initials of another ("U.S." / "United States", "UN" / "United Nations"): the same name, shortened.</summary>
    private static bool IsInitialsOf(string initials, string name)
    {
        var letters = initials.Replace(".", string.Empty, StringComparison.Ordinal);
        if (letters.Length < 2 || !letters.All(char.IsUpper))
        {
            return false;
        }

        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]);
        return string.Concat(words) == letters;
    }

    /// <summary>
    /// Whether two forms name an entity the same way. Alias-table names are the same only when they are
    /// the same words; other names when one's words, titles and honorifics left out, are all in the other's
    /// and what the longer one adds ties it to no one else (no possessive).
    /// </summary>
    internal static bool SameName(Cue a, Cue b, bool fromTable)
    {
        var (left, right) = (a.NameWords, b.NameWords);
        if (fromTable)
        {
            return left.Words.SequenceEqual(right.Words, StringComparer.Ordinal) || IsInitialsOf(a.Text, b.Text) || IsInitialsOf(b.Text, a.Text);
        }

        var (shorter, longer) = left.Words.Count <= right.Words.Count ? (left, right) : (right, left);
        return shorter.Words.All(longer.Words.Contains) && !longer.Possessives.Except(shorter.Possessives, StringComparer.Ordinal).Any();
    }

    /// <summary>
    /// Whether two forms with one head word name one entity differently: one form's words are all in the
    /// other's, and the longer ties it to someone (a possessive) whom the shorter form's side does not name.
    /// </summary>
    private static bool NamedDifferently(Cue a, Cue b, IReadOnlySet<string> aNames, IReadOnlySet<string> bNames)
    {
        var (left, right) = (a.NameWords, b.NameWords);
        var (shorter, longer, shorterNames) = left.Words.Count <= right.Words.Count ? (left, right, aNames) : (right, left, bNames);
        return shorter.Words.All(longer.Words.Contains)
               && longer.Possessives.Except(shorter.Possessives, StringComparer.Ordinal).Any(p => !shorterNames.Contains(p));
    }
}
