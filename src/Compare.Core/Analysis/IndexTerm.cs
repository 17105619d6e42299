namespace Compare.Core.Analysis;

/// <summary>
/// How the index writes a term: a word as its stem ("ceasefir"), a value as the mark of its kind and its
/// key ("#n4.5", "#p12", "#d2023-09-20", "#d--09-20" for a day without a year, "#m$:5000000",
/// "#rtoday", "#t13:00"). A stem never starts with the mark, so a value is never taken for a word. Only
/// this type writes or reads the marks.
/// </summary>
internal static class IndexTerm
{
    private const char ValueMark = '#';

    /// <summary>The term of a value.</summary>
    public static string Of(ValueKind kind, string key) => string.Concat(Prefix(kind), key);

    /// <summary>For a full date's key ("2023-09-20"): the term of the same day without a year; else null.</summary>
    public static string? DayOf(ValueKind kind, string key) => kind == ValueKind.Date && key.Length == FullDate ? string.Concat(Prefix(ValueKind.Date), "--", key.AsSpan(5)) : null;

    /// <summary>Whether a term stands for a value rather than a word.</summary>
    public static bool IsValue(string term) => term.Length > 0 && term[0] == ValueMark;

    /// <summary>Whether a term is a full date's ("#d2023-09-20").</summary>
    public static bool IsFullDate(string term) => term.Length == 2 + FullDate && term.StartsWith(Prefix(ValueKind.Date), StringComparison.Ordinal) && term[2] != '-';

    /// <summary>Whether a term is a day's without a year ("#d--09-20").</summary>
    public static bool IsDay(string term) => term.StartsWith(Prefix(ValueKind.Date), StringComparison.Ordinal) && term.AsSpan(2).StartsWith("--", StringComparison.Ordinal);

    /// <summary>A term as a reader may be shown it when no statement writes it: a value's key, a word's stem.</summary>
    public static string Key(string term) => IsValue(term) ? term[2..] : term;

    /// <summary>The length of a full date's key, "2023-09-20".</summary>
    private const int FullDate = 10;

    private static string Prefix(ValueKind kind) => kind switch
    {
        ValueKind.Number => "#n",
        ValueKind.Percent => "#p",
        ValueKind.Date => "#d",
        ValueKind.Money => "#m",
        ValueKind.RelativeDate => "#r",
        _ => "#t",
    };
}
