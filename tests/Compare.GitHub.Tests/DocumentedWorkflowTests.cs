using System.Text.RegularExpressions;
using Compare.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Compare.GitHub.Tests;

/// <summary>The workflows the README and docs/action.md give users to copy, parsed with YamlDotNet: they run as documented and name only inputs the action has.</summary>
public sealed partial class DocumentedWorkflowTests
{
    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    private static List<YamlNode> Blocks(string document) =>
    [
        .. YamlBlock().Matches(File.ReadAllText(Repository.PathOf(document))).Select(m =>
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(m.Groups["yaml"].Value));
            return yaml.Documents[0].RootNode;
        }),
    ];

    private static YamlMappingNode Workflow(string document, string name) =>
        Blocks(document).OfType<YamlMappingNode>().Single(w => ActionYaml.Scalar(w, "name") == name);

    private static YamlMappingNode Parse(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Repository.PathOf(path))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode workflow) =>
    [
        .. ActionYaml.Map(workflow, "jobs").Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()),
    ];

    private static IEnumerable<string> Keys(YamlMappingNode node) => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    private static HashSet<string> Inputs => [.. Keys(ActionYaml.Map(ActionYaml.Action, "inputs"))];

    private static bool UsesAction(YamlMappingNode step) => ActionYaml.Scalar(step, "uses") is { } uses && (uses == "./" || uses.StartsWith("OWNER/compare@", StringComparison.Ordinal));

    [Theory]
    [InlineData("README.md")]
    [InlineData(".github/workflows/compare.yml")]
    public void The_workflow_to_copy_runs_on_pull_requests_and_on_pushes_to_the_default_branch_that_warm_the_cache(string path)
    {
        var workflow = path.EndsWith(".md", StringComparison.Ordinal) ? Workflow(path, "Compare documents") : Parse(path);
        var on = ActionYaml.Map(workflow, "on");
        Assert.Contains("pull_request", Keys(on));
        var branches = (YamlSequenceNode)ActionYaml.Map(on, "push").Children[new YamlScalarNode("branches")];
        Assert.Equal(["main"], branches.Children.Select(b => ((YamlScalarNode)b).Value));
        Assert.Equal("write", ActionYaml.Scalar(ActionYaml.Map(workflow, "permissions"), "pull-requests"));
        var action = Assert.Single(Steps(workflow), UsesAction);
        Assert.Subset(Inputs, Keys(ActionYaml.Map(action, "with")).ToHashSet());
    }

    [Fact]
    public void The_readme_lists_every_input_of_the_action_and_no_other()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var table = readme[readme.IndexOf("| input | meaning | default |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var listed = table.Split('\n').Skip(2).Select(row => row.Split('`')[1]).ToHashSet();
        Assert.Equal(Inputs.Order(), listed.Order());
    }

    [Fact]
    public void The_fork_recipe_comments_from_a_workflow_run_that_only_reads_the_forks_head_and_runs_the_action_from_the_repository()
    {
        var blocks = Blocks("docs/action.md");

        // The addition to the first workflow: the pull request's number as an artifact, on pull requests only.
        var addition = blocks.OfType<YamlSequenceNode>().Single().Children.Cast<YamlMappingNode>().ToList();
        var upload = Assert.Single(addition, s => ActionYaml.Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.All(addition, s => Assert.Equal("github.event_name == 'pull_request'", ActionYaml.Scalar(s, "if")));
        Assert.All(addition.Where(s => ActionYaml.Scalar(s, "run") is not null), s => Assert.DoesNotContain("${{", ActionYaml.Scalar(s, "run"), StringComparison.Ordinal));

        var workflow = blocks.OfType<YamlMappingNode>().Single(w => Keys(ActionYaml.Map(w, "on")).SequenceEqual(["workflow_run"]));
        var trigger = ActionYaml.Map(ActionYaml.Map(workflow, "on"), "workflow_run");
        Assert.Equal(["Compare documents"], ((YamlSequenceNode)trigger.Children[new YamlScalarNode("workflows")]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("write", ActionYaml.Scalar(ActionYaml.Map(workflow, "permissions"), "pull-requests"));

        var steps = Steps(workflow);
        var download = Assert.Single(steps, s => ActionYaml.Scalar(s, "uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal(ActionYaml.Scalar(ActionYaml.Map(upload, "with"), "name"), ActionYaml.Scalar(ActionYaml.Map(download, "with"), "name"));
        Assert.Equal("${{ github.event.workflow_run.id }}", ActionYaml.Scalar(ActionYaml.Map(download, "with"), "run-id"));

        var checkoutStep = Assert.Single(steps, s => ActionYaml.Scalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        var checkout = ActionYaml.Map(checkoutStep, "with");
        Assert.Equal("false", ActionYaml.Scalar(checkout, "persist-credentials"));
        Assert.Equal("${{ github.event.workflow_run.head_sha }}", ActionYaml.Scalar(checkout, "ref"));

        // The action comes from the repository, never from the fork's checkout.
        var action = Assert.Single(steps, UsesAction);
        Assert.StartsWith("OWNER/compare@", ActionYaml.Scalar(action, "uses"), StringComparison.Ordinal);
        Assert.True(steps.IndexOf(action) > steps.IndexOf(checkoutStep));
        Assert.Subset(Inputs, Keys(ActionYaml.Map(action, "with")).ToHashSet());
        Assert.Equal("${{ steps.pr.outputs.number }}", ActionYaml.Scalar(ActionYaml.Map(action, "with"), "pr-number"));
        Assert.All(steps.Where(s => ActionYaml.Scalar(s, "run") is not null), s => Assert.DoesNotContain("${{", ActionYaml.Scalar(s, "run"), StringComparison.Ordinal));
    }
}
