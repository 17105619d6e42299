using System.Text.RegularExpressions;
using Compare.Core.Analysis;
using Compare.Tests.Shared;

namespace Compare.Core.Tests;

public sealed partial class LexiconTests
{
    private static readonly string Lexicons = Path.Combine(Repository.Root, "src", "Compare.Core", "Lexicons");

    public static TheoryData<string> Files => [.. Directory.GetFiles(Lexicons).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_word_list_says_where_its_words_come_from(string file)
    {
        var header = File.ReadLines(Path.Combine(Lexicons, file)).TakeWhile(line => line.StartsWith('#')).ToList();

        Assert.NotEmpty(header);
        Assert.Contains(header, line => line.Contains("Provenance", StringComparison.Ordinal) || line.Contains("Made by", StringComparison.Ordinal));
    }

    [Fact]
    public void Has_every_class_of_grammar_words_the_rules_read()
    {
        var named = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Compare.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => GrammarClass().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("pronoun", named);
        Assert.All(named, wordClass => Assert.NotEmpty(Lexicon.Grammar(wordClass)));
    }

    [Fact]
    public void Reads_the_function_words_from_their_lists()
    {
        Assert.True(StopWords.Contains("the"));
        Assert.True(StopWords.Contains("according"));
        Assert.False(StopWords.Contains("ceasefire"));
        Assert.Contains("thursday", (IReadOnlySet<string>)Lexicon.Weekdays);
        Assert.Contains("september", (IReadOnlySet<string>)Lexicon.CalendarWords);
        Assert.Contains("being", (IReadOnlySet<string>)Lexicon.BeForms);
    }

    [GeneratedRegex("""Lexicon\.Grammar\("([a-z-]+)"\)""")]
    private static partial Regex GrammarClass();
}
