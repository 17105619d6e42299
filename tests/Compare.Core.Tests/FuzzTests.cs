using System.Globalization;
using System.Text;
using Compare.Core.Tests.Fuzzing;
using Compare.Tests.Shared;

namespace Compare.Core.Tests;

/// <summary>
/// A property-based fuzzer over reading, segmentation, alignment and rendering: random documents
/// made of news sentences, hostile markup, Markdown syntax, values and odd Unicode must never crash
/// the comparison, and every report must stay safe. In the test run it tries 150 seeded document
/// pairs; <c>FUZZ_SECONDS=300 dotnet test Compare.sln --filter FullyQualifiedName~FuzzTests</c> runs it
/// for that long with fresh seeds (or from <c>FUZZ_SEED</c>) and saves the first failing pairs to
/// <c>Data/fuzz/</c>, where the replay test keeps them as regression tests.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Pieces =
    [
        "The port authority said that 140 vessels docked on Monday.", "It was claimed that the process would unfold in a coordinated manner.",
        "According to the agreement, the forces must lay down their weapons.", "The presumed forces were supposed to withdraw.",
        "The ceasefire took effect at 1:00 p.m. on September 20, 2023.", "The ceasefire took effect at 13:00 on 20 September 2023.",
        "About 100 people were killed.", "More than 200 ships docked.", "The fund holds $5 million.", "Inflation rose 4.5%.",
        "The ‘anti-terrorist operation’ ended.", "Troops left the Karabakh region of Azerbaijan.", "Troops left Nagorno-Karabakh.",
        "U.S. Dr. No. 5 e.g. a.m. p.m.", "4.5", "Police: 19 hurt.", ", say police.", "reportedly", "so-called", "“", "”", "‘", "’", "\"", "'",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</details>", "<details open>", "<!-- compare-report -->", "@octocat",
        "@org/team", "#123", "https://evil.example", "www.evil.example", "[x](javascript:alert(1))", "![i](http://x/i.png)", "|", "```", "~~~",
        "**", "__", "~~", "\\", "# ", "## ", "- ", "* ", "1. ", "> ", ">>>>>>>>", "    ", "\t", "\n", "\n\n", "\r\n", "\u00A0", "\u200B", "\u200D",
        "\u202E", "\u2067", "\u0301", "\u0301\u0301", "👩‍👩‍👧", "🇦🇿", "\uD83D", "\uDC00", "\uFFFD", "\u0007", "\u001b[31m", "\u000C", "הנמל נסגר.",
        "الميناء أغلق.", "Главная", "Photo: fifg/Shutterstock", "You Might Also Like", "Share this page", "Related: more", "Home › News",
        "...", "…", "!?", "(", ")", "[", "]", ":", ";", "—", "-", "1", "0", "99999999999999999999999", "9999999999999999999999999999999999999999", "99999999999999999999999999 trillion", "$79228162514264337593543950335 billion", "1e309", "12:99", "31 February 2023",
    ];

    public static TheoryData<string> Found =>
        [.. Directory.GetFiles(TestData.PathOf("fuzz"), "*-a.*").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => n!)];

    [Fact]
    public void Survives_random_documents_and_keeps_every_report_safe()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var firstSeed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given
            : seconds > 0 ? Environment.TickCount & int.MaxValue : 1;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var failures = new List<string>();
        for (var i = 0; seconds > 0 ? DateTime.UtcNow < deadline : i < 150; i++)
        {
            var seed = firstSeed + i;
            var (a, b) = Generate(new Random(seed));
            if (ReportInvariants.Check(a, b) is { } problem)
            {
                failures.Add($"seed {seed}: {problem}");
                if (seconds > 0 && failures.Count <= 5)
                {
                    Save(seed, a, b);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void Survives_random_documents_three_and_five_at_a_time()
    {
        // As the pairwise fuzzer: 40 seeds in the test run, or FUZZ_SECONDS of fresh ones.
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var firstSeed = seconds > 0 ? Environment.TickCount & int.MaxValue : 1;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var failures = new List<string>();
        for (var seed = firstSeed; seconds > 0 ? DateTime.UtcNow < deadline : seed < firstSeed + 40; seed++)
        {
            var random = new Random(seed);
            var count = seed % 2 == 0 ? 3 : 5;
            var sources = Enumerable.Range(0, (count + 1) / 2).SelectMany(_ => { var (a, b) = Generate(random); return new[] { a, b }; }).Take(count)
                .Select((source, i) => source with { Path = $"source-{i}.txt" }).ToList();
            if (ReportInvariants.Check(sources) is { } problem)
            {
                failures.Add($"seed {seed} ({count} sources): {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Found))]
    public void Replays_an_input_the_fuzzer_found(string name)
    {
        // A pair is -a and -b; a set of more sources goes on with -c, -d and -e.
        var sources = "abcde".Select(side => "fuzz/" + name.Replace("-a.", $"-{side}.", StringComparison.Ordinal))
            .TakeWhile(file => File.Exists(TestData.PathOf(file)))
            .Select(TestData.Read)
            .ToList();

        Assert.Null(ReportInvariants.Check(sources));
    }

    private static (SourceInput A, SourceInput B) Generate(Random random)
    {
        var pieces = Enumerable.Range(0, random.Next(1, 120)).Select(_ => Piece(random)).ToList();
        var edited = new List<string>(pieces);
        for (var edits = random.Next(0, 12); edits > 0 && edited.Count > 0; edits--)
        {
            var at = random.Next(edited.Count);
            switch (random.Next(4))
            {
                case 0: edited.RemoveAt(at); break;
                case 1: edited.Insert(at, Piece(random)); break;
                case 2: (edited[at], edited[^1]) = (edited[^1], edited[at]); break;
                default: edited.Insert(at, edited[random.Next(edited.Count)]); break;
            }
        }

        var extension = random.Next(2) == 0 ? ".md" : ".txt";
        return (new SourceInput("a" + extension, Join(random, pieces)), new SourceInput("b" + extension, Join(random, edited)));
    }

    private static string Piece(Random random) => random.Next(10) switch
    {
        0 => char.ConvertFromUtf32(random.Next(0x20, 0x2FFF)),
        1 => new string((char)random.Next(1, 0xFFFF), random.Next(1, 4)),
        _ => Pieces[random.Next(Pieces.Length)],
    };

    private static string Join(Random random, List<string> pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            text.Append(piece).Append(random.Next(4) == 0 ? "\n" : " ");
        }

        return text.ToString();
    }

    private static void Save(int seed, SourceInput a, SourceInput b)
    {
        var directory = Path.Combine(Repository.Root, "tests", "Compare.Core.Tests", "Data", "fuzz");
        File.WriteAllText(Path.Combine(directory, $"seed-{seed}-a{Path.GetExtension(a.Path)}"), a.Text);
        File.WriteAllText(Path.Combine(directory, $"seed-{seed}-b{Path.GetExtension(b.Path)}"), b.Text);
    }
}
