using System.Collections.Frozen;

namespace Compare.Core.Analysis;

/// <summary>Function words: they carry no topic, so they neither index nor score statements.</summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = Lexicon.List("stop-words.tsv");

    public static bool Contains(string word) => Words.Contains(word);
}
