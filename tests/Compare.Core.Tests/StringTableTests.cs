using Compare.Core.Analysis;

namespace Compare.Core.Tests;

public sealed class StringTableTests
{
    [Fact]
    public void Finds_a_stored_string_by_its_characters_after_growing_past_its_first_size()
    {
        var table = new StringTable();
        var words = Enumerable.Range(0, 20_000).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var word in words)
        {
            table.Add(word, word.ToUpperInvariant());
        }

        Assert.All(words, word => Assert.Equal(word.ToUpperInvariant(), table.Find(word.AsSpan())));
        Assert.Null(table.Find("word20000".AsSpan()));
        Assert.Null(table.Find("wor".AsSpan()));
    }

    [Fact]
    public void Folds_the_same_word_to_one_shared_string()
    {
        var first = Tokenizer.Fold("Ceasefire".AsSpan());
        var second = Tokenizer.Fold("CEASEFIRE".AsSpan());

        Assert.Equal("ceasefire", first);
        Assert.Same(first, second);
    }
}
