using System.Text;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// A large realistic scenario for the editor benchmarks and tests: groups of 20 lines (a small
/// table, a <c>show</c> with its golden block, a sync, expectations, a loop, a comment) that run
/// clean under every algorithm. Shared as source with tests/Lsp.Tests.
/// </summary>
internal static class LspScenario
{
    /// <summary>Lines per group.</summary>
    public const int GroupLines = 20;

    /// <summary>A scenario of <paramref name="lines"/> lines (a multiple of <see cref="GroupLines"/>), each ending in <c>\n</c>.</summary>
    public static string Generate(int lines)
    {
        var sb = new StringBuilder();
        for (int g = 0; g < lines / GroupLines; g++)
        {
            sb.Append($"# group {g}: a root, two leaves, one of them unsync\n");
            sb.Append($"root R{g} level 2\n");
            sb.Append($"page L{g}_0 level 1\n");
            sb.Append($"page L{g}_1 level 1\n");
            sb.Append($"link R{g}[0] -> L{g}_0\n");
            sb.Append($"link R{g}[1] -> L{g}_1\n");
            sb.Append($"map L{g}_0[0]\n");
            sb.Append($"unsync L{g}_1\n");
            sb.Append($"show R{g}\n");
            sb.Append("----\n");
            sb.Append($"R{g} L2 root unsync_children=1 bitmap={{1}}\n");
            sb.Append($"  [0] L{g}_0 L1 sync\n");
            sb.Append("    [0] leaf\n");
            sb.Append($"  [1] L{g}_1 L1 unsync\n");
            sb.Append("----\n");
            sb.Append($"sync R{g}\n");
            sb.Append($"expect !L{g}_1.unsync && L{g}_1.syncs == 1 && R{g}.bitmap == {{}}\n");
            sb.Append("for i in 0..4 {\n");
            sb.Append($"    page X{g}_$i level 1\n");
            sb.Append("}\n");
        }

        return sb.ToString();
    }
}
