using System.Diagnostics;

namespace Compare.GitHub;

/// <summary>Reads files of other commits from the checkout with git (fetching the commit when the clone is shallow).</summary>
internal sealed class Git(string workspace)
{
    /// <summary>The file at the commit, as bytes (decoded as any document is), or null when git cannot give it.</summary>
    public byte[]? Show(string commit, string path)
    {
        var shown = Run("show", $"{commit}:{path}");
        if (shown is null && Run("fetch", "--no-tags", "--depth=1", "origin", commit) is not null)
        {
            shown = Run("show", $"{commit}:{path}");
        }

        return shown;
    }

    private byte[]? Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("safe.directory=*");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            using var output = new MemoryStream();
            _ = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return process.ExitCode == 0 ? output.ToArray() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // No git on this machine: the contents API is asked instead.
        }
    }
}
