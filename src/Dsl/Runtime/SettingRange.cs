using System.Globalization;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// The values a setting (<c>set NAME N</c>, and the command-line option of the same limit) accepts.
/// A value outside is an error that names the range: never clamped to something the author did
/// not write.
/// </summary>
public sealed record SettingRange(string Name, string Meaning, long Min, long Max)
{
    /// <summary><c>set pvec</c>: the batch capacity (KVM_PAGE_ARRAY_NR).</summary>
    public static SettingRange Pvec { get; } = new("pvec", "the batch capacity, KVM_PAGE_ARRAY_NR", 2, 4096);

    /// <summary><c>set max_pages</c>.</summary>
    public static SettingRange MaxPages { get; } = new("max_pages", "pages a run may make", 1, int.MaxValue);

    /// <summary><c>set max_loop_iterations</c>.</summary>
    public static SettingRange MaxLoopIterations { get; } = new("max_loop_iterations", "loop iterations a run may make", 1, long.MaxValue);

    /// <summary><c>set max_call_depth</c>: deeper than 10,000 would not fit the runner's stack.</summary>
    public static SettingRange MaxCallDepth { get; } = new("max_call_depth", "nested procedure calls", 1, 10_000);

    /// <summary><c>set max_output</c>: characters of output (every statement's, traces included).</summary>
    public static SettingRange MaxOutput { get; } = new("max_output", "characters of output a run may print", 1, long.MaxValue);

    /// <summary>Every setting, in the order the error for an unknown one lists them.</summary>
    public static IReadOnlyList<SettingRange> All { get; } = [Pvec, MaxPages, MaxLoopIterations, MaxCallDepth, MaxOutput];

    /// <summary>True when <paramref name="value"/> is in the range.</summary>
    public bool Contains(long value) => value >= Min && value <= Max;

    /// <summary>"max_call_depth (nested procedure calls) must be between 1 and 10,000, not 0".</summary>
    public string OutOfRange(string value) =>
        $"{Name} ({Meaning}) must be between {Number(Min)} and {Number(Max)}, not {value}";

    // 4096 as it is, 10,000 and beyond with separators.
    private static string Number(long n) => n.ToString(n >= 10_000 ? "N0" : "D", CultureInfo.InvariantCulture);

    /// <summary>Returns <paramref name="value"/>, or throws the diagnostic at <paramref name="span"/>.</summary>
    internal long Check(long value, SourceSpan span) =>
        Contains(value) ? value : throw new ScriptRuntimeException(span, OutOfRange(value.ToString(CultureInfo.InvariantCulture)));
}
