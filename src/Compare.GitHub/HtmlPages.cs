using System.Text;
using Compare.Core;
using Compare.Core.Reports;

namespace Compare.GitHub;

/// <summary>The pull request's comparisons as HTML pages in one folder (the action uploads it as an artifact), with an index and the full Markdown report.</summary>
internal static class HtmlPages
{
    /// <summary>Writes a page per comparison ("01-karabakh.html"), index.html linking them and report.md; each file whole or not at all. Returns the pages' names.</summary>
    public static IReadOnlyList<string> Write(string directory, int number, IReadOnlyList<FolderReport> folders, string fullReport)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--html-dir {directory}: cannot be made ({ex.Message})", ex);
        }

        var index = new StringBuilder();
        index.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n");
        index.Append($"<title>Source comparison for pull request #{number}</title>\n</head>\n<body>\n<h1>Source comparison for pull request #{number}</h1>\n<ul>\n");
        var pages = new List<string>();
        foreach (var folder in folders)
        {
            foreach (var comparison in folder.Comparisons)
            {
                var name = folder.Folder.Length == 0 ? Path.GetFileNameWithoutExtension(comparison.Result.Sources[^1].Path) : Path.GetFileName(folder.Folder);
                var page = $"{pages.Count + 1:00}-{Slug(name)}{(comparison.IsRevision ? "-revision" : string.Empty)}.html";
                OutputFile.Write(Path.Combine(directory, page), Report.ToHtml(comparison.Result));
                pages.Add(page);
                var where = folder.Folder.Length == 0 ? string.Empty : ReportText.Html(folder.Folder + "/") + ": ";
                index.Append($"<li><a href=\"{page}\">{where}{ReportText.Html(comparison.Title)}</a></li>\n");
            }
        }

        index.Append("</ul>\n<p>The full report in Markdown: <a href=\"report.md\">report.md</a>.</p>\n</body>\n</html>\n");
        OutputFile.Write(Path.Combine(directory, "report.md"), fullReport);
        OutputFile.Write(Path.Combine(directory, "index.html"), index.ToString());
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
}
