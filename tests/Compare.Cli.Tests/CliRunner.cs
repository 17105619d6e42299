using Compare.Tests.Shared;

namespace Compare.Cli.Tests;

internal sealed record CliRun(int ExitCode, string Out, string Error);

internal static class CliRunner
{
    public static CliRun Run(params string[] args) => Run(terminal: false, environment: [], args);

    public static CliRun Run(bool terminal, Dictionary<string, string> environment, params string[] args) => RunWithInput(input: null, terminal, environment, args);

    /// <summary>Runs the command with <paramref name="input"/> as its standard input.</summary>
    public static CliRun RunWithInput(string? input, bool terminal, Dictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, terminal, name => environment.GetValueOrDefault(name))
        {
            Input = () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input ?? string.Empty)),
        };
        var exit = CompareCli.Run(args, context);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static string SeedA => Repository.PathOf(Repository.SeedA);

    public static string SeedB => Repository.PathOf(Repository.SeedB);
}
