using System.Text.RegularExpressions;
using Compare.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Compare.GitHub.Tests;

/// <summary>action.yml, parsed with YamlDotNet: documented inputs and outputs, and inputs that reach scripts only through env.</summary>
public sealed partial class ActionDefinitionTests
{
    private static YamlMappingNode Action => ActionYaml.Action;

    private static List<YamlMappingNode> Steps => ActionYaml.Steps;

    private static YamlMappingNode Map(YamlMappingNode node, string key) => ActionYaml.Map(node, key);

    private static string? Scalar(YamlMappingNode node, string key) => ActionYaml.Scalar(node, key);

    [GeneratedRegex(@"\$\{\{\s*inputs\.(?<name>[a-z-]+)\s*\}\}")]
    private static partial Regex InputExpression();

    [Fact]
    public void Is_a_composite_action_with_a_name_a_description_and_branding()
    {
        Assert.Equal("composite", Scalar(Map(Action, "runs"), "using"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(Action, "name")));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(Action, "description")));
        Assert.NotNull(Scalar(Map(Action, "branding"), "icon"));
    }

    [Fact]
    public void Documents_every_input_with_a_default_and_every_output()
    {
        var inputs = Map(Action, "inputs");
        Assert.Equal(["github-token", "paths", "comment", "fail-on", "threshold", "min-confidence", "comment-tag", "pr-number", "html-report", "comment-author", "version", "nuget-source"], inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.All(inputs.Children.Values.Cast<YamlMappingNode>(), input =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar(input, "description")));
            Assert.NotNull(Scalar(input, "default"));
        });
        Assert.Equal("${{ github.token }}", Scalar(Map(inputs, "github-token"), "default"));
        Assert.Equal("seeds/**", Scalar(Map(inputs, "paths"), "default"));

        var outputs = Map(Action, "outputs");
        Assert.Equal(["report-path", "comment-id", "comment-url", "documents", "differences", "html-path"], outputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.All(outputs.Children.Values.Cast<YamlMappingNode>(), output => Assert.False(string.IsNullOrWhiteSpace(Scalar(output, "description"))));
    }

    [Fact]
    public void Defaults_to_the_threshold_the_command_line_defaults_to()
    {
        var threshold = Scalar(Map(Map(Action, "inputs"), "threshold"), "default");

        Assert.Equal(Compare.Core.CompareOptions.Default.Threshold, double.Parse(threshold!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Defaults_to_the_label_confidence_the_command_line_defaults_to()
    {
        var confidence = Scalar(Map(Map(Action, "inputs"), "min-confidence"), "default");

        Assert.Equal(Compare.Core.CompareOptions.Default.MinConfidence, double.Parse(confidence!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Passes_inputs_to_scripts_through_env_never_into_run()
    {
        var used = new HashSet<string>();
        foreach (var step in Steps)
        {
            if (Scalar(step, "run") is { } run)
            {
                Assert.DoesNotContain("${{", run, StringComparison.Ordinal);
            }

            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var value in ((YamlMappingNode)env).Children.Values.Cast<YamlScalarNode>())
                {
                    used.UnionWith(InputExpression().Matches(value.Value!).Select(m => m.Groups["name"].Value));
                }
            }
        }

        Assert.Equal(["comment", "comment-author", "comment-tag", "fail-on", "github-token", "html-report", "min-confidence", "nuget-source", "paths", "pr-number", "threshold", "version"], used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_its_cache_on_its_own_sources_and_builds_in_its_own_folder_without_setting_up_dotnet_for_the_user()
    {
        Assert.DoesNotContain(Steps, s => Scalar(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Steps, s => Scalar(s, "run")?.Contains("GITHUB_ENV", StringComparison.Ordinal) == true || Scalar(s, "run")?.Contains("GITHUB_PATH", StringComparison.Ordinal) == true);
        var cache = Assert.Single(Steps, s => Scalar(s, "uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true);
        Assert.Equal("actions/cache@v5", Scalar(cache, "uses")); // Node 24: v4 ran on Node 20, which runners dropped.
        Assert.DoesNotContain("hashFiles", Scalar(Map(cache, "with"), "key"), StringComparison.Ordinal);
        var build = Assert.Single(Steps, s => Scalar(s, "if") == "steps.cache.outputs.cache-hit != 'true'");
        Assert.Contains("dotnet\" publish", Scalar(build, "run"), StringComparison.Ordinal);
        foreach (var step in Steps.Where(s => Scalar(s, "run")?.Contains("dotnet", StringComparison.Ordinal) == true || Scalar(s, "id") == "key"))
        {
            Assert.Equal("${{ github.action_path }}", Scalar(step, "working-directory"));
        }
    }
}
