using System.Globalization;
using System.Text;
using Compare.Core;

namespace Compare.Bench;

/// <summary>
/// Generates a pair of long reports for measuring speed and alignment at scale: the second report
/// rewords 70% of the first report's sentences (synonyms, dropped and added words, clauses swapped)
/// and moves them, and adds 30% new sentences. Deterministic for a seed.
/// Usage: <c>generate OUT_DIR [SENTENCES]</c> writes OUT_DIR/a.txt and OUT_DIR/b.txt (<see cref="Generate"/>).
/// </summary>
internal sealed class SyntheticCorpus
{
    private static readonly string[] Function =
        ["the", "of", "and", "in", "to", "a", "on", "for", "with", "by", "from", "at", "that", "was", "were", "has", "had", "its", "their", "after"];

    private static readonly string[] Syllables =
        ["ka", "ro", "mi", "ten", "sul", "dar", "vo", "len", "pra", "gi", "tor", "na", "bel", "shu", "qua", "rim", "fe", "zan", "lo", "chi", "mar", "des", "pol", "vin"];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly string[] _names;
    private readonly Dictionary<string, string> _synonyms = [];

    public SyntheticCorpus(int seed)
    {
        _random = new Random(seed);
        _vocabulary = [.. Enumerable.Range(0, 6000).Select(_ => Word(2 + _random.Next(3))).Distinct()];
        _names = [.. Enumerable.Range(0, 600).Select(_ => Capitalise(Word(2 + _random.Next(2))))];
    }

    /// <summary>The first report's sentences, the second report's, and for each of the second's the index of its original or -1.</summary>
    public (List<string> First, List<string> Second, List<int> Origin) Pair(int sentences)
    {
        var first = Enumerable.Range(0, sentences).Select(_ => Sentence()).ToList();
        var reworded = (int)(sentences * 0.7);
        var chosen = Enumerable.Range(0, sentences).OrderBy(_ => _random.Next()).Take(reworded).ToList();
        var second = chosen.Select(i => (Text: Reword(first[i]), Origin: i))
            .Concat(Enumerable.Range(0, sentences - reworded).Select(_ => (Text: Sentence(), Origin: -1)))
            .OrderBy(_ => _random.Next())
            .ToList();
        return (first, [.. second.Select(s => s.Text)], [.. second.Select(s => s.Origin)]);
    }

    public static string Document(string title, IEnumerable<string> sentences)
    {
        var text = new StringBuilder(title).Append("\n\n");
        var inParagraph = 0;
        foreach (var sentence in sentences)
        {
            text.Append(sentence);
            if (++inParagraph == 5)
            {
                text.Append("\n\n");
                inParagraph = 0;
            }
            else
            {
                text.Append(' ');
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The two generated reports as inputs (a.txt, b.txt), and for each of the second's sentences the index of its original or -1.</summary>
    public static (SourceInput[] Inputs, List<int> Origin) Inputs(int sentences, int seed = 42)
    {
        var (first, second, origin) = new SyntheticCorpus(seed).Pair(sentences);
        SourceInput[] inputs =
        [
            new("a.txt", Document("First report", first), SourceFormat.PlainText),
            new("b.txt", Document("Second report", second), SourceFormat.PlainText),
        ];
        return (inputs, origin);
    }

    /// <summary>
    /// <paramref name="sources"/> generated reports of one event: the first report, then rewordings of it,
    /// each with most of its sentences reworded and in its own order (for timing comparisons of many sources).
    /// </summary>
    public static SourceInput[] ManyInputs(int sentences, int sources, int seed = 42) => Many(sentences, sources, seed).Inputs;

    /// <summary>As <see cref="ManyInputs"/>, with, for each source's sentences, the index of the first report's sentence it tells (-1 for a new one).</summary>
    public static (SourceInput[] Inputs, List<int>[] Origins) Many(int sentences, int sources, int seed = 42)
    {
        var corpus = new SyntheticCorpus(seed);
        var first = Enumerable.Range(0, sentences).Select(_ => corpus.Sentence()).ToList();
        var rewordings = Enumerable.Range(1, sources - 1).Select(_ => corpus.Rewording(first)).ToList();
        SourceInput[] inputs =
        [
            new("source-0.txt", Document("Report 0", first), SourceFormat.PlainText),
            .. rewordings.Select((r, i) => new SourceInput($"source-{i + 1}.txt", Document($"Report {i + 1}", r.Select(s => s.Text)), SourceFormat.PlainText)),
        ];
        return (inputs, [[.. Enumerable.Range(0, sentences)], .. rewordings.Select(r => r.Select(s => s.Origin).ToList())]);
    }

    /// <summary>A report of the same event: 70% of the sentences reworded (each source its own way) and 30% new, in its own order; each with the index of its original or -1.</summary>
    private List<(string Text, int Origin)> Rewording(List<string> first)
    {
        var reworded = (int)(first.Count * 0.7);
        return
        [
            .. Enumerable.Range(0, first.Count).OrderBy(_ => _random.Next()).Take(reworded).Select(i => (Reword(first[i]), i))
                .Concat(Enumerable.Range(0, first.Count - reworded).Select(_ => (Sentence(), -1)))
                .OrderBy(_ => _random.Next()),
        ];
    }

    /// <summary><c>generate OUT_DIR [SENTENCES] [--sources N]</c>: the pair, or N reports of one event as <see cref="ManyInputs"/> makes them (source-0.txt …).</summary>
    public static int Generate(string[] args)
    {
        var many = Array.IndexOf(args, "--sources");
        var sources = many >= 0 ? int.Parse(args[many + 1], CultureInfo.InvariantCulture) : 0;
        var rest = many >= 0 ? [.. args[..many], .. args[(many + 2)..]] : args;
        var directory = rest.Length > 0 ? rest[0] : "corpus";
        var sentences = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 8000;
        Directory.CreateDirectory(directory);
        var inputs = sources > 0 ? ManyInputs(sentences, sources) : Inputs(sentences).Inputs;
        foreach (var input in inputs)
        {
            File.WriteAllText(Path.Combine(directory, input.Path), input.Text);
        }

        Console.WriteLine($"wrote {string.Join(", ", inputs.Select(i => $"{directory}/{i.Path}"))} ({sentences} sentences each)");
        return 0;
    }

    internal string Sentence()
    {
        var words = new List<string>();
        var length = 10 + _random.Next(10);
        while (words.Count < length)
        {
            var roll = _random.NextDouble();
            words.Add(roll switch
            {
                < 0.40 => Function[_random.Next(Function.Length)],
                < 0.50 => _names[Zipf(_names.Length)],
                < 0.53 => _random.Next(2, 900).ToString(CultureInfo.InvariantCulture),
                _ => _vocabulary[Zipf(_vocabulary.Length)],
            });
        }

        if (length > 14)
        {
            words[length / 2] += ",";
        }

        return Capitalise(string.Join(' ', words)) + ".";
    }

    /// <summary>Replaces about a quarter of the content words with synonyms, drops some words, adds some, and may swap the clauses.</summary>
    internal string Reword(string sentence)
    {
        var clauses = sentence.TrimEnd('.').Split(", ");
        if (clauses.Length == 2 && _random.NextDouble() < 0.3)
        {
            clauses = [clauses[1], clauses[0]];
        }

        var words = string.Join(", ", clauses).Split(' ').ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].TrimEnd(',');
            var roll = _random.NextDouble();
            if (roll < 0.25 && !Function.Contains(word.ToLowerInvariant()))
            {
                words[i] = words[i].Replace(word, Synonym(word), StringComparison.Ordinal);
            }
            else if (roll < 0.33)
            {
                words.RemoveAt(i);
                i--;
            }
        }

        for (var k = _random.Next(3); k > 0; k--)
        {
            words.Insert(_random.Next(words.Count + 1), _vocabulary[Zipf(_vocabulary.Length)]);
        }

        return Capitalise(string.Join(' ', words).ToLowerInvariant().Trim(',', ' ')) + ".";
    }

    private string Synonym(string word)
    {
        var key = word.ToLowerInvariant();
        if (!_synonyms.TryGetValue(key, out var synonym))
        {
            _synonyms[key] = synonym = Word(3);
        }

        return synonym;
    }

    private int Zipf(int n)
    {
        // Roughly Zipf-distributed ranks: many rare words, few frequent ones.
        var u = _random.NextDouble();
        return Math.Min(n - 1, (int)Math.Floor(Math.Exp(u * Math.Log(n + 1)) - 1));
    }

    private string Word(int syllables)
    {
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            word.Append(Syllables[_random.Next(Syllables.Length)]);
        }

        return word.ToString();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
