using System.Runtime;

namespace Compare.Cli;

/// <summary>
/// A one-shot comparison runs without garbage collection when what it will allocate is bounded: everything
/// it analyses stays alive until the report is written, so each collection would only copy survivors (about
/// a third of the run's time on the 8,000-sentence pair), and the process ends right after. The collector
/// is asked to hold off for <see cref="Budget"/> bytes, only when they are at most half the memory it may use
/// (it would agree to more than a container's memory limit, then run out of memory); past them, or when it
/// cannot hold off (another comparison in the same process holds it), it collects as usual.
/// </summary>
internal sealed class CollectionPause : IDisposable
{
    /// <summary>Below this many characters of input a comparison allocates too little to be collected more than once or twice.</summary>
    internal const long MinInputChars = 32 * 1024;

    /// <summary>Above this many characters of input a comparison collects as usual, so that its memory stays in proportion.</summary>
    internal const long MaxInputChars = 2 * 1024 * 1024;

    /// <summary>
    /// Bytes allocated per character of input, with room to spare: a comparison and its report allocate
    /// 150–290 (the most for HTML reports of many sources; <c>docs/performance.md</c>).
    /// </summary>
    private const long BytesPerChar = 384;

    /// <summary>What any comparison allocates whatever its input: the lexicons, the command line, the runtime.</summary>
    private const long FixedBytes = 16L * 1024 * 1024;

    private readonly bool _started;

    private CollectionPause(bool started) => _started = started;

    /// <summary>
    /// The bytes a comparison of <paramref name="inputChars"/> characters runs without collection for, or null
    /// when it collects as usual: when they would be more than half of <paramref name="availableBytes"/>, the
    /// memory the collector may use.
    /// </summary>
    internal static long? Budget(long inputChars, long availableBytes)
    {
        if (inputChars is < MinInputChars or > MaxInputChars)
        {
            return null;
        }

        var budget = FixedBytes + (BytesPerChar * inputChars);
        return budget <= availableBytes / 2 ? budget : null;
    }

    /// <summary>Holds off garbage collection for a comparison of <paramref name="inputChars"/> characters, until disposed (see <see cref="Budget"/>).</summary>
    public static CollectionPause Start(long inputChars)
    {
        if (Budget(inputChars, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is not { } budget)
        {
            return new CollectionPause(started: false);
        }

        try
        {
            // It collects first, fully if it must to free the budget: at the start of a comparison there is
            // little to collect (in a process that has run for long, such as a test host, it frees the budget).
            return new CollectionPause(GC.TryStartNoGCRegion(budget));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // Another comparison of this process holds it already, or the heap cannot give that much at once.
            return new CollectionPause(started: false);
        }
    }

    /// <summary>Lets the collector work again (if the budget ran out, it already does).</summary>
    public void Dispose()
    {
        if (!_started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The budget ran out between the check and the call: the collector already works again.
        }
    }
}
