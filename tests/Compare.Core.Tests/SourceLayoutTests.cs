using Compare.Tests.Shared;

namespace Compare.Core.Tests;

public sealed class SourceLayoutTests
{
    [Fact]
    public void Keeps_every_source_file_short_enough_to_read_whole()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        Assert.All(files, path => Assert.True(File.ReadLines(path).Count() <= 500, $"{Path.GetRelativePath(Repository.Root, path)} has more than 500 lines"));
    }
}
