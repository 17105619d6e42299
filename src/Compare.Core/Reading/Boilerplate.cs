using System.Text.RegularExpressions;

namespace Compare.Core.Reading;

/// <summary>Recognises page furniture that news sites wrap around an article.</summary>
internal static partial class Boilerplate
{
    [GeneratedRegex(
        @"^(?:photo|photos|image|images|picture|foto|credit|photo credit|image credit|illustration|video)\s*(?:by\s+\S|[:/©|])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(
        @"^(?:©|\(c\)\s|copyright\b|all rights reserved)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    [GeneratedRegex(
        @"^(?:you (?:might|may) also (?:like|be interested in)|more (?:stories|news|from)\b.*|recommended(?: for you| stories)?|trending(?: now)?|most (?:read|popular)|also read|read (?:more|also|next)|see also|advertisement|sponsored(?: content)?|share(?: this(?: page| article| story| post)?)?(?: on \w+)?|share via\b.*|follow us\b.*|subscribe\b.*|sign up\b.*|click here\b.*|comments?|print|tags?:.*|related(?: articles| stories| news| posts)?\s*:.*|related(?: articles| stories| news| posts)?)\s*[.:!]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    [GeneratedRegex(
        @"^\s*(?:home|main|главная|startseite|accueil|inicio)\b.*?(?:›|»|>|/|\|)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeparatedBreadcrumb();

    /// <summary>Returns why the line is boilerplate, or null when it is content.</summary>
    public static string? Classify(string line, string? title)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (PhotoCredit().IsMatch(text))
        {
            return "photo credit";
        }

        if (Copyright().IsMatch(text))
        {
            return "copyright";
        }

        if (Furniture().IsMatch(text))
        {
            return "page furniture";
        }

        if (SeparatedBreadcrumb().IsMatch(text) || IsGluedBreadcrumb(text, title))
        {
            return "breadcrumb";
        }

        if (title is not null && string.Equals(text, title.Trim(), StringComparison.Ordinal))
        {
            return "repeated title";
        }

        return null;
    }

    /// <summary>
    /// A breadcrumb scraped without its separators: navigation words glued to the title,
    /// as in "ГлавнаяNewsMinistry of Defense …" whose tail repeats the title.
    /// </summary>
    private static bool IsGluedBreadcrumb(string text, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return false;
        }

        var t = title.Trim();
        var at = text.IndexOf(t, StringComparison.Ordinal);
        if (at <= 0 || at + t.Length != text.Length)
        {
            return false;
        }

        var prefix = text[..at];
        return prefix.Length <= 60 && !prefix.Contains(". ", StringComparison.Ordinal);
    }
}
