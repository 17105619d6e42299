using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Compare.Core.Tests.Fuzzing;

/// <summary>The ways two outlets write the same sentence differently, as edits the fuzzers apply to real sentences.</summary>
public enum Mutation
{
    /// <summary>Quotation marks around a few words, straight or curly, sometimes only the opening or closing one.</summary>
    AddQuote,

    /// <summary>One quotation mark taken out (a quote left unbalanced).</summary>
    RemoveQuote,

    /// <summary>A quote interrupted by its attribution: <c>," he said, "</c>.</summary>
    SplitQuote,

    /// <summary>Straight quotation marks made curly or the other way round.</summary>
    QuoteStyle,

    /// <summary>An ellipsis, with or without spaces, inside the text or in place of its end.</summary>
    Ellipsis,

    /// <summary>A number written in words, words as digits, or a hyphenated age or measure (<c>28-year-old</c>).</summary>
    Numbers,

    /// <summary>A qualifier added before a number or taken away (<c>more than</c>, <c>about</c>, <c>nearly</c>).</summary>
    Qualifier,

    /// <summary>Words in brackets or parentheses, sometimes unclosed.</summary>
    Brackets,

    /// <summary>A comma made a dash (em, en or double hyphen), or a dashed aside added.</summary>
    Dashes,

    /// <summary>An attribution clause moved to the front or the end, inverted, or added.</summary>
    Attribution,

    /// <summary>A sentence split at a comma into two, or two joined by a semicolon.</summary>
    SplitOrJoin,

    /// <summary>A word dropped, doubled, or swapped with its neighbour.</summary>
    Words,

    /// <summary>A time or date written another way (<c>1:00 p.m.</c> / <c>13:00</c>, <c>September 20</c> / <c>20 September</c>).</summary>
    Values,

    /// <summary>Headline case, odd spaces, a line break inside a sentence, a Markdown quote or bullet.</summary>
    Layout,

    /// <summary>The text cut at a word.</summary>
    Cut,

    /// <summary>
    /// Text from another script or keyboard: a combining mark, a right-to-left mark or word, a zero-width
    /// character, fullwidth digits, a look-alike letter (the Kelvin sign as a scale), a control character.
    /// </summary>
    Script,

    /// <summary>A number at the ends of the range: very large, very small, many digits, a scale on a huge number.</summary>
    Extremes,

    /// <summary>Text that is markup elsewhere: an HTML tag or comment, a mention, an issue reference, a link, a code fence.</summary>
    Markup,
}

/// <summary>Applies <see cref="Mutation"/>s to text; deterministic for a given <see cref="Random"/>.</summary>
internal static partial class OutletMutator
{
    private static readonly string[] Ones =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Qualifiers = ["more than ", "about ", "nearly ", "at least ", "up to ", "some ", "almost ", "over ", "fewer than "];

    private static readonly string[] Speakers = ["he said", "she added", "police said", "officials said", "said Ann Ward", "a spokesman told reporters", "according to the ministry", "Reuters reported"];

    private static readonly string[] Quotes = ["\"", "“", "”", "'", "‘", "’", "«", "»"];

    private static readonly string[] Ellipses = ["...", " ... ", "…", " … ", ". . .", "...\"", "…”"];

    private static readonly string[] DashForms = [" — ", "—", " – ", " -- ", "-", " - "];

    /// <summary>Combining marks (acute, diaeresis, cedilla, a Devanagari sign, an enclosing circle).</summary>
    private static readonly string[] Combining = ["\u0301", "\u0308", "\u0327", "\u093C", "\u20DD"];

    /// <summary>Characters and words of no width or the other direction: marks, joiners, a byte-order mark, Arabic and Hebrew words.</summary>
    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202E", "\u2066", "\u2069", "\u0627\u0644\u0633\u0644\u0627\u0645 ", "\u05E9\u05DC\u05D5\u05DD "];

    /// <summary>Control characters a terminal or a renderer acts on: bell, escape sequences, backspace, C1 controls.</summary>
    private static readonly string[] Controls = ["\u0007", "\u001B[2J", "\u001B]0;title\u0007", "\u0008", "\u0085", "\u009B31m", "\u0000", "\r"];

    /// <summary>Numbers at the ends of what a decimal or a double holds, and scales on them.</summary>
    private static readonly string[] ExtremeNumbers =
        ["79228162514264337593543950335", "79,228,162,514,264,337,593,543,950,336", "0.0000000000000000000000000001", "1e308", "999999999999999999999 billion",
         "$5\u212A", "$12\u212A", "0.000000000000000000000000000000000001%", "18446744073709551616", "-9223372036854775809", "1,000,000,000,000,000 trillion", "\uFF14\uFF10\uFF10"];

    /// <summary>What GitHub or a browser would render as something other than text.</summary>
    private static readonly string[] Markups =
        ["<img src=x onerror=alert(1)> ", "<b>bold</b> ", "</details> ", "<!-- ", "@octocat ", "#12 ", "GH-45 ", "[link](https://example.com) ", "\n```\n", "<script>alert(1)</script> ", "![x](https://example.com/x.png) ", "&lt; "];

    [GeneratedRegex(@"\b[0-9]{1,2}\b")]
    private static partial Regex SmallNumber();

    [GeneratedRegex(@"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(?:more than|about|nearly|at least|up to|almost|over|some|fewer than|approximately|roughly) (?=\$?[0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Qualified();

    [GeneratedRegex(@"\$?[0-9][0-9,.]*")]
    private static partial Regex AnyNumber();

    [GeneratedRegex(@",\s*(?:[\w.'-]+\s){0,4}(?:said|says|added|told \w+|reported)\.?$")]
    private static partial Regex TrailingAttribution();

    [GeneratedRegex(@"\b([0-9]{1,2}):([0-9]{2})\s?(a\.m\.|p\.m\.|am|pm)?", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December) ([0-9]{1,2})\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b([0-9]{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex DayMonth();

    /// <summary>Applies <paramref name="count"/> random mutations.</summary>
    public static string Mutate(string text, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            text = Apply((Mutation)random.Next(Enum.GetValues<Mutation>().Length), text, random);
        }

        return text;
    }

    /// <summary>Applies one mutation (the text unchanged where it has nothing the mutation can change).</summary>
    public static string Apply(Mutation mutation, string text, Random random)
    {
        var words = WordStarts(text);
        return mutation switch
        {
            Mutation.AddQuote => AddQuote(text, words, random),
            Mutation.RemoveQuote => RemoveAt(text, Positions(text, c => Quotes.Contains(c.ToString())), random),
            Mutation.SplitQuote => InsertAt(text, words, random, random.Next(2) == 0 ? ",\" he said, \"" : ",” said Ann Ward, “"),
            Mutation.QuoteStyle => random.Next(2) == 0
                ? CurlQuotes(text)
                : text.Replace('“', '"').Replace('”', '"').Replace('’', '\'').Replace('‘', '\''),
            Mutation.Ellipsis => random.Next(3) == 0 && words.Count > 2
                ? text[..words[random.Next(1, words.Count)]].TrimEnd() + Pick(Ellipses, random).TrimEnd()
                : InsertAt(text, words, random, Pick(Ellipses, random)),
            Mutation.Numbers => Numbers(text, words, random),
            Mutation.Qualifier => Qualified().Match(text) is { Success: true } q && random.Next(2) == 0
                ? text.Remove(q.Index, q.Length)
                : AnyNumber().Matches(text) is { Count: > 0 } numbers
                    ? text.Insert(numbers[random.Next(numbers.Count)].Index, Pick(Qualifiers, random))
                    : text,
            Mutation.Brackets => Brackets(text, words, random),
            Mutation.Dashes => Dashes(text, words, random),
            Mutation.Attribution => Attribution(text, random),
            Mutation.SplitOrJoin => SplitOrJoin(text, random),
            Mutation.Words => Words(text, words, random),
            Mutation.Values => Values(text, random),
            Mutation.Layout => Layout(text, words, random),
            Mutation.Cut => words.Count > 3 ? text[..words[random.Next(2, words.Count)]] : text,
            Mutation.Script => Script(text, words, random),
            Mutation.Extremes => Extremes(text, words, random),
            Mutation.Markup => InsertAt(text, words, random, Pick(Markups, random)),
            _ => text,
        };
    }

    /// <summary>Two versions of one text, as two outlets might write it.</summary>
    public static (string A, string B) Pair(string text, Random random) =>
        (Mutate(text, random, random.Next(0, 3)), Mutate(text, random, random.Next(1, 5)));

    private static List<int> WordStarts(string text)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                starts.Add(i);
            }
        }

        return starts;
    }

    private static List<int> Positions(string text, Func<char, bool> match) =>
        [.. Enumerable.Range(0, text.Length).Where(i => match(text[i]))];

    private static string Pick(string[] options, Random random) => options[random.Next(options.Length)];

    private static string RemoveAt(string text, List<int> positions, Random random) =>
        positions.Count == 0 ? text : text.Remove(positions[random.Next(positions.Count)], 1);

    private static string InsertAt(string text, List<int> words, Random random, string insert)
    {
        if (words.Count == 0)
        {
            return insert + text;
        }

        // Before a word (after the space before it) or glued to the end of the previous word.
        var at = words[random.Next(words.Count)];
        return random.Next(2) == 0 || at == 0 ? text.Insert(at, insert.TrimStart()) : text.Insert(at - 1, insert.TrimEnd());
    }

    private static string AddQuote(string text, List<int> words, Random random)
    {
        if (words.Count == 0)
        {
            return text;
        }

        var curly = random.Next(2) == 0;
        var (open, close) = curly ? ("“", "”") : ("\"", "\"");
        var from = random.Next(words.Count);
        var to = Math.Min(words.Count, from + random.Next(1, 8));
        var end = to < words.Count ? words[to] - 1 : text.Length;
        return random.Next(4) switch
        {
            0 => text.Insert(words[from], open), // opened, never closed
            1 => text.Insert(end, close), // closed, never opened
            _ => text.Insert(end, close).Insert(words[from], open),
        };
    }

    private static string CurlQuotes(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var opening = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—';
            builder.Append(text[i] switch
            {
                '"' => opening ? '“' : '”',
                '\'' => opening ? '‘' : '’',
                _ => text[i],
            });
        }

        return builder.ToString();
    }

    private static string Numbers(string text, List<int> words, Random random)
    {
        switch (random.Next(3))
        {
            case 0 when SmallNumber().Matches(text) is { Count: > 0 } digits:
            {
                var match = digits[random.Next(digits.Count)];
                return text.Remove(match.Index, match.Length).Insert(match.Index, Spell(int.Parse(match.Value, CultureInfo.InvariantCulture)));
            }

            case 1 when NumberWord().Matches(text) is { Count: > 0 } spelled:
            {
                var match = spelled[random.Next(spelled.Count)];
                return text.Remove(match.Index, match.Length).Insert(match.Index, random.Next(1, 99).ToString(CultureInfo.InvariantCulture));
            }

            default:
                var measure = Pick(["-year-old", "-year", "-day", "-mile", "-foot", "-point", "-member", "-page"], random);
                var number = random.Next(2) == 0 ? random.Next(2, 99).ToString(CultureInfo.InvariantCulture) : Spell(random.Next(2, 99));
                return InsertAt(text, words, random, $"{number}{measure} ");
        }
    }

    private static string Spell(int n) =>
        n < 20 ? Ones[n] : Tens[n / 10] + (n % 10 == 0 ? string.Empty : "-" + Ones[n % 10]);

    private static string Brackets(string text, List<int> words, Random random)
    {
        if (words.Count == 0)
        {
            return text;
        }

        var (open, close) = random.Next(2) == 0 ? ("(", ")") : ("[", "]");
        var from = random.Next(words.Count);
        var to = Math.Min(words.Count, from + random.Next(1, 6));
        var end = to < words.Count ? words[to] - 1 : text.Length;
        return random.Next(5) == 0 ? text.Insert(words[from], open) : text.Insert(end, close).Insert(words[from], open);
    }

    private static string Dashes(string text, List<int> words, Random random)
    {
        var commas = Positions(text, c => c == ',');
        if (commas.Count > 0 && random.Next(2) == 0)
        {
            var at = commas[random.Next(commas.Count)];
            var length = at + 1 < text.Length && text[at + 1] == ' ' ? 2 : 1;
            return text.Remove(at, length).Insert(at, Pick(DashForms, random));
        }

        var dash = Pick(DashForms, random);
        return InsertAt(text, words, random, $"{dash}{Pick(["as expected", "for now", "the second time", "28-year-old"], random)}{dash}");
    }

    private static string Attribution(string text, Random random)
    {
        var body = text.TrimEnd();
        if (TrailingAttribution().Match(body) is { Success: true } trailing)
        {
            // "…, police said." → "Police said …."
            var clause = body[(trailing.Index + 1)..].Trim().TrimEnd('.');
            var rest = Lower(body[..trailing.Index].Trim().Trim('"', '“', '”'));
            return char.ToUpperInvariant(clause[0]) + clause[1..] + (random.Next(2) == 0 ? " that " : ": ") + rest + ".";
        }

        var speaker = Pick(Speakers, random);
        return random.Next(3) switch
        {
            0 => body.TrimEnd('.', '!', '?') + ", " + speaker + ".",
            1 => "According to " + Pick(["police", "the ministry", "Ann Ward", "witnesses"], random) + ", " + Lower(body),
            _ => "\"" + body.TrimEnd('.') + ",\" " + speaker + ".",
        };
    }

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string SplitOrJoin(string text, Random random)
    {
        var ends = Positions(text, c => c == '.').Where(i => i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2])).ToList();
        if (ends.Count > 0 && random.Next(2) == 0)
        {
            var at = ends[random.Next(ends.Count)];
            return text[..at] + Pick(["; ", ", and ", " — "], random) + Lower(text[(at + 2)..]);
        }

        var commas = Positions(text, c => c == ',').Where(i => i + 2 < text.Length && text[i + 1] == ' ').ToList();
        if (commas.Count == 0)
        {
            return text;
        }

        var comma = commas[random.Next(commas.Count)];
        var next = text[(comma + 2)..];
        return text[..comma] + ". " + char.ToUpperInvariant(next[0]) + next[1..];
    }

    private static string Words(string text, List<int> words, Random random)
    {
        if (words.Count < 2)
        {
            return text;
        }

        var i = random.Next(words.Count - 1);
        var word = text[words[i]..words[i + 1]];
        return random.Next(3) switch
        {
            0 => text.Remove(words[i], word.Length),
            1 => text.Insert(words[i], word),
            _ => text[..words[i]] + text[words[i + 1]..(i + 2 < words.Count ? words[i + 2] : text.Length)].TrimEnd() + " " + word.TrimEnd()
                 + (i + 2 < words.Count ? " " + text[words[i + 2]..] : string.Empty),
        };
    }

    private static string Values(string text, Random random)
    {
        if (Time().Match(text) is { Success: true } time)
        {
            var hour = int.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture);
            var twentyFour = time.Groups[3].Success && time.Groups[3].Value.StartsWith('p') && hour < 12 ? hour + 12 : hour;
            var written = time.Groups[3].Success
                ? $"{twentyFour:00}:{time.Groups[2].Value}"
                : $"{(hour % 12 == 0 ? 12 : hour % 12)}:{time.Groups[2].Value} {(hour >= 12 ? "p.m." : "a.m.")}";
            return text.Remove(time.Index, time.Length).Insert(time.Index, written);
        }

        if (MonthDay().Match(text) is { Success: true } monthDay)
        {
            return text.Remove(monthDay.Index, monthDay.Length).Insert(monthDay.Index, $"{monthDay.Groups[2].Value} {monthDay.Groups[1].Value}");
        }

        if (DayMonth().Match(text) is { Success: true } dayMonth)
        {
            return text.Remove(dayMonth.Index, dayMonth.Length).Insert(dayMonth.Index, $"{dayMonth.Groups[2].Value} {dayMonth.Groups[1].Value}");
        }

        return AnyNumber().Match(text) is { Success: true } number
            ? text.Insert(number.Index + number.Length, Pick([" million", " percent", "%", " billion", "th", ",000", ".5"], random))
            : text;
    }

    private static string Layout(string text, List<int> words, Random random) => random.Next(6) switch
    {
        0 => text.ToUpperInvariant(),
        1 => InsertAt(text, words, random, "\n"),
        2 => text.Replace(" ", random.Next(2) == 0 ? "  " : "\u00A0", StringComparison.Ordinal),
        3 => "> " + text,
        4 => "- " + text,
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text),
    };

    private static string Script(string text, List<int> words, Random random)
    {
        switch (random.Next(5))
        {
            case 0 when words.Count > 0:
            {
                var at = words[random.Next(words.Count)] + 1;
                return at <= text.Length ? text.Insert(at, Pick(Combining, random)) : text;
            }

            case 1:
                return InsertAt(text, words, random, Pick(Invisible, random));
            case 2:
                // Fullwidth digits, as an East Asian keyboard writes them.
                return string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('\uFF10' + (c - '0')) : c));
            case 3 when AnyNumber().Match(text) is { Success: true } number:
                return text.Insert(number.Index + number.Length, Pick(["\u212A", "\u216F", "\u1D0D", "\u0392"], random));
            default:
                return InsertAt(text, words, random, Pick(Controls, random));
        }
    }

    private static string Extremes(string text, List<int> words, Random random)
    {
        var extreme = Pick(ExtremeNumbers, random);
        return AnyNumber().Match(text) is { Success: true } number && random.Next(2) == 0
            ? text.Remove(number.Index, number.Length).Insert(number.Index, extreme)
            : InsertAt(text, words, random, extreme + " ");
    }
}
