using System.Globalization;
using System.Security.Cryptography;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// A native walk.c, compiled with <c>gcc -O2</c> at run time into bench/native/out/ (git-ignored;
/// a temp folder outside a checkout) and run as <c>walk K legacy|recursive|eager</c>; walk.c
/// times its own sync with clock_gettime. The benchmark times the project's copy,
/// bench/native/walk.c (the only one that knows eager); the shared anchor beside the checkout,
/// when there is one, is built too, to check that the copy's legacy and recursive still do its
/// work (<see cref="AnchorCheck"/>).
/// </summary>
internal sealed class NativeWalk
{
    /// <summary>Every algorithm the timed walk.c must know: a walk.c that does not (an older copy
    /// runs legacy for any name it does not know) is refused before anything is timed.</summary>
    private static readonly string[] TimedAlgorithms = ["legacy", "recursive", "eager"];

    private NativeWalk(string source, string sourceWhat, string binary, string compiler, string sha)
    {
        Source = source;
        SourceWhat = sourceWhat;
        Binary = binary;
        Compiler = compiler;
        SourceSha256 = sha;
    }

    public string Source { get; }

    public string SourceWhat { get; }

    public string Binary { get; }

    /// <summary>The first line of <c>gcc --version</c>.</summary>
    public string Compiler { get; }

    public string SourceSha256 { get; }

    /// <summary>
    /// Finds and compiles the walk.c to time: <paramref name="explicitPath"/> (<c>--anchor</c>),
    /// else <c>MMUDSL_NATIVE_WALK</c>, else bench/native/walk.c. It must run all three algorithms.
    /// On failure returns null with the reason.
    /// </summary>
    public static NativeWalk? Prepare(string? explicitPath, out string error)
    {
        string? root = RepoPaths.FindRoot();
        string? env = Environment.GetEnvironmentVariable("MMUDSL_NATIVE_WALK");
        (string? path, string what) = explicitPath != null ? (Path.GetFullPath(explicitPath), "--anchor")
            : !string.IsNullOrEmpty(env) ? (Path.GetFullPath(env), "MMUDSL_NATIVE_WALK")
            : root != null ? (Path.Combine(root, "bench", "native", "walk.c"), "the project's copy")
            : (null, "");
        if (path == null || !File.Exists(path))
        {
            error = path == null
                ? "walk.c not found: the harness runs outside a checkout (pass --anchor PATH/TO/bench/native/walk.c)"
                : $"walk.c not found at {path} ({what}; pass --anchor PATH)";
            return null;
        }

        var native = Compile(path, what, "walk", root, out error);
        if (native == null)
        {
            return null;
        }

        foreach (string algorithm in TimedAlgorithms)
        {
            if (!native.TryRun(1, algorithm, out _, out error))
            {
                error = $"{path} cannot run {algorithm}: {error} (bench/native/walk.c knows legacy, recursive and eager)";
                return null;
            }
        }

        return native;
    }

    /// <summary>
    /// An independent walk.c to check the copy against (legacy and recursive only, given with
    /// <c>--check-against</c>), compiled into bench/native/out/walk-anchor; null with an empty
    /// <paramref name="error"/> when none was given, null with the reason when it is missing or
    /// does not compile.
    /// </summary>
    public static NativeWalk? PrepareCheckAnchor(string? path, out string error)
    {
        error = "";
        if (path == null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            error = $"no such file: {path}";
            return null;
        }

        return Compile(Path.GetFullPath(path), "independent anchor", "walk-anchor", RepoPaths.FindRoot(), out error);
    }

    private static NativeWalk? Compile(string path, string what, string binaryName, string? root, out string error)
    {
        string outDir = root != null
            ? Path.Combine(root, "bench", "native", "out")
            : Path.Combine(Path.GetTempPath(), "mmudsl-bench-native");
        Directory.CreateDirectory(outDir);
        string binary = Path.Combine(outDir, binaryName);

        if (!TryRun("gcc", ["--version"], out string version, out error))
        {
            error = "gcc is needed for the native anchor: " + error;
            return null;
        }

        if (!TryRun("gcc", ["-O2", "-o", binary, path], out _, out error))
        {
            error = $"compiling {path} failed: " + error;
            return null;
        }

        error = "";
        return new NativeWalk(path, what, binary, version.Split('\n')[0].Trim(), Sha256(path));
    }

    /// <summary>Runs <c>walk K ALG</c> once and parses its line.</summary>
    public NativeWalkResult Run(int k, string algorithm) =>
        TryRun(k, algorithm, out var result, out string error) ? result : throw new InvalidOperationException(error);

    /// <summary>
    /// Runs <c>walk K ALG</c> once; false with the reason when it fails, prints no line, or says
    /// it ran another algorithm than the one asked for.
    /// </summary>
    private bool TryRun(int k, string algorithm, out NativeWalkResult result, out string error)
    {
        result = null!;
        if (!TryRun(Binary, [k.ToString(CultureInfo.InvariantCulture), algorithm], out string stdout, out error))
        {
            error = $"walk {k} {algorithm} failed: {error}";
            return false;
        }

        try
        {
            result = Parse(stdout);
        }
        catch (FormatException e)
        {
            error = $"walk {k} {algorithm}: {e.Message}";
            return false;
        }

        if (result.Algorithm != algorithm || result.K != k)
        {
            error = $"walk {k} {algorithm} ran alg={result.Algorithm} k={result.K}";
            return false;
        }

        return true;
    }

    /// <summary>Parses <c>k=1 alg=legacy pages=... synced=... ns/synced=... walks=... visits=... left=... root_children=...</c>.</summary>
    public static NativeWalkResult Parse(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[part[..eq]] = part[(eq + 1)..];
            }
        }

        string Get(string key) => fields.TryGetValue(key, out string? v) ? v : throw new FormatException($"walk.c printed no '{key}=' in: {line.Trim()}");
        long L(string key) => long.Parse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture);

        return new NativeWalkResult(
            (int)L("k"),
            Get("alg"),
            L("pages"),
            L("synced"),
            double.Parse(Get("ns/synced"), NumberStyles.Float, CultureInfo.InvariantCulture),
            L("walks"),
            L("visits"),
            L("left"),
            L("root_children"));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static bool TryRun(string file, IEnumerable<string> args, out string stdout, out string error)
    {
        if (!ChildProcess.TryRun(file, args, null, out var run, out string startError))
        {
            stdout = "";
            error = $"cannot start {file}: {startError}";
            return false;
        }

        stdout = run.Stdout;
        error = run.ExitCode == 0 ? "" : $"{file} exited with {run.ExitCode}: {run.Stderr.Trim()}";
        return run.ExitCode == 0;
    }
}
