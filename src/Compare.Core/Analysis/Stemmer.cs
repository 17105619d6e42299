using Lucene.Net.Tartarus.Snowball.Ext;

namespace Compare.Core.Analysis;

/// <summary>The Snowball (Porter 2) English stemmer from Lucene.Net, cached per thread: documents repeat their words.</summary>
internal static class Stemmer
{
    [ThreadStatic]
    private static StringTable? _stems;

    [ThreadStatic]
    private static EnglishStemmer? _stemmer;

    public static string Stem(string word)
    {
        var stems = _stems ??= new StringTable();
        if (stems.Find(word) is { } stem)
        {
            return stem;
        }

        var stemmer = _stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        stem = stemmer.Current;
        stems.Add(word, stem);
        return stem;
    }
}
