using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

using Group = DifferenceFinder.Group;

/// <summary>Finds numbers, dates and times that conflict, and the same values written another way.</summary>
internal sealed partial class ValueDetector : IDifferenceDetector
{
    public void Detect(Group group) => Values(group);

    private static void Values(Group group)
    {
        Weekdays(group);
        var vague = new[] { group.Sides[0].VagueDurations(), group.Sides[1].VagueDurations() };
        if (group.Sides.Select((side, s) => side.Statements.Any(st => st.Values.Any(v => v.Kind != ValueKind.RelativeDate)) || vague[s].Length > 0).Any(has => !has))
        {
            return; // Values on one side only: nothing to compare.
        }

        var values = new[] { group.Sides[0].Values(), group.Sides[1].Values() };

        // The same value on both sides: the same, in whatever notation; a qualifier on one side only
        // ("more than $250,000" / "$250,000") says how exact the figure is, not that it differs.
        foreach (var sameBound in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var l in values[0].ToList())
            {
                var r = values[1].FirstOrDefault(v => v.Value.Kind == l.Value.Kind && v.Value.Key == l.Value.Key && (!sameBound || v.Value.Bound == l.Value.Bound));
                if (r.Text is null)
                {
                    continue;
                }

                values[0].Remove(l);
                values[1].Remove(r);
                if (Tokenizer.Fold(l.Text) != Tokenizer.Fold(r.Text))
                {
                    group.Explain(0, l.Statement, l.Value.QualifiedStart, l.Value.End);
                    group.Explain(1, r.Statement, r.Value.QualifiedStart, r.Value.End);
                    group.AddSame(new SameValue(KindOf(l.Value.Kind), [l.Text, r.Text], sameBound ? SameValueBasis.Same : SameValueBasis.QualifiedOnOneSide));
                }
            }
        }

        // Values left on both sides: paired when they stand in the same change of the word diff, or are the only ones of their kind.
        foreach (var kind in values[0].Select(v => v.Value.Kind).Distinct().Order().ToList())
        {
            var lefts = values[0].Where(v => v.Value.Kind == kind).ToList();
            var rights = values[1].Where(v => v.Value.Kind == kind).ToList();
            foreach (var l in lefts)
            {
                // One figure written for the other ("rises to 59" / "rises to 638") is compared as it is; in a
                // longer change, or as the only figures of their kind, only figures of the same measure are.
                // A duration is compared with a duration, in whatever unit ("90 days" / "three months").
                var days = group.Sides[0].Duration(l);
                // A figure the other side gives alike ("$43 million" / "nearly $44 million") is its counterpart,
                // before any other figure the change holds ("earned roughly $141 million").
                var candidates = days is not null ? [] : rights.Where(v => group.Sides[1].Duration(v) is null && group.ChangeSize(l, v) is > 0 and var size
                                                                           && ((size <= SubstitutionTokens && !OtherUnits(group, l, v)) || SameMeasure(group, l, v))).ToList();
                var r = days is not null
                    ? PairDuration(group, l, lefts, rights)
                    : candidates.Find(v => Compatible(l.Value, v.Value) && SameMeasure(group, l, v)) is { Text: not null } agreeing ? agreeing : candidates.FirstOrDefault();
                if (r.Text is null && days is null && lefts.Count == 1 && rights.Count == 1 && group.Sides[1].Duration(rights[0]) is null && SameMeasure(group, l, rights[0]))
                {
                    r = rights[0];
                }

                if (r.Text is null)
                {
                    continue;
                }

                rights.Remove(r);
                values[0].Remove(l);
                values[1].Remove(r);
                group.Explain(0, l.Statement, l.Value.QualifiedStart, l.Value.End);
                group.Explain(1, r.Statement, r.Value.QualifiedStart, r.Value.End);
                var (lText, rText) = days is null ? (l.Text, r.Text) : (group.Sides[0].DurationText(l), group.Sides[1].DurationText(r));
                var compatible = days is { } d && group.Sides[1].Duration(r) is { } e ? SameDuration(d, e) : Compatible(l.Value, r.Value);
                if (compatible)
                {
                    group.AddSame(new SameValue(KindOf(kind), [lText, rText], days is null ? SameValueBasis.Compatible : SameValueBasis.SameDuration));
                }
                else
                {
                    group.Conflict(KindOf(kind), lText, rText);
                }
            }
        }

        // A vague duration ("a monthslong investigation") against a duration the other side gives ("a two-year
        // investigation"): a conflict when it lies outside what the vague one can mean.
        for (var s = 0; s < 2; s++)
        {
            foreach (var (statement, start, end, low, high) in vague[s])
            {
                var other = values[1 - s].FirstOrDefault(v => group.Sides[1 - s].Duration(v) is not null);
                if (other.Text is null || group.Sides[1 - s].Duration(other) is not { } days)
                {
                    continue;
                }

                var text = group.Sides[s].Statements[statement].Statement.Text[start..end];
                var otherText = group.Sides[1 - s].DurationText(other);
                group.Explain(s, statement, start, end);
                group.Explain(1 - s, other.Statement, other.Value.QualifiedStart, other.Value.End);
                if (days >= low && days <= high)
                {
                    group.AddSame(new SameValue(DifferenceKind.Number, s == 0 ? [text, otherText] : [otherText, text], SameValueBasis.Compatible));
                }
                else
                {
                    var (a, b) = s == 0 ? (text, otherText) : (otherText, text);
                    group.Conflict(DifferenceKind.Number, a, b);
                }
            }
        }
    }

    /// <summary>
    /// Days of the week, each dating the event of the name it follows ("the Senate on Wednesday, followed
    /// by the House on Thursday": the Senate's day, then the House's). A day the other side gives for the
    /// same name is the same day or a conflict ("the House on Thursday" / "the House … voting to override
    /// Wednesday afternoon"); a day of another name ("the White House on Tuesday"), or of a name either
    /// side gives two days, is not compared.
    /// </summary>
    private static void Weekdays(Group group)
    {
        var days = new[] { group.Sides[0].Weekdays(), group.Sides[1].Weekdays() };
        if (days[0].Count == 0 || days[1].Count == 0)
        {
            return;
        }

        foreach (var left in days[0].ToList())
        {
            var same = days[1].FindIndex(r => r.Anchor == left.Anchor && r.Value.Key == left.Value.Key);
            if (same >= 0)
            {
                days[0].Remove(left);
                days[1].RemoveAt(same);
            }
        }

        foreach (var left in days[0])
        {
            var rights = days[1].Where(r => r.Anchor == left.Anchor).ToList();
            if (rights.Count != 1 || days[0].Count(l => l.Anchor == left.Anchor) != 1)
            {
                continue;
            }

            var right = rights[0];
            group.Explain(0, left.Statement, left.Value.Start, left.Value.End);
            group.Explain(1, right.Statement, right.Value.Start, right.Value.End);
            group.Conflict(DifferenceKind.Date, group.Sides[0].Text(left), group.Sides[1].Text(right));
        }
    }

    /// <summary>A unit of time right after a number: "90 days", "two-year", "24-month".</summary>
    [GeneratedRegex(@"\G\s*-?\s*(?<unit>minute|hour|day|week|month|year|decade)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex TimeUnit();

    /// <summary>A duration given by its unit only: "monthslong", "weeks-long", "years-long".</summary>
    [GeneratedRegex(@"\b(?<unit>hour|day|week|month|year|decade)s-?long\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex VagueDuration();

    /// <summary>How many days a unit of time lasts (a month 30.44, a year 365.25).</summary>
    internal static double DaysIn(string unit) => unit.ToLowerInvariant() switch
    {
        "minute" => 1.0 / 1440,
        "hour" => 1.0 / 24,
        "day" => 1,
        "week" => 7,
        "month" => 30.44,
        "year" => 365.25,
        "decade" => 3652.5,
        _ => 36525,
    };

    /// <summary>The next larger unit of time: "monthslong" means less than about a year and a half.</summary>
    internal static string Larger(string unit) => unit.ToLowerInvariant() switch
    {
        "hour" => "day",
        "day" => "week",
        "week" => "month",
        "month" => "year",
        "year" => "decade",
        _ => "century",
    };

    /// <summary>
    /// The other side's duration a duration is compared with: the same duration in another unit, else one
    /// written in its place in the word diff, else the only one when each side gives one.
    /// </summary>
    private static (int Statement, ValueMention Value, string Text) PairDuration(
        Group group,
        (int Statement, ValueMention Value, string Text) left,
        List<(int Statement, ValueMention Value, string Text)> lefts,
        List<(int Statement, ValueMention Value, string Text)> rights)
    {
        // Durations more than ten times apart measure different things ("a 60-day review" / "a 21-year term"),
        // as figures do.
        var days = group.Sides[0].Duration(left)!.Value;
        var durations = rights.Where(v => group.Sides[1].Duration(v) is { } other && Math.Max(days, other) <= (double)MeasureFactor * Math.Min(days, other)).ToList();
        var same = durations.FirstOrDefault(v => group.Sides[1].Duration(v) is { } other && SameDuration(days, other));
        if (same.Text is not null)
        {
            return same;
        }

        var inPlace = durations.FirstOrDefault(v => group.ChangeSize(left, v) is > 0 and <= SubstitutionTokens);
        return inPlace.Text is not null || durations.Count != 1 || lefts.Count(v => group.Sides[0].Duration(v) is not null) != 1 ? inPlace : durations[0];
    }

    /// <summary>How many times one duration may be the other and still be the same ("three months" is 91 days, "90 days" 90).</summary>
    private const double DurationTolerance = 1.1;

    /// <summary>Whether two durations in days are the same one, written in other units.</summary>
    private static bool SameDuration(double a, double b) => Math.Max(a, b) <= DurationTolerance * Math.Min(a, b);

    /// <summary>The most tokens on either side of a change in which one figure stands for the other.</summary>
    private const int SubstitutionTokens = 4;

    /// <summary>The most tokens a side may have for its figures to be compared whatever they count.</summary>
    private const int ShortTokens = 16;

    /// <summary>Units of weight, length, area and volume (as index terms: stems): a figure in one measures something else than a count of things.</summary>
    private static readonly FrozenSet<string> MeasureUnits = Lexicon.List("measure-units.tsv").Select(Stemmer.Stem).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many times larger one value may be than the other and still be a figure for the same thing.</summary>
    private const decimal MeasureFactor = 10;

    /// <summary>
    /// Whether two values can measure the same thing, so that a difference between them is a conflict:
    /// not a year against a count ("in 1970" / "six years"), not figures more than ten times apart ("a
    /// $600 ticket" / "$250,000 in campaign funds"), and, unless both sides are as short as headlines,
    /// counts of the same noun when each counts one ("three weeks" / "the two could" or "one of his
    /// supporters" are not compared), and counts or percentages that count nothing next to them only when
    /// they stand by the same word ("10.8 percent of their earnings" / "a tax rate of 35.7 percent" are not).
    /// </summary>
    private static bool SameMeasure(Group group, (int Statement, ValueMention Value, string Text) left, (int Statement, ValueMention Value, string Text) right)
    {
        var (a, b) = (left.Value, right.Value);
        if (a.Kind is ValueKind.Date or ValueKind.Time)
        {
            return true;
        }

        if (a.Kind == ValueKind.Number && IsYear(left.Text) != IsYear(right.Text))
        {
            return false;
        }

        if (Magnitude(a) is { } x && Magnitude(b) is { } y && x != 0 && y != 0 && Math.Max(x, y) / MeasureFactor > Math.Min(x, y))
        {
            return false;
        }

        if (a.Kind is not (ValueKind.Number or ValueKind.Percent))
        {
            return true;
        }

        if (OtherUnits(group, left, right))
        {
            return false;
        }

        var counted = new[] { group.Sides[0].CountedWord(left), group.Sides[1].CountedWord(right) };
        if (group.Sides.All(side => side.Statements.Sum(st => st.Tokens.Count) <= ShortTokens))
        {
            return true; // Headline-short statements: the figures they give are the ones they are about.
        }

        if (counted[0] is not null && counted[1] is not null)
        {
            return counted[0] == counted[1];
        }

        // A number that counts no word next to it ("killed 12", "Number one,") is compared only with one
        // that stands by the same word ("killed 15").
        return group.Sides[0].Neighbours(left).Overlaps(group.Sides[1].Neighbours(right));
    }

    /// <summary>Whether two numbers count different things of which one is a unit of measure ("140 passengers" / "1400 kilograms of mail").</summary>
    private static bool OtherUnits(Group group, (int Statement, ValueMention Value, string Text) left, (int Statement, ValueMention Value, string Text) right) =>
        group.Sides[0].CountedWord(left) is { } a && group.Sides[1].CountedWord(right) is { } b && a != b
        && (MeasureUnits.Contains(a) || MeasureUnits.Contains(b));

    /// <summary>A number written as a year of the last two centuries or this one ("1976", not "1,976" or "2,000").</summary>
    private static bool IsYear(string text) =>
        text.Length == 4 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is >= 1800 and <= 2100;

    private static decimal? Magnitude(ValueMention value) => value.Amount is { } number ? Math.Abs(number) : null;

    private static DifferenceKind KindOf(ValueKind kind) => kind switch
    {
        ValueKind.Date => DifferenceKind.Date,
        ValueKind.Time => DifferenceKind.Time,
        _ => DifferenceKind.Number,
    };

    /// <summary>Whether two values can both be true: ranges that overlap ("about 100" / "around 100"), a date and the same day without a year.</summary>
    internal static bool Compatible(ValueMention a, ValueMention b)
    {
        if (a.Kind == ValueKind.Date)
        {
            // Dates agree when every part both give agrees ("March 2008" and "March 2" can both be true).
            var (ay, am, ad) = DateParts(a.Key);
            var (by, bm, bd) = DateParts(b.Key);
            return (ay is null || by is null || ay == by) && (am is null || bm is null || am == bm) && (ad is null || bd is null || ad == bd);
        }

        if (a.Kind == ValueKind.Time)
        {
            return a.Key == b.Key;
        }

        if (a.Kind == ValueKind.Money && a.Key[..3] != b.Key[..3])
        {
            return true; // Different currencies: not comparable here.
        }

        var (aLow, aHigh) = Range(a);
        var (bLow, bHigh) = Range(b);
        return (aLow <= bHigh && bLow <= aHigh) || RoundedTo(a, b) || RoundedTo(b, a);
    }

    /// <summary>
    /// Whether <paramref name="rounded"/> is <paramref name="exact"/> rounded to its own significant digits, two
    /// or more of them ("$1.4 billion" for "$1.375 billion"; not "200" for "240").
    /// </summary>
    private static bool RoundedTo(ValueMention exact, ValueMention rounded)
    {
        if (Magnitude(exact) is not { } x || Magnitude(rounded) is not { } y || y == 0 || exact.Bound != Bound.Exact || rounded.Bound != Bound.Exact)
        {
            return false;
        }

        // The place of the last significant digit of the rounded figure: 1,400,000,000 → 100,000,000.
        var digits = y.ToString(CultureInfo.InvariantCulture).Replace(".", string.Empty, StringComparison.Ordinal).Trim('0').Length;
        if (digits < 2)
        {
            return false;
        }

        // Values at the ends of the decimal range (29 digits, or 28 places after the point) have no place
        // to round to that decimal can hold, or give a quotient past it: they are left uncompared.
        var exponent = Math.Floor(Math.Log10((double)y)) - digits + 1;
        if (exponent is < -28 or > 28)
        {
            return false;
        }

        try
        {
            var place = (decimal)Math.Pow(10, exponent);
            return place != 0 && x != y && Math.Round(x / place, MidpointRounding.AwayFromZero) * place == y;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The year, month and day a date key gives ("2023-09-20", "--09-20", "2008-03", "2008"), each null when not given.</summary>
    private static (string? Year, string? Month, string? Day) DateParts(string key)
    {
        var parts = key.Split('-');
        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        return key.StartsWith("--", StringComparison.Ordinal) ? (null, Part(2), Part(3)) : (Part(0), Part(1), Part(2));
    }

    private static (decimal Low, decimal High) Range(ValueMention value)
    {
        var number = value.Amount ?? 0;
        var step = Math.Max(Math.Abs(number) / 1000m, 0.000001m);
        return value.Bound switch
        {
            Bound.About => (number * 0.9m, number > decimal.MaxValue / 1.1m ? decimal.MaxValue : number * 1.1m),
            Bound.Over => (number > decimal.MaxValue - step ? decimal.MaxValue : number + step, decimal.MaxValue),
            Bound.AtLeast => (number, decimal.MaxValue),
            Bound.Under => (decimal.MinValue, number < decimal.MinValue + step ? decimal.MinValue : number - step),
            Bound.AtMost => (decimal.MinValue, number),
            _ => (number, number),
        };
    }
}
