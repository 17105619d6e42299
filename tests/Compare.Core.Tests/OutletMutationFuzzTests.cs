using Compare.Core.Tests.Fuzzing;

namespace Compare.Core.Tests;

/// <summary>
/// The differential fuzzer on sentences of this repository: each is written twice as two outlets
/// might (quotes added, split or left unbalanced, ellipses, numbers spelled out or hyphenated,
/// qualifiers, brackets, dashes, attribution moved) and the two versions are compared. The long
/// campaign over the STS, iSTS and news sentences of <c>../shared/data</c> is <c>bench -- fuzz</c>;
/// what it finds is kept in <c>Data/fuzz/</c> and replayed by <see cref="FuzzTests"/>.
/// </summary>
public sealed class OutletMutationFuzzTests
{
    private static readonly string[] Sentences = File.ReadAllLines(TestData.PathOf("fuzz/sentences.txt"));

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static TheoryData<Mutation> Mutations => [.. Enum.GetValues<Mutation>()];

    [Fact]
    public void Survives_sentences_written_as_two_outlets_would_write_them()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var (a, b) = OutletMutator.Pair(Sentences[seed % Sentences.Length], random);
            if (ReportInvariants.Check(new SourceInput("a.txt", "Report\n\n" + a), new SourceInput("b.txt", "Report\n\n" + b), Bound) is { } problem)
            {
                failures.Add($"seed {seed}: {problem}\n  A: {a}\n  B: {b}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void Survives_documents_whose_sentences_two_outlets_write_differently_and_order_differently()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var a = new List<string>();
            var b = new List<string>();
            foreach (var sentence in Sentences.OrderBy(_ => random.Next()).Take(random.Next(2, 10)))
            {
                var (x, y) = OutletMutator.Pair(sentence, random);
                a.Add(x);
                b.Insert(random.Next(b.Count + 1), y);
            }

            var separator = seed % 2 == 0 ? "\n\n" : " ";
            if (ReportInvariants.Check(new SourceInput("a.md", string.Join(separator, a)), new SourceInput("b.md", string.Join(separator, b)), Bound) is { } problem)
            {
                failures.Add($"seed {seed}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void Survives_three_to_five_outlets_that_each_drop_reorder_and_rewrite_the_same_sentences()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var sentences = Sentences.OrderBy(_ => random.Next()).Take(random.Next(2, 8)).ToList();
            var sources = Enumerable.Range(0, 3 + (seed % 3)).Select(i => new SourceInput(
                $"outlet-{i}.txt",
                string.Join("\n\n", sentences.Where(_ => random.Next(5) > 0).Select(x => OutletMutator.Mutate(x, random, random.Next(0, 4))).OrderBy(_ => random.Next(3)))))
                .ToList();
            if (ReportInvariants.Check(sources, Bound) is { } problem)
            {
                failures.Add($"seed {seed}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Each_mutation_rewrites_sentences_that_have_what_it_edits(Mutation mutation)
    {
        var changed = Sentences.Count(s => OutletMutator.Apply(mutation, s, new Random(s.Length)) != s);

        Assert.True(changed >= Sentences.Length / 5, $"{mutation} changed {changed} of {Sentences.Length} sentences");
    }

    [Fact]
    public void Moves_an_attribution_from_the_end_of_a_sentence_to_its_front()
    {
        var moved = OutletMutator.Apply(Mutation.Attribution, "Prices rose 4.5% in October, the statistics office reported.", new Random(1));

        Assert.StartsWith("The statistics office reported", moved, StringComparison.Ordinal);
        Assert.EndsWith("prices rose 4.5% in October.", moved, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_a_time_on_the_other_clock()
    {
        Assert.Equal(
            "The ferry was due to leave at 09:45 but left late.",
            OutletMutator.Apply(Mutation.Values, "The ferry was due to leave at 9:45 a.m. but left late.", new Random(1)));
    }

    [Fact]
    public void Cuts_a_failing_pair_down_to_the_words_that_make_it_fail()
    {
        // A check that fails whenever the first text has "four" stands in for a crash.
        var (a, b) = ReportInvariants.Minimise(
            "One two three four five six.",
            "Seven eight nine ten.",
            "long: four",
            (x, y) => x.Contains("four", StringComparison.Ordinal) ? "long: four" : null);

        Assert.Equal("four ", a);
        Assert.Equal(string.Empty, b);
    }
}
