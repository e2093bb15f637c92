using MmuDsl.Lsp.Tests.Client;

namespace MmuDsl.Lsp.Tests.Editor;

/// <summary>
/// editors/vscode from the README's test command: `npm ci --prefer-offline` (the locked versions),
/// then the grammar tests (vscode-tmgrammar-test over test/grammar/*.mmu) and the
/// vscode-languageserver-protocol client against the mmudsl built beside these tests.
/// </summary>
public sealed class VsCodeExtensionTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, "editors", "vscode");
    private static readonly Lazy<(int ExitCode, string Output)> Installed = new(() =>
        ChildProcess.Run("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], Folder, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Grammar_AnnotatedSamples_Pass()
    {
        RequireInstalled();
        var (exit, output) = ChildProcess.Run("npm", ["test"], Folder, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, output);
        foreach (var sample in Directory.EnumerateFiles(Path.Combine(Folder, "test", "grammar"), "*.mmu"))
        {
            Assert.Contains($"✓ test/grammar/{Path.GetFileName(sample)} run successfuly", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NodeProtocolClient_DrivesTheServer()
    {
        RequireInstalled();
        var (exit, output) = ChildProcess.Run("node", ["test/client/smoke.js", "dotnet", Path.Combine(AppContext.BaseDirectory, "mmudsl.dll")], Folder, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, output);
        Assert.Contains("ok: shutdown then exit: exit code 0", output, StringComparison.Ordinal);
    }

    private static void RequireInstalled()
    {
        var (exit, output) = Installed.Value;
        Assert.True(exit == 0, $"npm ci in editors/vscode failed:\n{output}");
    }
}
