using System.Diagnostics;

namespace Compare.Tests.Shared;

/// <summary>Renders Markdown as GitHub does, with GitHub's own renderer (cmark-gfm and its extensions).</summary>
internal static class CmarkGfm
{
    public static string Render(string markdown)
    {
        var start = new ProcessStartInfo("cmark-gfm", "--unsafe -e table -e strikethrough -e autolink -e tagfilter")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(markdown);
        process.StandardInput.Close();
        var html = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return html;
    }
}

/// <summary>Checks rendered HTML: every element is one the report writes itself, with no attribute but a table cell's alignment.</summary>
internal static class RenderedHtml
{
    public static void AssertOnlyElements(string html, IReadOnlySet<string> allowed, IReadOnlySet<string>? links = null)
    {
        foreach (System.Text.RegularExpressions.Match tag in System.Text.RegularExpressions.Regex.Matches(html, @"<(?<name>/?[A-Za-z][A-Za-z0-9]*)(?<attributes>[^>]*)>"))
        {
            Assert.Contains(tag.Groups["name"].Value.TrimStart('/'), allowed);
            if (tag.Groups["name"].Value == "a")
            {
                // A link only to where the report itself points (the run's job summary or artifacts).
                var href = System.Text.RegularExpressions.Regex.Match(tag.Groups["attributes"].Value, @"^\s+href=""(?<url>[^""]*)""\s*$");
                Assert.True(href.Success && links?.Contains(href.Groups["url"].Value) == true, $"a link from a document: {tag.Value}");
                continue;
            }

            Assert.Matches(@"^(\s+align=""(left|right|center)"")?\s*/?$", tag.Groups["attributes"].Value);
        }
    }
}
