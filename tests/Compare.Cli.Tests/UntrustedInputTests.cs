using System.Security.Cryptography;

namespace Compare.Cli.Tests;

/// <summary>Bad input gets one line on stderr naming the file and the cause, and exit code 2; inputs are never modified.</summary>
public sealed class UntrustedInputTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("compare-input-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    private static void AssertOneLineError(CliRun run, string path, string cause)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"compare: {path}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(cause, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unreadable_file_with_exit_code_2()
    {
        // Tests may run as root, who can read any file: /proc/self/mem opens but cannot be read from its start.
        var run = CliRunner.Run(CliRunner.SeedA, "/proc/self/mem");

        AssertOneLineError(run, "/proc/self/mem", "cannot be read");
    }

    [Fact]
    public void Reads_a_symbolic_link_to_a_document_and_says_what_it_read()
    {
        var target = Write("ministry.txt", File.ReadAllText(CliRunner.SeedA));
        var link = Path.Combine(_directory.FullName, "latest.txt");
        File.CreateSymbolicLink(link, "ministry.txt");

        var run = CliRunner.Run(link, CliRunner.SeedB);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"compare: warning: {link} is a symbolic link: read {target}\n", run.Error);
        Assert.Equal(CliRunner.Run(target, CliRunner.SeedB).Out.Replace("ministry.txt", "latest.txt", StringComparison.Ordinal), run.Out);
    }

    [Fact]
    public void Reports_a_symbolic_link_to_nothing_with_exit_code_2()
    {
        var link = Path.Combine(_directory.FullName, "gone.txt");
        File.CreateSymbolicLink(link, "moved-away.txt");

        AssertOneLineError(CliRunner.Run(CliRunner.SeedA, link), link, $"a symbolic link to {Path.Combine(_directory.FullName, "moved-away.txt")}, which does not exist");
    }

    [Fact]
    public void Stops_reading_a_device_without_end_at_the_size_limit()
    {
        AssertOneLineError(CliRunner.Run(CliRunner.SeedA, "/dev/zero", "--max-bytes", "100000"), "/dev/zero", "more than the limit of 100000 bytes");
    }

    [Fact]
    public void Reports_a_file_of_mostly_control_characters_as_binary_with_exit_code_2()
    {
        var path = Write("controls.txt", [.. Enumerable.Range(0, 400).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41))]);

        AssertOneLineError(CliRunner.Run(CliRunner.SeedA, path), path, "binary file (mostly control characters)");
    }

    [Fact]
    public void Reports_a_file_with_nul_bytes_as_binary_with_exit_code_2()
    {
        var path = Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        AssertOneLineError(CliRunner.Run(CliRunner.SeedA, path), path, "binary file (contains NUL bytes)");
    }

    [Fact]
    public void Reports_a_document_over_the_size_limit_with_exit_code_2()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--max-bytes", "1000");

        AssertOneLineError(run, CliRunner.SeedA, "bytes is over the limit of 1000 bytes");
    }

    [Fact]
    public void Reports_an_output_path_in_a_directory_that_cannot_be_written_with_exit_code_2()
    {
        // /proc refuses new files even to root.
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "-o", "/proc/report.md");

        AssertOneLineError(run, "/proc/report.md", "cannot write the report");
    }

    [Fact]
    public void Warns_about_invalid_utf8_naming_the_file_and_the_first_bad_byte()
    {
        var path = Write("latin1.txt", [.. "Title\n\nCaf"u8, 0xE9, .. " du port.\n"u8]);

        var run = CliRunner.Run(CliRunner.SeedA, path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"compare: warning: {path}: invalid UTF-8 at byte 10; decoded with replacement characters\n", run.Error);
        Assert.Contains("Caf\uFFFD du port.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_plainly_that_a_document_is_empty()
    {
        var empty = Write("empty.txt", string.Empty);

        var run = CliRunner.Run(CliRunner.SeedA, empty);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("**B is empty: it has no statements, so everything in the other is only there.**", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_plainly_that_two_documents_are_identical()
    {
        var run = CliRunner.Run(CliRunner.SeedB, CliRunner.SeedB, "--format", "text");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The documents are identical: every statement is aligned, with no differences and nothing only in one source.", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Only in", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_modifies_its_inputs()
    {
        var a = Write("a.txt", File.ReadAllBytes(CliRunner.SeedA));
        var b = Write("b.txt", File.ReadAllBytes(CliRunner.SeedB));
        var before = new[] { a, b }.Select(p => (SHA256.HashData(File.ReadAllBytes(p)), File.GetLastWriteTimeUtc(p))).ToList();

        CliRunner.Run(a, b, "-o", Path.Combine(_directory.FullName, "report.md"));
        CliRunner.Run(a, b, "--format", "json");

        var after = new[] { a, b }.Select(p => (SHA256.HashData(File.ReadAllBytes(p)), File.GetLastWriteTimeUtc(p))).ToList();
        Assert.Equal(before.Select(x => Convert.ToHexString(x.Item1)), after.Select(x => Convert.ToHexString(x.Item1)));
        Assert.Equal(before.Select(x => x.Item2), after.Select(x => x.Item2));
    }

    [Fact]
    public void A_failed_run_leaves_an_existing_report_untouched_and_no_temporary_file()
    {
        var report = Write("report.md", "the previous report\n");

        var run = CliRunner.Run(CliRunner.SeedA, Path.Combine(_directory.FullName, "missing.txt"), "-o", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("the previous report\n", File.ReadAllText(report));
        Assert.Equal(["report.md"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void A_report_that_fails_half_written_leaves_the_previous_report_and_no_temporary_file()
    {
        var report = Write("report.md", "the previous report\n");

        Assert.Throws<InvalidOperationException>(() => OutputFile.WriteAtomically(report, writer =>
        {
            writer.Write(new string('x', 100_000)); // More than the writer buffers: part of it reaches the temporary file.
            throw new InvalidOperationException("rendering failed");
        }));

        Assert.Equal("the previous report\n", File.ReadAllText(report));
        Assert.Equal(["report.md"], _directory.GetFiles().Select(f => f.Name));
    }
}
