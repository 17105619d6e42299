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
