using Compare.Core;

namespace Compare.Core.Tests;

internal static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Data", relative);

    public static SourceInput Read(string relative) => Comparison.ReadFile(PathOf(relative));

    public static ComparisonResult ComparePair(string name, CompareOptions? options = null) =>
        Comparison.Compare([Read($"alignment/{name}-a.txt"), Read($"alignment/{name}-b.txt")], options);
}
