using System.Text.Json;
using Compare.Tests.Shared;

namespace Compare.Cli.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public void Writes_a_markdown_report_of_the_seed_documents_to_stdout()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith("## Source comparison\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("<del>must</del> <ins>were supposed to</ins>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_with_1_when_a_difference_of_a_fail_on_kind_is_found()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--fail-on", "number,hedge");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("compare: found hedge differences (--fail-on)\n", run.Error);
        Assert.StartsWith("## Source comparison\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_with_0_when_no_difference_of_a_fail_on_kind_is_found()
    {
        // The seed pair's times only look different (1:00 p.m. = 13:00): no time conflict.
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--fail-on", "number,date,time");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Rejects_an_unknown_fail_on_kind_with_exit_code_2()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--fail-on", "numbers");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("compare: unknown difference kind 'numbers': use wording, addition", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Writes_the_json_contract_with_format_json()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(2, root.GetProperty("sources").GetArrayLength());
        Assert.True(root.GetProperty("alignments").GetArrayLength() >= 4);
        var statement = root.GetProperty("alignments")[0].GetProperty("statements")[0];
        foreach (var field in new[] { "source", "index", "text", "line", "column" })
        {
            Assert.True(statement.TryGetProperty(field, out _), field);
        }

        Assert.Equal(3, root.GetProperty("boilerplate").GetArrayLength());
        var closest = root.GetProperty("unmatched").EnumerateArray()
            .Where(u => u.TryGetProperty("closest", out _))
            .Select(u => (Source: u.GetProperty("source").GetInt32(), Closest: u.GetProperty("closest")))
            .ToList();
        Assert.NotEmpty(closest);
        Assert.All(closest, c =>
        {
            Assert.Equal(1 - c.Source, c.Closest.GetProperty("source").GetInt32());
            Assert.InRange(c.Closest.GetProperty("score").GetDouble(), 0.01, 0.99);
        });
        var kinds = root.GetProperty("alignments").EnumerateArray()
            .SelectMany(g => g.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("kind").GetString()))
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "attribution", "hedge", "modality", "quotation", "naming" }, kinds);
        Assert.Contains(root.GetProperty("summary").EnumerateArray(), row => row.GetProperty("kind").GetString() == "attribution");
    }

    [Fact]
    public void Compares_three_documents_in_one_report()
    {
        var directory = Directory.CreateTempSubdirectory("compare-cli-");
        try
        {
            var paths = new[] { "official.txt", "paper.txt", "agency.txt" }.Select(name => Path.Combine(directory.FullName, name)).ToArray();
            File.WriteAllText(paths[0], "Official\n\nThe new ferry to the island carried 140 passengers on Saturday.\n");
            File.WriteAllText(paths[1], "Paper\n\nThe new ferry to the island reportedly carried 140 passengers on Saturday.\n");
            File.WriteAllText(paths[2], "Agency\n\nThe new ferry to the island carried 210 passengers on Saturday.\n");

            var run = CliRunner.Run([.. paths, "--fail-on", "number"]);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal("compare: found number differences (--fail-on)\n", run.Error);
            Assert.Contains("| # | Claim | A | B | C | Differences |", run.Out, StringComparison.Ordinal);
            Assert.Contains("**Conflicting values:** A, B: 140 · C: 210", run.Out, StringComparison.Ordinal);
            Assert.Contains("- **attribution** — A states it as fact; B attributes it", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Refuses_a_single_document_with_exit_code_2()
    {
        var run = CliRunner.Run(CliRunner.SeedA);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Writes_one_self_contained_html_page_with_format_html()
    {
        var directory = Directory.CreateTempSubdirectory("compare-cli-");
        try
        {
            var path = Path.Combine(directory.FullName, "report.html");
            var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--format", "html", "-o", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.Error);
            var html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
            Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
            Assert.Contains("<section class=\"source\" aria-label=\"Source A\">", html, StringComparison.Ordinal);
            Assert.Contains("<section class=\"source\" aria-label=\"Source B\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Colours_text_on_a_terminal_unless_NO_COLOR_is_set()
    {
        var coloured = CliRunner.Run(terminal: true, [], CliRunner.SeedA, CliRunner.SeedB, "--format", "text");
        var plain = CliRunner.Run(terminal: true, new() { ["NO_COLOR"] = "1" }, CliRunner.SeedA, CliRunner.SeedB, "--format", "text");
        var piped = CliRunner.Run(terminal: false, [], CliRunner.SeedA, CliRunner.SeedB, "--format", "text");

        Assert.Contains("\u001b[31m[-must-]\u001b[0m", coloured.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", plain.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", piped.Out, StringComparison.Ordinal);
        Assert.Contains("[-must-] {+were supposed to+}", piped.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_report_to_a_file_with_output()
    {
        var directory = Directory.CreateTempSubdirectory("compare-cli-");
        try
        {
            var path = Path.Combine(directory.FullName, "report.md");
            var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "-o", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.Out);
            Assert.Equal(CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB).Out, File.ReadAllText(path));
            Assert.Equal(["report.md"], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_threshold_of_one_leaves_every_paraphrase_unmatched()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--threshold", "1", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(0, json.RootElement.GetProperty("alignments").GetArrayLength());
    }

    [Theory]
    [InlineData("missing.txt", "no such file")]
    [InlineData("", "is a directory")]
    public void Reports_a_missing_file_or_a_directory_with_exit_code_2(string name, string cause)
    {
        var path = name.Length == 0 ? Path.GetTempPath() : Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), name);
        var run = CliRunner.Run(CliRunner.SeedA, path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains(cause, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("--colour")]
    [InlineData("--format", "pdf")]
    [InlineData("--threshold", "high")]
    public void Reports_usage_errors_in_one_line_with_exit_code_2(params string[] extra)
    {
        var run = CliRunner.Run([CliRunner.SeedA, CliRunner.SeedB, .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("compare: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_threshold_out_of_range_with_exit_code_2()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--threshold", "3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("threshold", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_output_path_in_a_missing_directory_with_exit_code_2()
    {
        var run = CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "-o", "/nonexistent-dir/report.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare: no repository: set GITHUB_REPOSITORY or pass --repo owner/name", "pr", "--pr", "7")]
    [InlineData("compare: no token: set GITHUB_TOKEN or pass --token", "pr", "--repo", "o/r", "--pr", "7")]
    [InlineData("compare: --pr abc: not a pull request number (use a whole number such as 7) (see 'compare pr --help')", "pr", "--pr", "abc")]
    [InlineData("compare: --comment maybe: use true or false (see 'compare pr --help')", "pr", "--comment", "maybe", "--pr", "7")]
    [InlineData("compare: --html-link javascript:alert(1): use an http or https address (see 'compare pr --help')", "pr", "--html-link", "javascript:alert(1)", "--pr", "7")]
    public void Refuses_a_pr_run_it_cannot_start_in_one_line_that_says_why_with_exit_code_2(string message, params string[] args)
    {
        var run = CliRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message + "\n", run.Error);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("false")]
    public void Reads_yes_no_and_true_false_for_comment(string value)
    {
        // Past the options, the run stops at the first thing the environment lacks.
        var run = CliRunner.Run("pr", "--comment", value, "--pr", "7");

        Assert.Equal("compare: no repository: set GITHUB_REPOSITORY or pass --repo owner/name\n", run.Error);
    }

    [Fact]
    public void Shows_the_pr_commands_help_without_the_documents_it_does_not_take()
    {
        var run = CliRunner.Run("pr", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:\n  compare pr [options]\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<documents>", run.Out, StringComparison.Ordinal);
        Assert.Contains("--comment <true|false>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_internal_error_in_one_line_that_says_how_to_see_where_it_failed()
    {
        using var error = new StringWriter();
        var context = new CliContext(TextWriter.Null, error, false, _ => null);

        var exit = CompareCli.Guard(context, debug: false, () => throw new InvalidOperationException("the table\nis broken"));

        Assert.Equal(70, exit);
        Assert.Equal(
            "compare: internal error: InvalidOperationException: the table is broken (run again with --debug or COMPARE_DEBUG=1 to see where it failed, and include that when you report it)\n",
            error.ToString());
    }

    [Fact]
    public void Prints_the_stack_trace_of_an_internal_error_when_debugging()
    {
        using var error = new StringWriter();
        var context = new CliContext(TextWriter.Null, error, false, _ => null);

        var exit = CompareCli.Guard(context, debug: true, () => throw new InvalidOperationException("the table is broken"));

        Assert.Equal(70, exit);
        Assert.StartsWith("compare: internal error: InvalidOperationException: the table is broken\nSystem.InvalidOperationException: the table is broken\n   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(Prints_the_stack_trace_of_an_internal_error_when_debugging), error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--debug")]
    [InlineData("COMPARE_DEBUG")]
    public void Accepts_debugging_from_the_option_or_the_environment(string how)
    {
        var run = how == "--debug"
            ? CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB, "--debug")
            : CliRunner.Run(terminal: false, new() { ["COMPARE_DEBUG"] = "1" }, CliRunner.SeedA, CliRunner.SeedB);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRunner.Run(CliRunner.SeedA, CliRunner.SeedB).Out, run.Out);
    }

    [Fact]
    public void Shows_help_and_version()
    {
        var help = CliRunner.Run("--help");
        var version = CliRunner.Run("--version");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--format", help.Out, StringComparison.Ordinal);
        Assert.Contains("--threshold", help.Out, StringComparison.Ordinal);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+(\+[0-9a-f]{12})?\n$", version.Out);
    }

    [Fact]
    public async Task Prints_the_version_set_in_the_build_props_with_the_commit_it_was_built_from()
    {
        var declared = System.Xml.Linq.XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;
        var head = await Processes.RunAsync("git", ["rev-parse", "HEAD"], Repository.Root);

        var version = CliRunner.Run("--version");

        Assert.Equal($"{declared}+{head.Out.Trim()[..12]}\n", version.Out);
    }

    [Fact]
    public async Task Runs_end_to_end_as_a_process()
    {
        var run = await Processes.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "compare.dll"), Repository.SeedA, Repository.SeedB, "--format", "json"], Repository.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("seeds/karabakh-ceasefire-2023/000_941c97e82a71e750.txt", json.RootElement.GetProperty("sources")[0].GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("compare: unknown option --bogus (a document whose name starts with '-' is written ./--bogus) (see 'compare --help')", "--bogus", "a.txt", "b.txt")]
    [InlineData("compare: --threshold abc: use a similarity above 0 and at most 1, such as 0.33 (see 'compare --help')", "--threshold", "abc", "a.txt", "b.txt")]
    [InlineData("compare: --threshold 0: use a similarity above 0 and at most 1, such as 0.33 (see 'compare --help')", "--threshold", "0", "a.txt", "b.txt")]
    [InlineData("compare: --min-confidence 1.5: use a number from 0 to 1, such as 0.8 (see 'compare --help')", "--min-confidence", "1.5", "a.txt", "b.txt")]
    [InlineData("compare: --max-bytes lots: use a whole number of bytes from 1 to 1073741824 (see 'compare --help')", "--max-bytes", "lots", "a.txt", "b.txt")]
    [InlineData("compare: give 2 to 26 documents to compare; none was given (see 'compare --help')")]
    [InlineData("compare: give 2 to 26 documents to compare; 1 was given (see 'compare --help')", "a.txt")]
    [InlineData("compare: pr is a command and takes no documents (to compare a document named pr, write ./pr) (see 'compare pr --help')", "a.txt", "pr")]
    [InlineData("compare: standard input (-) can be read as one document only (see 'compare --help')", "-", "-")]
    public void Says_what_is_wrong_with_a_command_line_in_the_users_words(string message, params string[] args)
    {
        var run = CliRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message + "\n", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Refuses_more_documents_than_it_can_label_and_says_the_limit()
    {
        var run = CliRunner.Run([.. Enumerable.Repeat(CliRunner.SeedA, 27)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("compare: give 2 to 26 documents to compare; 27 were given (see 'compare --help')\n", run.Error);
    }

    [Fact]
    public void Compares_a_document_named_like_a_command_when_its_path_says_it_is_one()
    {
        var directory = Directory.CreateTempSubdirectory("compare-pr-named-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "pr"), "The quay reopened on Monday.\n");
            File.WriteAllText(Path.Combine(directory.FullName, "b.txt"), "The quay reopened on Tuesday.\n");
            var here = Environment.CurrentDirectory;
            Environment.CurrentDirectory = directory.FullName;
            try
            {
                var run = CliRunner.Run("./pr", "b.txt", "--format", "json");

                Assert.Equal(0, run.ExitCode);
                Assert.Contains("\"path\": \"./pr\"", run.Out, StringComparison.Ordinal);
            }
            finally
            {
                Environment.CurrentDirectory = here;
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Describes_two_to_twenty_six_documents_in_its_help()
    {
        var help = CliRunner.Run("--help");

        Assert.Contains("2 to 26 source documents", help.Out, StringComparison.Ordinal);
        Assert.Contains("The documents to compare, 2 to 26", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("two source documents", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_document_named_dash_from_standard_input()
    {
        var run = CliRunner.RunWithInput("Flood kills 40 in the valley\n\nRescue teams searched the riverbanks on Tuesday.\n", terminal: false, [], "-", CliRunner.SeedB, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("-", json.RootElement.GetProperty("sources")[0].GetProperty("path").GetString());
        Assert.Equal("Flood kills 40 in the valley", json.RootElement.GetProperty("sources")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Refuses_standard_input_larger_than_the_limit_as_it_refuses_a_file()
    {
        var run = CliRunner.RunWithInput(new string('x', 5000), terminal: false, [], "-", CliRunner.SeedB, "--max-bytes", "1000");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("compare: -: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Writes_text_on_a_terminal_and_markdown_when_piped_or_written_to_a_file_unless_a_format_is_given()
    {
        var terminal = CliRunner.Run(terminal: true, new() { ["NO_COLOR"] = "1" }, CliRunner.SeedA, CliRunner.SeedB);
        var piped = CliRunner.Run(terminal: false, [], CliRunner.SeedA, CliRunner.SeedB);
        var asked = CliRunner.Run(terminal: true, [], CliRunner.SeedA, CliRunner.SeedB, "--format", "markdown");

        Assert.Contains("[-must-] {+were supposed to+}", terminal.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", terminal.Out, StringComparison.Ordinal);
        Assert.StartsWith("## Source comparison", piped.Out, StringComparison.Ordinal);
        Assert.StartsWith("## Source comparison", asked.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_standard_input_as_a_process()
    {
        var run = await Processes.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "compare.dll"), "-", Repository.SeedB, "--format", "json"], Repository.Root, input: File.ReadAllText(Repository.PathOf(Repository.SeedA)));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(25, json.RootElement.GetProperty("sources")[0].GetProperty("statements").GetInt32());
    }

    [Theory]
    [InlineData("first-line")]
    [InlineData("one-paragraph")]
    public void Fails_on_a_conflicting_number_in_the_first_line_or_the_only_paragraph(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Data", "first-line");

        var run = CliRunner.Run(Path.Combine(directory, name + "-a.txt"), Path.Combine(directory, name + "-b.txt"), "--fail-on", "number");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("conflict", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("identical", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("empty", run.Out, StringComparison.Ordinal);
        Assert.Equal("compare: found number differences (--fail-on)\n", run.Error);
    }

    [Fact]
    public void Shows_only_labels_of_the_confidence_asked_for_and_every_label_with_zero()
    {
        var a = Path.Combine(AppContext.BaseDirectory, "Data", "confidence", "remark-a.txt");
        var b = Path.Combine(AppContext.BaseDirectory, "Data", "confidence", "remark-b.txt");

        var shown = CliRunner.Run(a, b, "--format", "text", "--min-confidence", "0.9");
        var all = CliRunner.Run(a, b, "--format", "text", "--min-confidence", "0");

        Assert.Equal((0, 0), (shown.ExitCode, all.ExitCode));
        Assert.DoesNotContain("quotation:", shown.Out, StringComparison.Ordinal);
        Assert.Contains("quotation: A quotes Mayor Ann Ward directly", all.Out, StringComparison.Ordinal);
    }
}
