using System.Text;
using Compare.Core;
using Compare.Core.Reports;

namespace Compare.GitHub;

/// <summary>The pull request's comparisons as HTML pages in one folder (the action uploads it as an artifact), with an index.</summary>
internal static class HtmlPages
{
    /// <summary>Writes a page per comparison ("01-news.html") and index.html linking them; each file whole or not at all. Returns the pages' names.</summary>
    public static IReadOnlyList<string> Write(string directory, int number, IReadOnlyList<DocumentReport> documents)
    {
        Directory.CreateDirectory(directory);
        var index = new StringBuilder();
        index.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n");
        index.Append($"<title>Source comparison for pull request #{number}</title>\n</head>\n<body>\n<h1>Source comparison for pull request #{number}</h1>\n<ul>\n");
        var pages = new List<string>();
        foreach (var document in documents)
        {
            foreach (var comparison in document.Comparisons)
            {
                var page = $"{pages.Count + 1:00}-{Slug(Path.GetFileNameWithoutExtension(document.Path))}.html";
                WriteWhole(Path.Combine(directory, page), Report.ToHtml(comparison.Result));
                pages.Add(page);
                index.Append($"<li><a href=\"{page}\">{HtmlReport.Escape(document.Path)}: {HtmlReport.Escape(comparison.Title)}</a></li>\n");
            }
        }

        index.Append("</ul>\n</body>\n</html>\n");
        WriteWhole(Path.Combine(directory, "index.html"), index.ToString());
        return pages;
    }

    /// <summary>A file-name part: lower-case letters and digits, anything else one '-', at most 60 characters.</summary>
    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "document" : text[..Math.Min(text.Length, 60)];
    }

    private static void WriteWhole(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
