using Compare.Core.Analysis;
using Compare.Core.Diffing;

namespace Compare.Core.Tests;

public sealed class DifferenceKindTests
{
    /// <summary>The cases of every kind: one table per detector in <c>Data/differences/cases/</c>.</summary>
    private static readonly Dictionary<string, string[]> Cases = Directory.GetFiles(TestData.PathOf("differences/cases"), "*.tsv")
        .Order(StringComparer.Ordinal)
        .SelectMany(File.ReadAllLines)
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => line.Split('\t'))
        .ToDictionary(columns => columns[0], columns => columns);

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static (List<Difference> Differences, List<SameValue> Same) Classify(string a, string b)
    {
        var left = StatementAnalyzer.Analyze(new Statement(0, 0, a, 1, 1));
        var right = StatementAnalyzer.Analyze(new Statement(1, 0, b, 1, 1));
        return DifferenceFinder.Find(WordDiff.Diff([left], [right]), [left], [right]);
    }

    private static List<string> Kinds(string column) =>
        column == "-" ? [] : [.. column.Split(',', StringSplitOptions.TrimEntries)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Labels_each_difference_as_the_case_file_says(string name)
    {
        var columns = Cases[name];
        var (differences, same) = Classify(columns[1], columns[2]);
        var found = differences.Select(d => DifferenceKinds.Name(d.Kind))
            .Concat(same.Select(v => "same:" + DifferenceKinds.Name(v.Kind)))
            .ToHashSet();
        var report = string.Join("\n", differences.Select(d => $"{d.Kind}: {d.Detail}").Concat(same.Select(v => $"same {v.Kind}: {v.Detail}")));

        foreach (var kind in Kinds(columns[3]))
        {
            Assert.True(found.Contains(kind), $"expected {kind} in:\n{report}");
        }

        foreach (var kind in Kinds(columns[4]))
        {
            Assert.False(found.Contains(kind), $"did not expect {kind} in:\n{report}");
        }
    }

    [Fact]
    public void Reads_a_statement_inside_a_quote_that_runs_over_several_as_quoted()
    {
        var result = Comparison.Compare([TestData.Read("differences/quote-over-statements-a.txt"), TestData.Read("differences/quote-over-statements-b.txt")]);

        var group = Assert.Single(result.Alignments, g => g.Statements.Any(s => s.Text == "Turn the ferry around!"));
        Assert.DoesNotContain(group.Differences, d => d.Kind is DifferenceKind.Quotation or DifferenceKind.Attribution);
    }

    [Fact]
    public void Says_who_is_said_to_speak_and_with_what_stance()
    {
        var (differences, _) = Classify(
            "An agreement was reached on a complete ceasefire.",
            "An agreement has been reached, with Azerbaijan claiming that it would cease hostilities.");

        var attribution = Assert.Single(differences, d => d.Kind == DifferenceKind.Attribution);
        Assert.Equal(1, attribution.Source);
        Assert.Equal("Azerbaijan claiming that", attribution.Text);
        Assert.Equal("A states it as fact; B attributes it to Azerbaijan: “Azerbaijan claiming that” (claiming: distancing)", attribution.Detail);
    }

    [Theory]
    [InlineData("Mr. Ortiz, speaking outside the court, claimed that the trial was rigged.", "Mr. Ortiz")]
    [InlineData("The bill drew criticism from Senator Ana Ruiz, who claimed it was rushed.", "Senator Ana Ruiz")]
    [InlineData("The Union of Dock Workers claimed that wages would rise.", "The Union of Dock Workers")]
    [InlineData("Theodore Marsh Jr., a lawyer for the port, claimed that wages would rise.", "Theodore Marsh Jr.")]
    [InlineData("Ann Ward, who placed second in a 2019 poll of harbour pilots and crane/dock workers, claimed that wages would rise.", "Ann Ward")]
    [InlineData("Officials who spoke on condition of anonymity claimed that the trial was rigged.", "Officials")]
    public void Takes_the_whole_speaker_before_an_aside_a_relative_clause_or_of(string attributed, string speaker)
    {
        var (differences, _) = Classify("Wages would rise and the trial was rigged and the bill was rushed.", attributed);

        var attribution = Assert.Single(differences, d => d.Kind == DifferenceKind.Attribution);
        Assert.StartsWith($"A states it as fact; B attributes it to {speaker}: ", attribution.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The ceasefire took effect at noon.", "Azerbaijan claimed that the ceasefire took effect at noon.", AttributionChange.StatedAsFact)]
    [InlineData("The ministry said that twelve people died in the blast.", "The rebels said that twelve people died in the blast.", AttributionChange.Speaker)]
    [InlineData("The ministry confirmed that twelve people died in the blast.", "The ministry denied that twelve people died in the blast.", AttributionChange.Stance)]
    public void Says_what_an_attribution_difference_is_as_data_not_only_in_words(string a, string b, AttributionChange change)
    {
        var (differences, _) = Classify(a, b);

        var attribution = Assert.Single(differences, d => d.Kind == DifferenceKind.Attribution);
        Assert.Equal(change, attribution.Attribution);
        Assert.Equal(change == AttributionChange.StatedAsFact ? 0 : null, attribution.StatedAsFactBy);
    }

    [Fact]
    public void Gives_the_frames_of_an_attribution_as_data()
    {
        var (differences, _) = Classify(
            "The ministry confirmed that twelve people died in the blast.",
            "The ministry denied that twelve people died in the blast.");

        var facts = Assert.IsType<AttributionDetail>(Assert.Single(differences, d => d.Kind == DifferenceKind.Attribution).Facts);
        Assert.Equal(AttributionChange.Stance, facts.Change);
        Assert.Equal(("The ministry", "denied", Stance.Denying), (facts.Frame.Speaker, facts.Frame.Verb, facts.Frame.Stance));
        Assert.Equal(("The ministry", "confirmed", Stance.Confirming), (facts.Other?.Speaker, facts.Other?.Verb, facts.Other?.Stance));
    }

    [Fact]
    public void Gives_the_modals_of_each_side_and_their_strength_as_data()
    {
        var (differences, _) = Classify("The ferries must stop at the harbour.", "The ferries may stop at the harbour.");

        var facts = Assert.IsType<ModalityDetail>(Assert.Single(differences, d => d.Kind == DifferenceKind.Modality).Facts);
        Assert.Equal(["must"], facts.First);
        Assert.Equal(["may"], facts.Second);
        Assert.Equal((ModalStrength.Strong, ModalStrength.Weak), facts.Strength);
    }

    [Fact]
    public void Writes_a_value_both_give_alike_with_the_first_source_words_first_whichever_side_is_vague()
    {
        var (_, same) = Classify(
            "The eight-month harbour inquiry ended when the board resigned.",
            "The monthslong harbour inquiry ended when the board resigned.");

        var value = Assert.Single(same);
        Assert.Equal(SameValueBasis.Compatible, value.Basis);
        Assert.Equal(value.Texts[0] + " ~ " + value.Texts[1] + ", compatible", value.Detail);
        Assert.Equal("monthslong", value.Texts[1]);
    }

    [Fact]
    public void Reads_a_frame_s_speaker_again_when_its_referent_or_speaker_is_set()
    {
        var frame = new Frame("he", "said", "say", Stance.Neutral, "he said", 0, 7, 8, 30);
        var resolved = frame with { Referent = "Ann Ward" };
        var officials = resolved with { Referent = string.Empty, Speaker = "port officials" };

        Assert.Equal(("*", false), (frame.SpeakerKey, frame.IsNamed));
        Assert.Equal(("ward", true), (resolved.SpeakerKey, resolved.IsNamed));
        Assert.Equal(("officials", false), (officials.SpeakerKey, officials.IsNamed));
    }

    [Fact]
    public void Reads_who_speaks_once_as_a_name_a_document_and_surnames_and_again_for_a_referent()
    {
        var senator = new Frame("Senate Leader Chuck Schumer's aide", "said", "say", Stance.Neutral, "Senate Leader Chuck Schumer's aide said", 0, 38, 39, 60);
        var filing = new Frame("court documents", "said", "say", Stance.Neutral, "court documents said", 0, 20, 21, 60);
        var proponents = new Frame("the bill's proponents", "said", "say", Stance.Neutral, "the bill's proponents said", 0, 26, 27, 60);
        var pronoun = new Frame("she", "said", "say", Stance.Neutral, "she said", 0, 8, 9, 60);
        var resolved = pronoun with { Referent = "Governor Ann Ward" };

        Assert.Equal(["chuck", "schumer", "aide"], senator.PersonName.Words);
        Assert.Equal(["schumer"], senator.PersonName.Possessives);
        Assert.Equal(["schumer's"], senator.Surnames);
        Assert.True(filing.IsDocument);
        Assert.False(proponents.IsDocument);
        Assert.Equal(["she"], pronoun.PersonName.Words);
        Assert.Equal(["ann", "ward"], resolved.PersonName.Words);
        Assert.Equal(["ward"], resolved.Surnames.Distinct());
    }

    [Theory]
    [InlineData("The ferry will stop, people with knowledge of the case said.", "people with knowledge of the case", "people", false)]
    [InlineData("The ferry will stop, one person familiar with Mr. Ward's plans said.", "one person familiar with Mr. Ward's plans", "person", false)]
    [InlineData("The ferry will stop, Senator Ann Ward of New York said.", "Senator Ann Ward of New York", "york", true)]
    [InlineData("The statement from the mayor's office said that the ferry will stop.", "the mayor's office", "office", false)]
    public void Reads_a_speaker_with_what_modifies_it_as_the_noun_it_modifies(string statement, string speaker, string key, bool named)
    {
        var frame = Assert.Single(StatementAnalyzer.Analyze(new Statement(0, 0, statement, 1, 1)).Framing.Frames);

        Assert.Equal((speaker, key, named), (frame.Speaker, frame.SpeakerKey, frame.IsNamed));
    }

    [Theory]
    [InlineData("Ward, who placed second in a 2019 poll of harbour pilots and crane/dock workers, said the port will reopen.", "Ward")]
    [InlineData("Officials who spoke on condition of anonymity said the port will reopen.", "Officials")]
    [InlineData("A reporter who asked if dock officials said the port will reopen got no answer.", "dock officials")]
    public void Reads_the_speaker_before_a_relative_clause_between_it_and_its_verb(string statement, string speaker)
    {
        var frames = StatementAnalyzer.Analyze(new Statement(0, 0, statement, 1, 1)).Framing.Frames;

        Assert.Equal(speaker, Assert.Single(frames, f => f.Verb == "said").Speaker);
    }

    [Fact]
    public void Keeps_frames_and_cues_equal_by_their_fields_whatever_was_read_from_them()
    {
        var frame = new Frame("port officials", "said", "say", Stance.Neutral, "port officials said", 0, 19, 20, 40);
        var quote = new Cue("“a shameful delay”", "a shameful delay", 4, 22);
        var same = quote with { };

        Assert.Equal(["shameful", "delay"], quote.ContentWords);
        Assert.Equal(quote, same);
        Assert.Equal(quote.GetHashCode(), same.GetHashCode());
        Assert.Equal(frame, frame with { Referent = string.Empty });
        Assert.NotEqual(frame, frame with { Speaker = "harbour officials" });
    }

    [Fact]
    public void Lists_each_hedge_of_a_difference_on_its_own()
    {
        var (differences, _) = Classify(
            "The armed forces and illegal armed groups must lay down their weapons.",
            "The presumed armed forces and alleged illegal armed groups must lay down their weapons.");

        var hedge = Assert.Single(differences, d => d.Kind == DifferenceKind.Hedge);
        Assert.Equal(["presumed", "alleged"], hedge.Cues);
        Assert.Equal(["presumed", "alleged"], Assert.IsType<HedgeDetail>(hedge.Facts).Cues);
        Assert.Equal("added in B: presumed, alleged", hedge.Detail);
    }

    [Fact]
    public void Takes_a_speaker_after_the_verb_through_the_whole_name_with_its_office()
    {
        var (differences, _) = Classify("Wages would rise across the port this year.", "Wages would rise across the port this year, said Harbour Workers Union President Ann Ward.");

        var attribution = Assert.Single(differences, d => d.Kind == DifferenceKind.Attribution);
        Assert.StartsWith("A states it as fact; B attributes it to Harbour Workers Union President Ann Ward: ", attribution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_whom_a_pronoun_speaker_refers_to_by_the_person_named_before_it()
    {
        var result = Comparison.Compare([TestData.Read("differences/pronoun-speaker-a.txt"), TestData.Read("differences/pronoun-speaker-b.txt")]);

        var group = Assert.Single(result.Alignments);
        var attribution = Assert.Single(group.Differences, d => d.Kind == DifferenceKind.Attribution);
        Assert.Equal("B states it as fact; A attributes it to he (Ruben Vardanyan): “he said” (said: neutral)", attribution.Detail);
    }

    [Fact]
    public void Says_a_pronoun_speaker_is_the_person_named_before_it_in_its_own_statement()
    {
        var result = Comparison.Compare([TestData.Read("differences/pronoun-in-statement-a.txt"), TestData.Read("differences/pronoun-in-statement-b.txt")]);

        var group = Assert.Single(result.Alignments);
        var attribution = Assert.Single(group.Differences, d => d.Kind == DifferenceKind.Attribution);
        Assert.Contains("Ann Ward", attribution.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Vardanyan", attribution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_say_a_source_states_as_fact_what_the_statement_before_in_its_paragraph_attributes()
    {
        var result = Comparison.Compare([TestData.Read("differences/speech-before-a.txt"), TestData.Read("differences/speech-before-b.txt")]);

        var group = Assert.Single(result.Alignments, g => g.Statements.Any(s => s.Text.StartsWith("Cargo ships", StringComparison.Ordinal)));
        Assert.DoesNotContain(group.Differences, d => d.Kind == DifferenceKind.Attribution);
    }

    [Fact]
    public void Still_says_a_source_states_as_fact_what_it_tells_in_a_paragraph_of_its_own()
    {
        var result = Comparison.Compare([TestData.Read("differences/speech-before-a.txt"), TestData.Read("differences/speech-apart-b.txt")]);

        var group = Assert.Single(result.Alignments, g => g.Statements.Any(s => s.Text.StartsWith("Cargo ships", StringComparison.Ordinal)));
        Assert.Contains(group.Differences, d => d.Kind == DifferenceKind.Attribution);
    }

    [Fact]
    public void Does_not_tell_speakers_apart_by_a_guessed_referent()
    {
        var a = StatementAnalyzer.Analyze(new Statement(0, 0, "The harbour stays open, he said.", 1, 1));
        var b = StatementAnalyzer.Analyze(new Statement(1, 0, "The harbour stays open, Ana Ruiz said.", 1, 1));

        var (differences, _) = DifferenceFinder.Find(WordDiff.Diff([a], [b]), [a], [b], s => new SpeakerContext(s.Statement.Source == 0 ? "Ruben Vardanyan" : string.Empty, SpeechBefore: false));

        Assert.DoesNotContain(differences, d => d.Kind == DifferenceKind.Attribution);
    }

    [Fact]
    public void Reports_equal_values_in_other_notations_as_the_same_never_as_a_conflict()
    {
        var (differences, same) = Classify(
            "The fighting was halted on September 20, 2023 at 1:00 p.m.",
            "The fighting was halted at 13:00 on 20 September 2023.");

        Assert.DoesNotContain(differences, d => d.Kind is DifferenceKind.Time or DifferenceKind.Date or DifferenceKind.Number);
        Assert.Contains(same, v => v.Kind == DifferenceKind.Time && v.Detail == "1:00 p.m. = 13:00, same");
    }

    [Fact]
    public void Names_both_numbers_of_a_conflict_with_their_qualifiers()
    {
        var (differences, _) = Classify("The port handled some 140 vessels.", "The port handled more than 200 ships.");

        var conflict = Assert.Single(differences, d => d.Kind == DifferenceKind.Number);
        Assert.Equal("A: some 140; B: more than 200 — conflict", conflict.Detail);
        Assert.Equal(("some 140", "more than 200"), (conflict.OtherText, conflict.Text));
    }

    [Fact]
    public void Does_not_report_words_a_labelled_difference_explains_as_wording_again()
    {
        var (differences, _) = Classify("The troops must lay down their weapons.", "The troops were supposed to lay down their weapons.");

        var modality = Assert.Single(differences);
        Assert.Equal(DifferenceKind.Modality, modality.Kind);
        Assert.Equal("A: must; B: were supposed to (strong → weak)", modality.Detail);
    }

    [Fact]
    public void Parses_difference_kinds_for_the_command_line_and_rejects_unknown_ones()
    {
        Assert.Equal([DifferenceKind.Number, DifferenceKind.Date], DifferenceKinds.Parse("number, date").Order());
        Assert.Empty(DifferenceKinds.Parse("none"));
        var error = Assert.Throws<InputException>(() => DifferenceKinds.Parse("number,numbr"));
        Assert.StartsWith("unknown difference kind 'numbr'", error.Message, StringComparison.Ordinal);
    }
}
