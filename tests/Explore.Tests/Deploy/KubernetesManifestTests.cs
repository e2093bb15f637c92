using System.Text.RegularExpressions;
using MmuDsl.Explore.Shards;
using YamlDotNet.RepresentationModel;

namespace MmuDsl.Explore.Tests.Deploy;

/// <summary>
/// deploy/k8s/explore-job.yaml, which no cluster here runs: it parses, the Indexed Job's index
/// reaches the command line as a shard, parallelism, completions and the shard count agree, the
/// shards and the merge share one volume, and the image runs the tool where the Dockerfile puts it.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static readonly List<YamlMappingNode> Documents = Load();

    [Fact]
    public void IndexedJob_IndexReachesTheShard_AndTheCountsAgree()
    {
        var job = Job("mmudsl-explore");
        var spec = Map(job, "spec");
        Assert.Equal("Indexed", Scalar(spec, "completionMode"));
        int completions = int.Parse(Scalar(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(completions, int.Parse(Scalar(spec, "parallelism"), System.Globalization.CultureInfo.InvariantCulture));
        var container = Container(job);
        Assert.Equal(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), Env(container, "SHARDS"));

        string command = CommandLine(container);
        var shard = ShardArgument().Match(command);
        Assert.True(shard.Success, command);
        Assert.Equal("$JOB_COMPLETION_INDEX/$SHARDS", shard.Groups[1].Value);

        // Every index the Job hands out is a shard of the count, and all of them cover the count.
        var specs = Enumerable.Range(0, completions)
            .Select(i => ShardSpec.Parse(shard.Groups[1].Value.Replace("$JOB_COMPLETION_INDEX", $"{i}", StringComparison.Ordinal).Replace("$SHARDS", Env(container, "SHARDS"), StringComparison.Ordinal), out _))
            .ToList();
        Assert.All(specs, s => Assert.NotNull(s));
        Assert.Equal(Enumerable.Range(0, completions), specs.Select(s => s!.Value.Index));
        Assert.Contains("--results \"/results/shards/shard-$JOB_COMPLETION_INDEX.json\"", command, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeJob_WaitsForEveryShard_OnTheSameVolume_WithTheSameImage()
    {
        var shards = Job("mmudsl-explore");
        var merge = Job("mmudsl-explore-merge");
        Assert.Equal(Env(Container(shards), "SHARDS"), Env(Container(merge), "SHARDS"));
        string command = CommandLine(Container(merge));
        Assert.Contains("explore merge /results/shards", command, StringComparison.Ordinal);
        Assert.Contains("-ge \"$SHARDS\"", command, StringComparison.Ordinal);
        Assert.Equal(Scalar(Container(shards), "image"), Scalar(Container(merge), "image"));

        var claim = Documents.Single(d => Scalar(d, "kind") == "PersistentVolumeClaim");
        string claimName = Scalar(Map(claim, "metadata"), "name");
        foreach (var job in new[] { shards, merge })
        {
            var pod = Map(Map(Map(job, "spec"), "template"), "spec");
            Assert.Equal("Never", Scalar(pod, "restartPolicy"));
            var volume = (YamlMappingNode)((YamlSequenceNode)pod.Children["volumes"]).Children.Single();
            Assert.Equal(claimName, Scalar(Map(volume, "persistentVolumeClaim"), "claimName"));
            var mount = (YamlMappingNode)((YamlSequenceNode)Container(job).Children["volumeMounts"]).Children.Single();
            Assert.Equal(("results", "/results"), (Scalar(mount, "name"), Scalar(mount, "mountPath")));
            Assert.Equal(Scalar(volume, "name"), Scalar(mount, "name"));
        }
    }

    [Fact]
    public void Manifests_RunTheToolWhereTheDockerfilePutsIt()
    {
        string dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var entry = Regex.Match(dockerfile, @"ENTRYPOINT \[""dotnet"", ""([^""]+)""\]");
        Assert.True(entry.Success);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:", dockerfile, StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:", dockerfile, StringComparison.Ordinal);
        foreach (var name in new[] { "mmudsl-explore", "mmudsl-explore-merge" })
        {
            Assert.Contains($"dotnet {entry.Groups[1].Value} explore", CommandLine(Container(Job(name))), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"--shard ""([^""]+)""")]
    private static partial Regex ShardArgument();

    private static YamlMappingNode Job(string name) =>
        Documents.Single(d => Scalar(d, "kind") == "Job" && Scalar(Map(d, "metadata"), "name") == name);

    private static YamlMappingNode Container(YamlMappingNode job) =>
        (YamlMappingNode)((YamlSequenceNode)Map(Map(Map(job, "spec"), "template"), "spec").Children["containers"]).Children.Single();

    private static string Env(YamlMappingNode container, string name) =>
        ((YamlSequenceNode)container.Children["env"]).Children.Cast<YamlMappingNode>().Single(e => Scalar(e, "name") == name) is { } e ? Scalar(e, "value") : "";

    // `sh -c` and its one argument, which holds the command line.
    private static string CommandLine(YamlMappingNode container)
    {
        var command = ((YamlSequenceNode)container.Children["command"]).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.Equal(["sh", "-c"], command);
        return ((YamlScalarNode)((YamlSequenceNode)container.Children["args"]).Children.Single()).Value!;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;

    private static List<YamlMappingNode> Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "deploy", "k8s", "explore-job.yaml"));
        yaml.Load(reader);
        return [.. yaml.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }
}
