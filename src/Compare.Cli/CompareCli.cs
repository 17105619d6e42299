using System.CommandLine;
using System.CommandLine.Help;
using CultureInfo = System.Globalization.CultureInfo;
using NumberStyles = System.Globalization.NumberStyles;
using Compare.Core;

namespace Compare.Cli;

/// <summary>What the command line runs against: its streams and environment, so tests can run it in-process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OutputIsTerminal">Whether standard output is a terminal (the text format, in colour, unless a format is asked for).</param>
/// <param name="Environment">Reads an environment variable.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool OutputIsTerminal, Func<string, string?> Environment)
{
    /// <summary>How <c>compare pr</c> waits before it asks GitHub again (tests pass one that does not wait).</summary>
    public Func<TimeSpan, Task>? Delay { get; init; }

    /// <summary>Opens standard input, the document named <c>-</c>.</summary>
    public Func<Stream> Input { get; init; } = () => Stream.Null;

    public static CliContext FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, System.Environment.GetEnvironmentVariable) { Input = Console.OpenStandardInput };
}

/// <summary>The exit codes of the command (see PRODUCT.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int FailOnMatched = 1;
    public const int UsageOrInput = 2;
    public const int InternalError = 70;
}

/// <summary>The <c>compare</c> command line.</summary>
internal static class CompareCli
{
    public static int Run(string[] args, CliContext context)
    {
        var root = Build(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction or null)
        {
            var message = OneLine(string.Join(' ', parse.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            var command = parse.CommandResult.Command is RootCommand ? "compare" : "compare " + parse.CommandResult.Command.Name;
            context.Error.Write($"compare: {message} (see '{command} --help')\n");
            return ExitCodes.UsageOrInput;
        }

        if (parse.Action is HelpAction && parse.CommandResult.Command is not RootCommand)
        {
            // A subcommand's help would show the root's <documents> as its own ("compare <documents>... pr"):
            // the subcommand takes none of them.
            using var help = new StringWriter();
            parse.Invoke(new InvocationConfiguration { Output = help, Error = context.Error });
            context.Out.Write(SubcommandHelp(help.ToString(), parse.CommandResult.Command.Name));
            return ExitCodes.Success;
        }

        return parse.Invoke(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>A subcommand's help without the root command's arguments, which it does not take.</summary>
    internal static string SubcommandHelp(string help, string name)
    {
        var lines = help.ReplaceLineEndings("\n").Split('\n').ToList();
        var arguments = lines.IndexOf("Arguments:");
        if (arguments >= 0)
        {
            var end = arguments + 1;
            while (end < lines.Count && lines[end].Length > 0)
            {
                end++;
            }

            lines.RemoveRange(arguments, Math.Min(end + 1, lines.Count) - arguments);
        }

        // The usage line names the root by its executable (compare, or a host that runs it in-process).
        var usage = $" [<documents>...] {name}";
        return string.Join('\n', lines.Select(l => l.Contains(usage, StringComparison.Ordinal) ? $"  compare {name}{l[(l.IndexOf(usage, StringComparison.Ordinal) + usage.Length)..]}" : l));
    }

    /// <summary>The root command: <c>compare A B [C …] [--format markdown|json|text|html] [-o FILE] [--threshold X] [--fail-on KINDS]</c>.</summary>
    public static RootCommand Build(CliContext context)
    {
        // Any number of documents parses, so that too few or too many, or an option it does not know, is said in
        // the user's words rather than the parser's.
        var sources = new Argument<string[]>("documents")
        {
            Description = $"The documents to compare, 2 to {Comparison.MaxSources} (plain text or Markdown, UTF-8; - reads standard input).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        sources.Validators.Add(result =>
        {
            if (result.Tokens.Count(t => t.Value == "-") > 1)
            {
                result.AddError("standard input (-) can be read as one document only");
            }
        });
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: markdown (default), json, text, or html (one self-contained page with the sources side by side).",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "json", "text", "html");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE (whole or not at all) instead of standard output.",
            HelpName = "FILE",
        };
        var threshold = ThresholdOption();
        var minConfidence = MinConfidenceOption();
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Refuse documents larger than N bytes.",
            DefaultValueFactory = _ => CompareOptions.Default.MaxDocumentBytes,
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= CompareOptions.MaxDocumentBytesLimit)
                {
                    return value;
                }

                result.AddError($"--max-bytes {text}: use a whole number of bytes from 1 to {CompareOptions.MaxDocumentBytesLimit}");
                return 0;
            },
        };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit with code 1 when a difference of these kinds is found (comma-separated: attribution, hedge, modality, quotation, naming, number, date, time, addition, omission, wording).",
            HelpName = "KINDS",
        };

        var debug = new Option<bool>("--debug")
        {
            Description = "Print the stack trace of an internal error (as COMPARE_DEBUG=1 does), to report it.",
            Recursive = true,
        };

        var root = new RootCommand($"Aligns corresponding statements across 2 to {Comparison.MaxSources} source documents and reports where they differ.")
        {
            sources, format, output, threshold, minConfidence, failOn, maxBytes, debug,
        };
        root.Validators.Add(result =>
        {
            var tokens = result.GetResult(sources)?.Tokens.Select(t => t.Value).ToList() ?? [];
            var count = tokens.Count;
            if (result.Children.OfType<System.CommandLine.Parsing.CommandResult>().Any())
            {
                return; // A subcommand: it says what it takes.
            }

            if (tokens.FirstOrDefault(t => t.Length > 1 && t[0] == '-') is { } unknown)
            {
                result.AddError($"unknown option {unknown} (a document whose name starts with '-' is written ./{unknown})");
            }
            else if (count is < 2 or > Comparison.MaxSources)
            {
                result.AddError($"give 2 to {Comparison.MaxSources} documents to compare; {(count == 0 ? "none was" : count == 1 ? "1 was" : $"{count} were")} given");
            }
        });
        root.Subcommands.Add(PullRequestCommand(context, debug));
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion(context);
        }

        root.SetAction(parse => Guard(context, Debugging(context, parse, debug), () =>
        {
            var options = CompareOptions.Default with
            {
                Threshold = parse.GetValue(threshold), MinConfidence = parse.GetValue(minConfidence), MaxDocumentBytes = parse.GetValue(maxBytes),
            };
            var gate = DifferenceKinds.Parse(parse.GetValue(failOn));
            var paths = parse.GetRequiredValue(sources);
            var path = parse.GetValue(output);
            if (path is not null)
            {
                OutputFile.Check(path, paths); // Before any work: never over an input, never into a missing folder.
            }

            var inputs = paths.Select(document => document == "-" ? ReadStandardInput(context, options) : Comparison.ReadFile(document, options)).ToList();
            using var pause = CollectionPause.Start(inputs.Sum(i => (long)i.Text.Length));
            var result = Comparison.Compare(inputs, options);
            foreach (var warning in result.Warnings)
            {
                context.Error.Write($"compare: warning: {OneLine(warning)}\n");
            }

            // As git and ls do: on a terminal, the format made to be read there; piped or written to a file, Markdown.
            var chosen = parse.GetResult(format) is { Implicit: false } ? parse.GetValue(format) : path is null && context.OutputIsTerminal ? "text" : "markdown";
            var reportFormat = chosen switch
            {
                "json" => ReportFormat.Json,
                "text" => ReportFormat.Text,
                "html" => ReportFormat.Html,
                _ => ReportFormat.Markdown,
            };
            var color = reportFormat == ReportFormat.Text && path is null && context.OutputIsTerminal
                        && string.IsNullOrEmpty(context.Environment("NO_COLOR"));
            if (path is null)
            {
                Report.Write(result, reportFormat, context.Out, color);
            }
            else
            {
                OutputFile.Write(path, writer => Report.Write(result, reportFormat, writer, color), paths);
            }

            var found = result.Alignments.SelectMany(g => g.Differences).Select(d => d.Kind).Where(gate.Contains).Distinct().Order().ToList();
            if (found.Count > 0)
            {
                context.Error.Write($"compare: found {string.Join(", ", found.Select(DifferenceKinds.Name))} differences (--fail-on)\n");
                return ExitCodes.FailOnMatched;
            }

            return ExitCodes.Success;
        }));
        return root;
    }

    /// <summary>
    /// <c>compare pr</c>: the GitHub Action's command. Reads the Actions environment; options override it
    /// for a run by hand (<c>compare pr --repo owner/name --pr 7</c>).
    /// </summary>
    private static Command PullRequestCommand(CliContext context, Option<bool> debug)
    {
        var repo = new Option<string?>("--repo") { Description = "The repository, owner/name (default: GITHUB_REPOSITORY).", HelpName = "OWNER/NAME" };
        var number = new Option<int?>("--pr")
        {
            Description = "The pull request number (default: from GITHUB_EVENT_PATH).",
            HelpName = "NUMBER",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
                {
                    return value;
                }

                result.AddError($"--pr {text}: not a pull request number (use a whole number such as 7)");
                return null;
            },
        };
        var token = new Option<string?>("--token") { Description = "The GitHub token (default: GITHUB_TOKEN).", HelpName = "TOKEN" };
        var baseSha = new Option<string?>("--base") { Description = "The base commit (default: from GITHUB_EVENT_PATH).", HelpName = "SHA" };
        var paths = new Option<string>("--paths") { Description = "Which changed files are documents (glob).", DefaultValueFactory = _ => "seeds/**", HelpName = "GLOB" };
        // A string, not a bool: a bool option leaves a value it cannot read ("yes") to be an unknown argument.
        var comment = new Option<string>("--comment")
        {
            Description = "Create or update the pull request comment: true or false (also yes/no, on/off, 1/0).",
            DefaultValueFactory = _ => "true",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "true|false",
            CustomParser = result => result.Tokens.Count == 0 || Flag(result, "--comment") ? "true" : "false",
        };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with code 1 when a difference of these kinds is found.", HelpName = "KINDS" };
        var threshold = ThresholdOption();
        var minConfidence = MinConfidenceOption();
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the full report.", HelpName = "FILE" };
        var author = new Option<string?>("--comment-author")
        {
            Description = "The login whose marked comment to update (default: whom the token acts as, e.g. my-app[bot]).",
            HelpName = "LOGIN",
        };
        var tag = new Option<string?>("--comment-tag")
        {
            Description = "Keep a report of its own under this tag (one comment per job or matrix leg; default: the one untagged report).",
            HelpName = "TAG",
        };
        var htmlDirectory = new Option<string?>("--html-dir")
        {
            Description = "Also write an HTML page per comparison, with the sources side by side, and an index.html into DIR.",
            HelpName = "DIR",
        };
        var htmlLink = new Option<Uri?>("--html-link")
        {
            Description = "Where reviewers find the HTML pages (e.g. the workflow run's artifacts), linked from the comment.",
            HelpName = "URL",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                {
                    return uri;
                }

                result.AddError($"--html-link {text}: use an http or https address");
                return null;
            },
        };
        var command = new Command("pr", "Compares the documents a pull request adds or changes and keeps one report comment up to date (the GitHub Action).")
        {
            repo, number, token, baseSha, paths, comment, failOn, threshold, minConfidence, output, author, tag, htmlDirectory, htmlLink,
        };
        // "compare a.txt pr" would run this command with a document it ignores: a document named pr is ./pr.
        command.Validators.Add(result =>
        {
            if (result.Parent is System.CommandLine.Parsing.CommandResult root && root.Children.OfType<System.CommandLine.Parsing.ArgumentResult>().Any(a => a.Tokens.Count > 0))
            {
                result.AddError("pr is a command and takes no documents (to compare a document named pr, write ./pr)");
            }
        });
        command.SetAction(parse => Guard(context, Debugging(context, parse, debug), () =>
        {
            var run = Compare.GitHub.PullRequestRun.FromEnvironment(context.Environment, parse.GetValue(repo), parse.GetValue(number), parse.GetValue(token));
            run = run with
            {
                BaseSha = parse.GetValue(baseSha) ?? run.BaseSha,
                Paths = parse.GetValue(paths) ?? "seeds/**",
                Comment = parse.GetValue(comment) == "true",
                FailOn = DifferenceKinds.Parse(parse.GetValue(failOn)),
                Options = CompareOptions.Default with { Threshold = parse.GetValue(threshold), MinConfidence = parse.GetValue(minConfidence) },
                ReportPath = parse.GetValue(output) ?? run.ReportPath,
                CommentAuthor = parse.GetValue(author) is { Length: > 0 } login ? login : null,
                CommentTag = parse.GetValue(tag) is { Length: > 0 } name ? name : null,
                HtmlDirectory = parse.GetValue(htmlDirectory) is { Length: > 0 } folder ? folder : null,
                HtmlLink = parse.GetValue(htmlLink),
            };
            var outcome = Compare.GitHub.PullRequestAction.RunAsync(run, context.Out, context.Delay).GetAwaiter().GetResult();
            context.Out.Write(outcome.ReportPath is null
                ? "compare: nothing reported: GitHub could not be reached\n"
                : $"compare: {outcome.Documents.Count} documents, {outcome.Differences} labelled differences; report {outcome.ReportPath}{(outcome.CommentUrl is { } url ? "; comment " + url : string.Empty)}\n");
            return outcome.ExitCode;
        }));
        return command;
    }

    /// <summary>The similarity threshold, a number above 0 and at most 1, refused in the user's words when it is anything else.</summary>
    private static Option<double> ThresholdOption() => FractionOption(
        "--threshold", "Similarity (0 to 1) below which statements stay unmatched.", CompareOptions.Default.Threshold, "a similarity above 0 and at most 1", zero: false);

    /// <summary>The confidence a label needs to be shown, a number from 0 to 1, refused in the user's words when it is anything else.</summary>
    private static Option<double> MinConfidenceOption() => FractionOption(
        "--min-confidence",
        "Show only labels of a sort right at least this often (0 to 1) on real articles; 0 shows every label.",
        CompareOptions.Default.MinConfidence,
        "a number from 0 to 1",
        zero: true);

    /// <summary>An option that takes a number from 0 (when <paramref name="zero"/>; else above it) to 1, refused as <paramref name="what"/> otherwise.</summary>
    private static Option<double> FractionOption(string name, string description, double fallback, string what, bool zero) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        HelpName = "X",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && (zero ? value >= 0 : value > 0) && value <= 1)
            {
                return value;
            }

            result.AddError($"{name} {text}: use {what}, such as {fallback.ToString(CultureInfo.InvariantCulture)}");
            return fallback;
        },
    };

    /// <summary>Standard input as a document named <c>-</c>, read up to the size limit and refused past it as a file is.</summary>
    private static SourceInput ReadStandardInput(CliContext context, CompareOptions options)
    {
        using var input = context.Input();
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxDocumentBytes)
            {
                break; // Enough to be refused as too large, without reading an endless stream to its end.
            }
        }

        return Comparison.ReadBytes("-", buffer.ToArray(), options);
    }

    private sealed class PrintVersion(CliContext context) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Out.Write(ProductVersion.WithCommit + "\n");
            return ExitCodes.Success;
        }
    }

    /// <summary>A yes/no value as people and workflow files write it.</summary>
    private static bool Flag(System.CommandLine.Parsing.ArgumentResult result, string name)
    {
        switch (result.Tokens[0].Value.ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1":
                return true;
            case "false" or "no" or "off" or "0":
                return false;
            default:
                result.AddError($"{name} {result.Tokens[0].Value}: use true or false");
                return false;
        }
    }

    /// <summary>A message as one line for standard error: a file name's line breaks and terminal escapes shown, never obeyed.</summary>
    internal static string OneLine(string message) => Compare.Core.Reading.ControlCharacters.Show(message.ReplaceLineEndings(" "));

    private static bool Debugging(CliContext context, ParseResult parse, Option<bool> debug) =>
        parse.GetValue(debug) || context.Environment("COMPARE_DEBUG") is { Length: > 0 } value && value != "0";

    /// <summary>
    /// The one place where errors become exit codes: input errors are a line on stderr and 2, never a
    /// stack trace; an internal error is one line too, with its stack trace when debugging.
    /// </summary>
    internal static int Guard(CliContext context, bool debug, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (InputException ex)
        {
            context.Error.Write($"compare: {OneLine(ex.Message)}\n");
            return ExitCodes.UsageOrInput;
        }
#pragma warning disable CA1031 // The last line of defence: one line, no stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Error.Write($"compare: internal error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            context.Error.Write(debug
                ? $"\n{ex.ToString().ReplaceLineEndings("\n")}\n"
                : " (run again with --debug or COMPARE_DEBUG=1 to see where it failed, and include that when you report it)\n");
            return ExitCodes.InternalError;
        }
    }
}
