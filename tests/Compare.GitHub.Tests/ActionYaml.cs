using Compare.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Compare.GitHub.Tests;

/// <summary>action.yml as YamlDotNet reads it, with the lookups the action's tests use.</summary>
internal static class ActionYaml
{
    private static readonly Lazy<YamlMappingNode> Root = new(() =>
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Repository.PathOf("action.yml")));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    });

    public static YamlMappingNode Action => Root.Value;

    public static List<YamlMappingNode> Steps => [.. ((YamlSequenceNode)Map(Action, "runs").Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
