using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Compare.Core.Analysis;

/// <summary>The Snowball (Porter 2) English stemmer from Lucene.Net, cached: documents repeat their words.</summary>
internal static class Stemmer
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    private static int _cached;

    [ThreadStatic]
    private static EnglishStemmer? _stemmer;

    public static string Stem(string word)
    {
        if (Cache.TryGetValue(word, out var stem))
        {
            return stem;
        }

        var stemmer = _stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        stem = stemmer.Current;
        if (Interlocked.Increment(ref _cached) < 200_000)
        {
            Cache.TryAdd(word, stem);
        }

        return stem;
    }
}
