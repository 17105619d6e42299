using System.Text.Json;
using Compare.Core.Diffing;

namespace Compare.Core.Tests;

/// <summary>Each label carries how often its sort was right on real articles; reports show only the confident ones.</summary>
public sealed class LabelConfidenceTests
{
    private static readonly SourceInput[] RetoldRemark = [TestData.Read("confidence/remark-a.txt"), TestData.Read("confidence/remark-b.txt")];

    /// <summary>A confidence above a retold remark's (right 7 of 8 times on the build set: 0.89).</summary>
    private static readonly CompareOptions AboveRemarks = CompareOptions.Default with { MinConfidence = 0.9 };

    [Fact]
    public void Keeps_a_label_of_a_sort_below_the_confidence_asked_for_out_of_the_report_and_in_the_json_with_its_confidence()
    {
        var result = Comparison.Compare(RetoldRemark, AboveRemarks);

        var group = Assert.Single(result.Alignments, g => g.Statements.Any(s => s.Text.Contains("harbour wall", StringComparison.Ordinal)));
        Assert.DoesNotContain(group.Differences, d => d.Kind == DifferenceKind.Quotation);
        var remark = Assert.Single(group.Uncertain);
        Assert.Equal(QuotationChange.Remark, remark.Quotation);
        Assert.True(remark.Confidence < AboveRemarks.MinConfidence);
        Assert.DoesNotContain("directly", Report.ToMarkdown(result), StringComparison.Ordinal);
        Assert.Contains("directly", Report.ToMarkdown(Comparison.Compare(RetoldRemark)), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Report.ToJson(result));
        var uncertain = json.RootElement.GetProperty("alignments").EnumerateArray().Single(g => g.TryGetProperty("uncertain", out _)).GetProperty("uncertain")[0];
        Assert.Equal("quotation", uncertain.GetProperty("kind").GetString());
        Assert.Equal(remark.Confidence, uncertain.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public void Shows_every_label_when_no_confidence_is_asked_for()
    {
        var result = Comparison.Compare(RetoldRemark, CompareOptions.Default with { MinConfidence = 0 });

        Assert.All(result.Alignments, g => Assert.Empty(g.Uncertain));
        Assert.Contains(result.Alignments.SelectMany(g => g.Differences), d => d.Quotation == QuotationChange.Remark);
        Assert.Contains("directly", Report.ToMarkdown(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Gives_every_label_a_confidence_and_wording_none()
    {
        var result = Comparison.Compare(RetoldRemark, CompareOptions.Default with { MinConfidence = 0 });

        var differences = result.Alignments.SelectMany(g => g.Differences).ToList();
        Assert.All(differences.Where(d => d.Kind is DifferenceKind.Wording or DifferenceKind.Addition or DifferenceKind.Omission), d => Assert.Null(d.Confidence));
        Assert.All(differences.Where(d => d.Kind is not (DifferenceKind.Wording or DifferenceKind.Addition or DifferenceKind.Omission)), d => Assert.InRange(d.Confidence ?? -1, 0.01, 1));
    }

    [Fact]
    public void Rates_a_sort_the_build_set_never_flagged_at_the_build_set_s_overall_precision_and_a_sort_often_wrong_below_it()
    {
        var overall = LabelConfidence.Of("no such sort");

        Assert.InRange(overall, 0.5, 1);
        Assert.Equal(overall, LabelConfidence.Of("time"));
        Assert.True(LabelConfidence.Of("quotation/remark") < overall);
    }
}
