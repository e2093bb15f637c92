using System.Text;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Sources;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// Issue 14, item 6: a source file is UTF-8; a malformed sequence is a diagnostic at its line and
/// column (never turned into U+FFFD and run), in the main file and in an included one.
/// </summary>
public sealed class InvalidUtf8Tests
{
    private static string Write(TempDir dir, string name, byte[] bytes)
    {
        string path = Path.Combine(dir.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : p is int b ? [(byte)b] : (byte[])p)];

    [Fact]
    public void MainFile_WithInvalidBytesInAString_IsADiagnosticAtTheFirstBadByte()
    {
        using var dir = new TempDir();
        string path = Write(dir, "u.mmu", Bytes("echo \"", 0xFF, 0xFE, "\"\n"));
        var result = ScenarioRunner.RunFile(path, RunOptions.Default);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Runs);
        Assert.Equal($"{path}:1:7: error: not valid UTF-8: byte 0xFF does not form a character (a scenario is UTF-8 text)\necho \"\uFFFD\uFFFD\"\n      ^\n", Assert.Single(result.Errors).Render());
    }

    [Fact]
    public void MainFile_WithInvalidBytesInComments_ReportsEachLine()
    {
        using var dir = new TempDir();
        string path = Write(dir, "c.mmu", Bytes("# caf", 0xE9, "\necho \"ok\"\n# truncated ", 0xE2, 0x82, "\n"));
        var result = ScenarioRunner.RunFile(path, RunOptions.Default);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                $"{path}:1:6: error: not valid UTF-8: byte 0xE9 does not form a character (a scenario is UTF-8 text)\n# caf\uFFFD\n     ^\n",
                $"{path}:3:13: error: not valid UTF-8: bytes 0xE2 0x82 do not form a character (a scenario is UTF-8 text)\n# truncated \uFFFD\n            ^\n",
            ],
            result.Errors.Select(e => e.Render()));
    }

    [Fact]
    public void IncludedFile_WithInvalidBytes_IsADiagnosticAtTheIncludeAndOneAtTheBadByte()
    {
        using var dir = new TempDir();
        string inc = Write(dir, "inc.mmu", Bytes("echo \"x\"\n# ", 0xC0, 0xAF, "\n"));
        string main = Write(dir, "a.mmu", Bytes("include \"inc.mmu\"\n"));
        var result = ScenarioRunner.RunFile(main, RunOptions.Default);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                $"{main}:1:9: error: cannot include 'inc.mmu': it is not valid UTF-8 ({inc})\ninclude \"inc.mmu\"\n        ^\n",
                $"{inc}:2:3: error: not valid UTF-8: byte 0xC0 does not form a character (a scenario is UTF-8 text)\n# \uFFFD\uFFFD\n  ^\n",
            ],
            result.Errors.Select(e => e.Render()));
    }

    [Fact]
    public void Utf16File_IsRefusedWithAHint()
    {
        using var dir = new TempDir();
        string path = Write(dir, "w.mmu", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("echo \"x\"\n")).ToArray());
        var result = ScenarioRunner.RunFile(path, RunOptions.Default);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{path}:1:1: error: not valid UTF-8: byte 0xFF does not form a character (a scenario is UTF-8 text); the file looks like UTF-16: save it as UTF-8\n", result.Errors[0].Render(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0xC0, 0x80 })] // an overlong NUL
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // beyond U+10FFFF
    [InlineData(new byte[] { 0x80 })] // a lone continuation byte
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })] // a truncated emoji at the end
    public void Decode_MalformedSequences_AreReported(byte[] sequence)
    {
        var read = SourceReader.Decode("x.mmu", Bytes("echo \"a\"\n# ", sequence));
        Assert.False(read.Ok);
        var diagnostic = Assert.Single(read.Invalid);
        Assert.Equal((2, 3), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Decode_ValidUtf8WithABom_IsTheTextWithoutTheBom()
    {
        var read = SourceReader.Decode("x.mmu", Bytes(0xEF, 0xBB, 0xBF, "# caf\u00e9 \U0001F600\n"));
        Assert.True(read.Ok);
        Assert.Equal("# caf\u00e9 \U0001F600\n", read.Text);
    }

    [Fact]
    public void Decode_ManyBadLines_ReportsAtMostTen()
    {
        var bytes = Enumerable.Range(0, 50).SelectMany(_ => Bytes("# ", 0xFF, "\n")).ToArray();
        Assert.Equal(SourceReader.MaxInvalidReported, SourceReader.Decode("x.mmu", bytes).Invalid.Length);
    }
}
