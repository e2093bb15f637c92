using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>One run of the native anchor: its output line, parsed.</summary>
internal sealed record NativeWalkResult(int K, string Algorithm, long Pages, long Synced, double NsPerSynced, long Walks, long Visits, long Left, long RootChildren);

/// <summary>
/// The native anchor, shared/anchors/native-walk/walk.c: found, compiled with <c>gcc -O2</c> at run
/// time into bench/native/out/ (git-ignored; a temp folder outside a checkout), and run as
/// <c>walk K legacy|recursive</c>. walk.c times its own sync with clock_gettime.
/// </summary>
internal sealed class NativeWalk
{
    /// <summary>Where walk.c is looked for, in order: an explicit path, the shared anchor beside
    /// the checkout, the copy kept in bench/native/ for a checkout without shared/.</summary>
    private static IEnumerable<(string Path, string What)> Candidates(string? explicitPath, string? root)
    {
        if (explicitPath != null)
        {
            yield return (Path.GetFullPath(explicitPath), "--anchor");
        }

        string? env = Environment.GetEnvironmentVariable("MMUDSL_NATIVE_WALK");
        if (!string.IsNullOrEmpty(env))
        {
            yield return (Path.GetFullPath(env), "MMUDSL_NATIVE_WALK");
        }

        if (root != null)
        {
            yield return (Path.GetFullPath(Path.Combine(root, "..", "shared", "anchors", "native-walk", "walk.c")), "shared anchor");
            yield return (Path.Combine(root, "bench", "native", "walk.c"), "copy in bench/native");
        }
    }

    private NativeWalk(string source, string sourceWhat, string binary, string compiler, string sha, string? note)
    {
        Source = source;
        SourceWhat = sourceWhat;
        Binary = binary;
        Compiler = compiler;
        SourceSha256 = sha;
        Note = note;
    }

    public string Source { get; }

    public string SourceWhat { get; }

    public string Binary { get; }

    /// <summary>The first line of <c>gcc --version</c>.</summary>
    public string Compiler { get; }

    public string SourceSha256 { get; }

    /// <summary>A remark worth printing (e.g. the kept copy differs from the shared anchor), or null.</summary>
    public string? Note { get; }

    /// <summary>Finds and compiles walk.c. On failure returns null with the reason.</summary>
    public static NativeWalk? Prepare(string? explicitPath, out string error)
    {
        string? root = RepoPaths.FindRoot();
        var found = Candidates(explicitPath, root).FirstOrDefault(c => File.Exists(c.Path));
        if (found.Path == null)
        {
            error = "walk.c not found: looked at " + string.Join(", ", Candidates(explicitPath, root).Select(c => c.Path)) + " (pass --anchor PATH)";
            return null;
        }

        string sha = Sha256(found.Path);
        string? note = null;
        if (root != null)
        {
            string kept = Path.Combine(root, "bench", "native", "walk.c");
            if (File.Exists(kept) && found.Path != kept && Sha256(kept) != sha)
            {
                note = $"bench/native/walk.c differs from {found.Path}, which was used; refresh the copy";
            }
        }

        string outDir = root != null
            ? Path.Combine(root, "bench", "native", "out")
            : Path.Combine(Path.GetTempPath(), "mmudsl-bench-native");
        Directory.CreateDirectory(outDir);
        string binary = Path.Combine(outDir, "walk");

        if (!TryRun("gcc", ["--version"], out string version, out error))
        {
            error = "gcc is needed for the native anchor: " + error;
            return null;
        }

        if (!TryRun("gcc", ["-O2", "-o", binary, found.Path], out _, out error))
        {
            error = "compiling walk.c failed: " + error;
            return null;
        }

        error = "";
        return new NativeWalk(found.Path, found.What, binary, version.Split('\n')[0].Trim(), sha, note);
    }

    /// <summary>Runs <c>walk K ALG</c> once and parses its line.</summary>
    public NativeWalkResult Run(int k, string algorithm)
    {
        if (!TryRun(Binary, [k.ToString(CultureInfo.InvariantCulture), algorithm], out string stdout, out string error))
        {
            throw new InvalidOperationException($"walk {k} {algorithm} failed: {error}");
        }

        return Parse(stdout);
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
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(psi)!;
            var stderrTask = process.StandardError.ReadToEndAsync();
            stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string stderr = stderrTask.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                error = $"{file} exited with {process.ExitCode}: {stderr.Trim()}";
                return false;
            }

            error = "";
            return true;
        }
        catch (Win32Exception e)
        {
            stdout = "";
            error = $"cannot start {file}: {e.Message}";
            return false;
        }
    }
}
