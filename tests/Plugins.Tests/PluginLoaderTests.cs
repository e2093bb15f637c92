using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins.Tests;

/// <summary>Loading a plug-in file: what compiles, what is refused and where, and the cache.</summary>
public sealed class PluginLoaderTests
{
    private const string Minimal = """
        public sealed class Mine : LegacyWalk
        {
            public override string Name => "mine";
        }
        """;

    [Fact]
    public void Load_AFileDerivingFromABuiltin_GivesAnAlgorithmOfItsName()
    {
        using var files = new PluginFiles();
        var resolved = files.Loader.Load(files.Write("mine.cs", Minimal));

        Assert.Null(resolved.Error);
        Assert.Equal("mine", resolved.Algorithm!.Name);
        Assert.IsAssignableFrom<LegacyWalk>(resolved.Algorithm);
        Assert.False(resolved.Plugin!.FromCache);
        Assert.Equal(64, resolved.Plugin.Sha256.Length);
    }

    [Fact]
    public void Load_ASecondTime_ComesFromTheDiskCache_WithoutCompiling()
    {
        using var files = new PluginFiles();
        string path = files.Write("mine.cs", Minimal);
        var first = files.Loader.Load(path);

        // A new loader (a new process, as far as the cache is concerned) with the same folder.
        var second = PluginLoader.WithCacheFolder(files.Cache).Load(path);

        Assert.False(first.Plugin!.FromCache);
        Assert.True(second.Plugin!.FromCache);
        Assert.Equal("mine", second.Algorithm!.Name);
        Assert.Single(Directory.EnumerateFiles(files.Cache, "*.dll"));
    }

    [Fact]
    public void Load_AChangedFile_CompilesAgain()
    {
        using var files = new PluginFiles();
        string path = files.Write("mine.cs", Minimal);
        files.Loader.Load(path);
        File.WriteAllText(path, Minimal.Replace("\"mine\"", "\"mine2\"", StringComparison.Ordinal));

        var again = PluginLoader.WithCacheFolder(files.Cache).Load(path);

        Assert.False(again.Plugin!.FromCache);
        Assert.Equal("mine2", again.Algorithm!.Name);
    }

    [Fact]
    public void Load_ACompileError_IsADiagnosticAtItsLineAndColumn()
    {
        using var files = new PluginFiles();
        string text = Minimal.Replace("\"mine\";", "\"mine\"", StringComparison.Ordinal);
        var resolved = files.Loader.Load(files.Write("broken.cs", text), "walks/broken.cs");

        Assert.Null(resolved.Algorithm);
        var d = Assert.Single(resolved.Diagnostics);
        Assert.Equal("walks/broken.cs", d.Path);
        Assert.Equal(3, d.Line);
        Assert.Equal(42, d.Column);
        Assert.StartsWith("CS1002:", d.Message, StringComparison.Ordinal);
        Assert.Equal(text, d.Source);
    }

    [Theory]
    [InlineData("public sealed class Helper { }", "declares no algorithm", 1)]
    [InlineData("public sealed class A : LegacyWalk { public override string Name => \"a\"; }\npublic sealed class B : EagerWalk { public override string Name => \"b\"; }", "more than one algorithm ('A' and 'B')", 2)]
    [InlineData("public sealed class A : LegacyWalk\n{\n    private int _count;\n    public override string Name => \"a\";\n}", "'_count' would hold state", 3)]
    [InlineData("public sealed class A : LegacyWalk\n{\n    public int Seen { get; set; }\n    public override string Name => \"a\";\n}", "'Seen' would hold state", 3)]
    [InlineData("public sealed class A : LegacyWalk\n{\n    public A(int x) { }\n    public override string Name => \"a\";\n}", "needs a constructor without parameters", 1)]
    [InlineData("public sealed class A : LegacyWalk\n{\n    public override string Name => \"legacy\";\n}", "is a built-in's", 3)]
    [InlineData("public sealed class A : LegacyWalk\n{\n    public override string Name => \"my walk\";\n}", "is not an identifier", 3)]
    public void Load_WhatAPluginMustNotBe_IsRefusedAtItsLine(string text, string message, int line)
    {
        using var files = new PluginFiles();
        var resolved = files.Loader.Load(files.Write("p.cs", text));

        Assert.Null(resolved.Algorithm);
        var d = Assert.Single(resolved.Diagnostics);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.Equal(line, d.Line);
    }

    [Fact]
    public void Load_StaticReadonlyAndConstants_AreNotState()
    {
        using var files = new PluginFiles();
        var resolved = files.Loader.Load(files.Write("p.cs", """
            public sealed class A : LegacyWalk
            {
                private const int Limit = 3;
                private static readonly string Label = "a";
                public override string Name => Label + Limit;
            }
            """));

        Assert.Equal("a3", resolved.Algorithm!.Name);
    }

    [Fact]
    public void Load_WhatIsNotAPluginFile_SaysWhy()
    {
        using var files = new PluginFiles();
        string invalid = Path.Combine(files.Folder, "latin1.cs");
        File.WriteAllBytes(invalid, [0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);

        Assert.Contains("no such file", files.Loader.Load(Path.Combine(files.Folder, "missing.cs")).Error, StringComparison.Ordinal);
        Assert.Contains("it is a folder", files.Loader.Load(files.Folder).Error, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", files.Loader.Load(invalid).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_TwoPluginsOfOneName_AreAnError()
    {
        using var files = new PluginFiles();
        var registry = new AlgorithmRegistry(files.Loader);
        string a = files.Write("a.cs", Minimal);
        string b = files.Write("b.cs", Minimal.Replace("class Mine", "class Other", StringComparison.Ordinal));

        Assert.NotNull(registry.Resolve(a).Algorithm);
        var clash = registry.Resolve(b);

        Assert.Null(clash.Algorithm);
        Assert.Contains("like the plug-in", clash.Error, StringComparison.Ordinal);
        Assert.Same(registry.Find("mine"), registry.Resolve(a).Algorithm);
    }

    [Theory]
    [InlineData("legacy", false)]
    [InlineData("mutant_no_stale_clear", false)]
    [InlineData("walk.cs", true)]
    [InlineData("walks/walk", true)]
    public void Registry_TellsNamesFromPaths(string text, bool isPath)
    {
        Assert.Equal(isPath, AlgorithmRegistry.IsPath(text));
    }
}
