namespace Compare.Tests.Shared;

/// <summary>Finds files of this repository from a test's output directory.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SeedA => Path.Combine("seeds", "karabakh-ceasefire-2023", "000_941c97e82a71e750.txt");

    public static string SeedB => Path.Combine("seeds", "karabakh-ceasefire-2023", "003_f434f24b0bbdd8d2.txt");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Compare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Compare.sln not found above " + AppContext.BaseDirectory);
    }
}
