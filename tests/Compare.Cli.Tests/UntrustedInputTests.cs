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

        Assert.Throws<InvalidOperationException>(() => Compare.Core.OutputFile.Write(report, writer =>
        {
            writer.Write(new string('x', 100_000)); // More than the writer buffers: part of it reaches the temporary file.
            throw new InvalidOperationException("rendering failed");
        }));

        Assert.Equal("the previous report\n", File.ReadAllText(report));
        Assert.Equal(["report.md"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void Refuses_to_write_the_report_over_a_document_it_compares_before_writing_anything()
    {
        var a = Write("a.txt", File.ReadAllBytes(CliRunner.SeedA));
        var b = Write("b.txt", File.ReadAllBytes(CliRunner.SeedB));
        var alias = Path.Combine(_directory.FullName, "alias.txt");
        File.CreateSymbolicLink(alias, "a.txt");
        var before = File.ReadAllBytes(a);

        foreach (var output in new[] { a, alias, Path.Combine(_directory.FullName, ".", "a.txt") })
        {
            var run = CliRunner.Run(a, b, "-o", output);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("the report never goes over an input", run.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(a));
        Assert.Equal(["a.txt", "alias.txt", "b.txt"], _directory.GetFileSystemInfos().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Writes_the_report_to_a_symbolic_links_target_and_keeps_the_link_and_the_files_mode()
    {
        var target = Write("reports.md", "the previous report\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = Path.Combine(_directory.FullName, "latest.md");
        File.CreateSymbolicLink(link, "reports.md");

        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "-o", link);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("reports.md", new FileInfo(link).LinkTarget);
        Assert.StartsWith("## Source comparison", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public async Task Writes_the_report_through_a_fifo_and_leaves_it_a_fifo()
    {
        var fifo = Path.Combine(_directory.FullName, "pipe");
        Assert.Equal(0, (await Compare.Tests.Shared.Processes.RunAsync("mkfifo", [fifo], _directory.FullName)).ExitCode);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "-o", fifo);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## Source comparison", await reader.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.Equal("fifo\n", (await Compare.Tests.Shared.Processes.RunAsync("stat", ["-c", "%F", fifo], _directory.FullName)).Out);
        Assert.Equal(["pipe"], _directory.GetFileSystemInfos().Select(f => f.Name));
    }

    [Theory]
    [InlineData("", "a document path is empty")]
    [InlineData("loop", "a symbolic link that cannot be followed")]
    public void Refuses_an_empty_path_and_a_symbolic_link_that_loops_with_exit_code_2(string name, string cause)
    {
        var path = name;
        if (name == "loop")
        {
            path = Path.Combine(_directory.FullName, "loop.txt");
            File.CreateSymbolicLink(path, "loop.txt");
        }

        var run = CliRunner.Run(path, CliRunner.SeedB);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains(cause, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-o", "")]
    [InlineData("--max-bytes", "9223372036854775807")]
    [InlineData("--max-bytes", "0")]
    public void Refuses_an_empty_output_path_and_a_size_limit_out_of_range_with_exit_code_2(string option, string value)
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Shows_control_characters_of_a_file_name_in_a_message_never_sends_them_to_the_terminal()
    {
        var run = CliRunner.Run(CliRunner.SeedA, Path.Combine(_directory.FullName, "\u001b]0;owned\u0007\nmissing.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(run.Error, c => c is '\u001b' or '\u0007');
        Assert.Contains("␛]0;owned␇ missing.txt: no such file", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }
}
