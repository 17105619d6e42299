using System.Collections.Concurrent;

namespace Compare.Core;

/// <summary>Maps independent items on all cores, keeping their order (so output stays deterministic).</summary>
internal static class Parallelism
{
    /// <summary>Below this many items the work is done on the calling thread.</summary>
    private const int MinimumItems = 256;

    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> map) =>
        Map(items, (item, _) => map(item));

    /// <summary>Maps items with their index; <paramref name="minimumItems"/> is the count from which it is worth using more cores (large items need few).</summary>
    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, int, TResult> map, int minimumItems = MinimumItems)
    {
        var results = new TResult[items.Count];
        if (items.Count < minimumItems || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = map(items[i], i);
            }

            return results;
        }

        var rangeSize = Math.Max(1, items.Count / (Environment.ProcessorCount * 8));
        try
        {
            Parallel.ForEach(Partitioner.Create(0, items.Count, rangeSize), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    results[i] = map(items[i], i);
                }
            });
        }
        catch (AggregateException ex)
        {
            // The caller sees the error itself (an InputException stays one), as on one core.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.Flatten().InnerExceptions[0]);
        }

        return results;
    }
}
