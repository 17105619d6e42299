using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Compare.Core.Analysis;

internal enum ValueKind
{
    Number,
    Percent,
    Date,
    Time,
    Money,

    /// <summary>"on Tuesday", "yesterday", "this year": relative to a date the document does not give, so never a conflict.</summary>
    RelativeDate,
}

/// <summary>A number, percentage, date or time found in a statement, with its value in one notation.</summary>
/// <param name="Kind">What kind of value it is.</param>
/// <param name="Key">The normalised value: "13:00", "2023-09-20", "--09-21" (no year), "4.5".</param>
/// <param name="Start">Offset of the mention in the statement text.</param>
/// <param name="End">Offset just past it.</param>
internal readonly record struct ValueMention(ValueKind Kind, string Key, int Start, int End)
{
    /// <summary>The range a qualifier before a number gives it ("about", "more than").</summary>
    public Bound Bound { get; init; }

    /// <summary>Where the mention starts with its qualifier ("more than 200").</summary>
    public int QualifiedStart { get; init; }

    /// <summary>The index term that stands for the value.</summary>
    public string Term => IndexTerm.Of(Kind, Key);

    /// <summary>For a full date ("2023-09-20"), the index term of the same day without a year ("--09-20"); else null.</summary>
    public string? DayTerm => IndexTerm.DayOf(Kind, Key);

    /// <summary>The figure of a number, percentage or sum of money (a sum's key is its currency, a colon and the amount); else null.</summary>
    public decimal? Amount =>
        Kind is ValueKind.Number or ValueKind.Percent or ValueKind.Money
        && decimal.TryParse(Kind == ValueKind.Money ? Key[(Key.IndexOf(':', StringComparison.Ordinal) + 1)..] : Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}

/// <summary>Finds values in text and writes each in one notation, so "1:00 p.m." and "13:00" are the same value.</summary>
internal static partial class ValueExtractor
{
    private const string Month =
        @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string NumberWord =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    private static readonly SearchValues<string> MonthNames = SearchValues.Create(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Meridiems = SearchValues.Create(["am", "pm", "a.m", "p.m", "a m", "p m"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> NoonWords = SearchValues.Create(["noon", "midday", "midnight"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> RelativeWords = SearchValues.Create(
        ["day", "yesterday", "tomorrow", "tonight", "week", "month", "year"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Currencies = SearchValues.Create(["$", "€", "£", "dollar", "euro", "pound", "usd", "eur", "gbp"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PercentSigns = SearchValues.Create(["%", "percent", "per cent", "pct"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> NumberWordStarts = SearchValues.Create([.. NumberWord.Split('|'), "dozen", "hundred", "thousand", "million", "billion"], StringComparison.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> NumberWords = NumberWord.Split('|')
        .Select((w, i) => (w, v: i < 20 ? i + 1 : (i - 17) * 10))
        .ToDictionary(p => p.w, p => p.v, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozen"] = 12m, ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m, ["bn"] = 1_000_000_000m, ["mn"] = 1_000_000m,
        ["k"] = 1_000m, ["m"] = 1_000_000m, ["b"] = 1_000_000_000m, ["tn"] = 1_000_000_000_000m,
    };

    [GeneratedRegex(@"\b(?<year>[0-9]{4})-(?<m>[0-9]{2})-(?<day>[0-9]{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<day>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"(?:,?\s+(?<year>[0-9]{4})\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthDate();

    [GeneratedRegex(@"\b" + Month + @"\s+(?<day>[0-9]{1,2})(?:st|nd|rd|th)?\b(?![:.][0-9])(?:,?\s+(?<year>[0-9]{4})\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayDate();

    [GeneratedRegex(@"\b" + Month + @",?\s+(?<year>(?:1[89]|2[01])[0-9]{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?<h>[0-9]{1,2})(?:[:.](?<min>[0-5][0-9]))?\s*(?<ap>[ap])\.?\s?m\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Time12();

    [GeneratedRegex(@"(?<![0-9.,:])(?<h>[01]?[0-9]|2[0-3])[:h](?<min>[0-5][0-9])(?![0-9:])|\b(?<word>noon|midday|midnight)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Time24();

    private const string Amount = @"(?<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?:\s*(?<scale>hundred|thousand|million|billion|trillion|bn|mn)\b)?";

    /// <summary>After a currency sign a scale may also be one letter, written on the number: "$356M", "$55B", "€5k", "£3tn".</summary>
    private const string ShortScale = @"(?<scale>[kmb]|tn)\b";

    [GeneratedRegex(@"(?<cur>US\$|\$|€|£)\s?" + Amount + "(?:" + ShortScale + @")?|(?<![0-9.,])" + Amount + @"\s+(?<cur>dollars|euros|pounds|USD|EUR|GBP)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(?:(?<rel>monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight)|(?<rel>(?:this|last|next)\s+(?:week|weekend|month|year)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDate();

    [GeneratedRegex(@"(?<![0-9.,])(?<num>[0-9]+(?:\.[0-9]+)?)\s*(?:%|percent\b|per\s+cent\b|pct\b|percentage points?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<![0-9.,:])(?<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![0-9:]|[.,][0-9])(?:\s*(?<scale>hundred|thousand|million|billion|trillion|bn|mn)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <summary>Number words read whole: "ninety", "twenty-five", "two dozen", "three hundred", and "a dozen", "a hundred".</summary>
    [GeneratedRegex(@"\b(?:(?<tens>" + NumberWord + @")\b(?:[-\s](?<units>one|two|three|four|five|six|seven|eight|nine)\b)?(?:\s+(?<scale>dozen|hundred|thousand|million|billion)\b)?|an?\s+(?<scale>dozen|hundred|thousand|million|billion)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    public static List<ValueMention> Extract(string text)
    {
        var found = new List<ValueMention>();
        // Each pattern runs only when the text holds what it cannot match without (most statements hold none).
        var span = text.AsSpan();
        var digits = span.IndexOfAnyInRange('0', '9') >= 0;
        if (digits && span.Contains('-'))
        {
            Add(found, IsoDate(), text, m => Date(m.Groups["year"].Value, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["day"].Value));
        }

        if (digits && span.IndexOfAny(MonthNames) >= 0)
        {
            Add(found, DayMonthDate(), text, m => Date(m.Groups["year"].Value, MonthNumber(m.Groups["month"].Value), m.Groups["day"].Value));
            Add(found, MonthDayDate(), text, m => Date(m.Groups["year"].Value, MonthNumber(m.Groups["month"].Value), m.Groups["day"].Value));
            Add(found, MonthYear(), text, m => (ValueKind.Date, string.Create(CultureInfo.InvariantCulture, $"{m.Groups["year"].Value}-{MonthNumber(m.Groups["month"].Value):00}")));
        }

        if (digits && StartsWord(span, Meridiems, afterDigit: true))
        {
            Add(found, Time12(), text, Time12Value);
        }

        if ((digits && HasDigitBefore(span, ':', 'h')) || span.IndexOfAny(NoonWords) >= 0)
        {
            Add(found, Time24(), text, Time24Value);
        }

        if (span.IndexOfAny(RelativeWords) >= 0)
        {
            Add(found, RelativeDate(), text, m => (ValueKind.RelativeDate, Regex.Replace(m.Groups["rel"].Value.ToLowerInvariant(), @"\s+", " ")));
        }

        if (digits && span.IndexOfAny(Currencies) >= 0)
        {
            Add(found, Money(), text, MoneyValue);
        }

        if (digits && span.IndexOfAny(PercentSigns) >= 0)
        {
            Add(found, Percent(), text, m => AmountOf(m) is { } percent ? (ValueKind.Percent, Canonical(percent)) : null);
        }

        if (digits)
        {
            Add(found, Digits(), text, m => AmountOf(m) is { } number ? (ValueKind.Number, Canonical(number)) : null);
        }

        if (StartsWord(span, NumberWordStarts))
        {
            Add(found, Words(), text, WordNumber);
        }

        return Qualify(found, text);
    }

    /// <summary>
    /// Whether one of the words occurs at the start of a word ("ten", not the "ten" of "often"), or with
    /// <paramref name="afterDigit"/> right after a digit too ("5pm", not the "am" of "team"): where a pattern
    /// that opens with one there may match.
    /// </summary>
    private static bool StartsWord(ReadOnlySpan<char> text, SearchValues<string> words, bool afterDigit = false)
    {
        var offset = 0;
        while (text[offset..].IndexOfAny(words) is var found and >= 0)
        {
            var at = offset + found;
            if (at == 0 || !(char.IsAsciiLetter(text[at - 1]) || (!afterDigit && char.IsAsciiDigit(text[at - 1]))))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    /// <summary>Whether a digit stands right before one of two characters ("13:00", "13h00"; not the "h" of "the").</summary>
    private static bool HasDigitBefore(ReadOnlySpan<char> text, char a, char b)
    {
        var offset = 0;
        while (text[offset..].IndexOfAny(a, b) is var found and >= 0)
        {
            var at = offset + found;
            if (at > 0 && char.IsAsciiDigit(text[at - 1]))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    /// <summary>Sorts the mentions and gives numbers the range their qualifier says ("about 100", "more than 200").</summary>
    private static List<ValueMention> Qualify(List<ValueMention> found, string text)
    {
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < found.Count; i++)
        {
            var value = found[i];
            if (value.Kind is not (ValueKind.Number or ValueKind.Percent or ValueKind.Money))
            {
                found[i] = value with { QualifiedStart = value.Start };
                continue;
            }

            var before = text.AsSpan(0, value.Start).TrimEnd();
            var (bound, start) = (Bound.Exact, value.Start);
            foreach (var (words, candidate) in Lexicon.Approximators)
            {
                if (EndsWithWords(before, words, out var at))
                {
                    (bound, start) = (candidate, at);
                    break;
                }
            }

            found[i] = value with { Bound = bound, QualifiedStart = start };
        }

        return found;
    }

    /// <summary>Whether the text ends with the words (case folded, at a word boundary), and where they start.</summary>
    private static bool EndsWithWords(ReadOnlySpan<char> text, string[] words, out int start)
    {
        start = text.Length;
        var rest = text;
        for (var w = words.Length - 1; w >= 0; w--)
        {
            rest = rest.TrimEnd();
            var word = words[w];
            if (!rest.EndsWith(word, StringComparison.OrdinalIgnoreCase) || (rest.Length > word.Length && char.IsLetterOrDigit(rest[^(word.Length + 1)])))
            {
                return false;
            }

            rest = rest[..^word.Length];
            start = rest.Length;
        }

        return true;
    }

    /// <summary>The number a match's "num" and "scale" groups write, or null when it is too large to be a value anyone reports.</summary>
    private static decimal? AmountOf(Match m)
    {
        if (!decimal.TryParse(m.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return Scale(m.Groups["scale"]) is { } scale && number <= decimal.MaxValue / scale ? number * scale : null;
    }

    private static (ValueKind, string)? MoneyValue(Match m)
    {
        var currency = m.Groups["cur"].Value.ToLowerInvariant() switch
        {
            "$" or "us$" or "dollars" or "usd" => "USD",
            "€" or "euros" or "eur" => "EUR",
            _ => "GBP",
        };
        return AmountOf(m) is { } amount ? (ValueKind.Money, currency + ":" + Canonical(amount)) : null;
    }

    private static void Add(List<ValueMention> found, Regex regex, string text, Func<Match, (ValueKind Kind, string Key)?> value)
    {
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            if (Overlaps(found, start, end))
            {
                continue;
            }

            if (value(match) is { } v)
            {
                found.Add(new ValueMention(v.Kind, v.Key, start, end));
            }
        }
    }

    private static bool Overlaps(List<ValueMention> found, int start, int end)
    {
        foreach (var v in found)
        {
            if (v.Start < end && start < v.End)
            {
                return true;
            }
        }

        return false;
    }

    private static (ValueKind, string)? Date(string year, int month, string day)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || d is < 1 or > 31)
        {
            return null;
        }

        return (ValueKind.Date, year.Length == 4
            ? string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}-{d:00}")
            : string.Create(CultureInfo.InvariantCulture, $"--{month:00}-{d:00}"));
    }

    private static (ValueKind, string)? Time12Value(Match m)
    {
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var min = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        if (h is < 1 or > 12)
        {
            return null;
        }

        var pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
        var hour = (h % 12) + (pm ? 12 : 0);
        return (ValueKind.Time, string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{min:00}"));
    }

    private static (ValueKind, string)? Time24Value(Match m)
    {
        if (m.Groups["word"].Success)
        {
            return (ValueKind.Time, m.Groups["word"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? "00:00" : "12:00");
        }

        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var min = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        return (ValueKind.Time, string.Create(CultureInfo.InvariantCulture, $"{h:00}:{min:00}"));
    }

    private static (ValueKind, string)? WordNumber(Match m)
    {
        // "a dozen" is one dozen. The pattern ignores case as Unicode does, so a word may be spelled with
        // a look-alike ("ſix", a long s) that no table holds: it is then no value.
        var value = 1;
        if (m.Groups["tens"].Success && !NumberWords.TryGetValue(m.Groups["tens"].Value, out value))
        {
            return null;
        }

        if (m.Groups["units"].Success)
        {
            if (value < 20 || !NumberWords.TryGetValue(m.Groups["units"].Value, out var units))
            {
                return null;
            }

            value += units;
        }

        return Scale(m.Groups["scale"]) is { } scale ? (ValueKind.Number, Canonical(value * scale)) : null;
    }

    /// <summary>The value term of a lone number word ("eleven" in "eleven-day"), or null.</summary>
    public static string? NumberWordTerm(string word) =>
        NumberWords.TryGetValue(word, out var value) ? IndexTerm.Of(ValueKind.Number, Canonical(value)) : null;

    /// <summary>
    /// The factor a scale word or letter gives (1 without one), or null for one the table does not know: the
    /// patterns ignore case as Unicode does, so "$5K" may carry a Kelvin sign (U+212A) for its "k".
    /// </summary>
    private static decimal? Scale(Group scale) =>
        !scale.Success ? 1m
        : Scales.TryGetValue(scale.Value, out var factor) || Scales.TryGetValue(scale.Value.ToLowerInvariant(), out factor) ? factor
        : null;

    private static int MonthNumber(string month) => month.ToLowerInvariant()[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    internal static string Canonical(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
