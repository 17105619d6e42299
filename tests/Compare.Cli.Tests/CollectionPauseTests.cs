using System.Globalization;
using System.Runtime;
using System.Text;

namespace Compare.Cli.Tests;

/// <summary>Counts garbage collections, so its tests run alone: no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(GarbageCollectorCounts), DisableParallelization = true)]
public sealed class GarbageCollectorCounts;

[Collection(nameof(GarbageCollectorCounts))]
public sealed class CollectionPauseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compare-pause-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Holds_off_collection_for_inputs_between_32_KiB_and_2_MiB_with_room_for_the_most_a_comparison_allocates()
    {
        foreach (var chars in new long[] { CollectionPause.MinInputChars, 400_000, 1_577_370, CollectionPause.MaxInputChars })
        {
            var budget = CollectionPause.Budget(chars);

            // The most measured: 290 bytes per character of input (an HTML report of twelve sources), and a few MB whatever the input.
            Assert.NotNull(budget);
            Assert.True(budget > (290 * chars) + (4 << 20), $"{budget} bytes for {chars} characters");
        }
    }

    [Fact]
    public void Collects_as_usual_for_short_inputs_and_for_inputs_over_2_MiB()
    {
        Assert.Null(CollectionPause.Budget(CollectionPause.MinInputChars - 1));
        Assert.Null(CollectionPause.Budget(0));
        Assert.Null(CollectionPause.Budget(CollectionPause.MaxInputChars + 1));
    }

    [Fact]
    public void Compares_a_long_pair_without_collecting_garbage_and_lets_the_collector_work_again_after()
    {
        var (a, b) = LongPair();
        var output = Path.Combine(_directory, "report.md");
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
        var (a, b) = LongPair();
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

    /// <summary>Two reports of about 200 KiB: the test data's paragraphs, numbered, over and over.</summary>
    private (string A, string B) LongPair()
    {
        string Long(string name)
        {
            var paragraph = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "long", name));
            var text = new StringBuilder();
            for (var i = 1; text.Length < 200 * 1024; i++)
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
