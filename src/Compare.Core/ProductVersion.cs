using System.Reflection;

namespace Compare.Core;

/// <summary>
/// The version of this tool, set once in <c>Directory.Build.props</c> for every assembly and package, with
/// the commit it was built from when the build knew it ("0.2.0+a90f7809e207").
/// </summary>
public static class ProductVersion
{
    /// <summary>How many hexadecimal digits of the commit are shown.</summary>
    private const int CommitDigits = 12;

    private static readonly string Informational =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version alone ("0.2.0").</summary>
    public static string Number { get; } = Informational.Split('+')[0];

    /// <summary>The version with the commit, shortened ("0.2.0+a90f7809e207"), or the version alone.</summary>
    public static string WithCommit { get; } =
        Informational.Split('+') is [var number, var commit, ..] ? $"{number}+{commit[..Math.Min(CommitDigits, commit.Length)]}" : Number;
}
