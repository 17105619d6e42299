using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using Compare.Tests.Shared;

namespace Compare.Cli.Tests;

/// <summary>The tool as users install it: packed into a folder feed, installed with `dotnet tool install`, run on the seeds.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("compare-tool-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Installs_from_a_local_feed_as_the_native_build_on_linux_x64_and_compares_the_seeds()
    {
        var version = XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;
        var feed = Path.Combine(_work.FullName, "feed");
        var artifacts = Path.Combine(_work.FullName, "artifacts");

        // As a release packs it: the package users name, then one package per platform (native on linux-x64, framework-dependent for the rest).
        foreach (string[] platform in (string[][])[[], ["-r", "linux-x64"], ["-r", "any"]])
        {
            var pack = await Processes.RunAsync("dotnet", ["pack", Repository.PathOf("src/Compare.Cli"), "-c", "Release", "-o", feed, "--artifacts-path", artifacts, .. platform], Repository.Root);
            Assert.True(pack.ExitCode == 0, pack.Out + pack.Error);
        }

        // The package users name says what it is, under which licence, with the README.
        using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"Compare.Sources.{version}.nupkg")))
        {
            var nuspec = XDocument.Load(package.GetEntry("Compare.Sources.nuspec")!.Open()).Root!;
            string Field(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("README.md", Field("readme"));
            Assert.StartsWith("Aligns the statements", Field("description"), StringComparison.Ordinal);
            Assert.NotNull(package.GetEntry("README.md"));
            Assert.NotNull(package.GetEntry("LICENSE"));
        }

        var tools = Path.Combine(_work.FullName, "tools");
        var install = await Processes.RunAsync(
            "dotnet", ["tool", "install", "Compare.Sources", "--version", version, "--tool-path", tools, "--add-source", feed], _work.FullName);
        Assert.True(install.ExitCode == 0, install.Out + install.Error);

        var compare = Path.Combine(tools, "compare");
        var program = new FileInfo(compare).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? compare;
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
        {
            // The native build: one executable from the linux-x64 package, no managed program beside it.
            Assert.Contains("compare.sources.linux-x64", program, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(program)!, "compare.dll")));
        }

        var run = await Processes.RunAsync(compare, [Repository.SeedA, Repository.SeedB, "--format", "json"], Repository.Root);
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(Repository.SeedA.Replace('\\', '/'), json.RootElement.GetProperty("sources")[0].GetProperty("path").GetString());
        Assert.NotEqual(0, json.RootElement.GetProperty("alignments").GetArrayLength());

        var printed = await Processes.RunAsync(compare, ["--version"], Repository.Root);
        Assert.StartsWith(version + "+", printed.Out, StringComparison.Ordinal);
    }
}
