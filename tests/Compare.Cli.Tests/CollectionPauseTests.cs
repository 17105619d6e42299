using System.Globalization;
using System.Runtime;
using System.Text;
using Compare.Tests.Shared;

namespace Compare.Cli.Tests;

/// <summary>Counts garbage collections, so its tests run alone: no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(GarbageCollectorCounts), DisableParallelization = true)]
public sealed class GarbageCollectorCounts;

[Collection(nameof(GarbageCollectorCounts))]
public sealed class CollectionPauseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compare-pause-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A laptop's memory.</summary>
    private const long Plenty = 16L << 30;

    [Fact]
    public void Holds_off_collection_for_inputs_between_32_KiB_and_2_MiB_with_room_for_the_most_a_comparison_allocates()
    {
        foreach (var chars in new long[] { CollectionPause.MinInputChars, 400_000, 1_577_370, CollectionPause.MaxInputChars })
        {
            var budget = CollectionPause.Budget(chars, Plenty);

            // The most measured: 290 bytes per character of input (an HTML report of twelve sources), and a few MB whatever the input.
            Assert.NotNull(budget);
            Assert.True(budget > (290 * chars) + (4 << 20), $"{budget} bytes for {chars} characters");
        }
    }

    [Fact]
    public void Collects_as_usual_for_short_inputs_and_for_inputs_over_2_MiB()
    {
        Assert.Null(CollectionPause.Budget(CollectionPause.MinInputChars - 1, Plenty));
        Assert.Null(CollectionPause.Budget(0, Plenty));
        Assert.Null(CollectionPause.Budget(CollectionPause.MaxInputChars + 1, Plenty));
    }

    [Fact]
    public void Collects_as_usual_when_holding_off_would_take_more_than_half_the_memory_the_collector_may_use()
    {
        // The 8,000-sentence pair (1.5 MiB) in a container limited to 512 MiB: its 622 MB budget is too much.
        Assert.Null(CollectionPause.Budget(1_577_370, 512L << 20));
        Assert.NotNull(CollectionPause.Budget(1_577_370, 2L << 30));
        Assert.Null(CollectionPause.Budget(CollectionPause.MinInputChars, 32L << 20));
    }

    [Fact]
    public void Compares_a_long_pair_without_collecting_garbage_and_lets_the_collector_work_again_after()
    {
        var (a, b) = LongPair(kibibytes: 600);
        var output = Path.Combine(_directory, "report.md");
        Assert.NotNull(CollectionPause.Budget(2 * 600 * 1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)); // This machine has the memory.
        var before = GC.CollectionCount(0);

        var run = CliRunner.Run(a, b, "-o", output);

        // One collection starts the pause; a comparison of this length collects several times without it.
        Assert.Equal(0, run.ExitCode);
        Assert.InRange(GC.CollectionCount(0) - before, 0, 1);
        Assert.Contains("closed the northern pier", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Compares_as_usual_when_the_collector_is_already_held_off()
    {
        var (a, b) = LongPair(kibibytes: 200);
        var output = Path.Combine(_directory, "report.md");
        using (CollectionPause.Start(CollectionPause.MinInputChars))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

            var run = CliRunner.Run(a, b, "-o", output);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.Error);
        }

        Assert.Contains("closed the northern pier", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public async Task Compares_a_long_pair_within_a_container_s_memory_limit()
    {
        // A 128 MiB heap limit (hexadecimal), as a container's memory limit sets one: the budget of a 1.5 MiB pair
        // (600 MB) does not fit in it, and held off, the comparison would run out of memory at once.
        var (a, b) = LongPair(kibibytes: 750);
        var output = Path.Combine(_directory, "report.md");

        var run = await Processes.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "compare.dll"), a, b, "-o", output],
            _directory,
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "8000000" });

        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("closed the northern pier", File.ReadAllText(output), StringComparison.Ordinal);
    }

    /// <summary>Two reports of <paramref name="kibibytes"/> KiB each: the test data's paragraphs, numbered, over and over.</summary>
    private (string A, string B) LongPair(int kibibytes)
    {
        string Long(string name)
        {
            var paragraph = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "long", name));
            var text = new StringBuilder();
            for (var i = 1; text.Length < kibibytes * 1024; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"Part {i}.\n\n").Append(paragraph).Append('\n');
            }

            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, text.ToString());
            return path;
        }

        return (Long("report-a.txt"), Long("report-b.txt"));
    }
}
