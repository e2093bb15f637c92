using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using Xunit.Abstractions;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>
/// Seeded robustness of the whole runner: 20,000 mutants of the shipped scenarios run under a
/// small budget. No exception escapes, each run ends within a second, and a run that does not
/// hold says where: some error or failure starts with <c>FILE:LINE:COL: </c>. A failure prints the
/// seed and the input; set MMUDSL_FUZZ_SEED to replay another seed.
/// </summary>
public sealed partial class RunnerRobustnessTests
{
    private const int Inputs = 20_000;
    private const int DefaultSeed = 20_261_125;
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(1);

    // The run of a test host ends at an exception on the runner's own thread (nothing can catch
    // it there): print what was running, so the crash names its input.
    private static readonly ConcurrentDictionary<int, string> InFlight = new();
    private readonly ITestOutputHelper _output;

    static RunnerRobustnessTests()
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            foreach (var (_, input) in InFlight)
            {
                Console.Error.WriteLine($"runner crashed ({e.ExceptionObject.GetType().Name}) while running:\n{input}");
            }
        };
    }

    public RunnerRobustnessTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private sealed record Corpus(IReadOnlyList<string> Paths, IReadOnlyList<string> Texts, IReadOnlyDictionary<string, string> ByFullPath);

    private static Corpus LoadCorpus()
    {
        var paths = TestFolders.ShippedScenarios;
        var texts = paths.Select(File.ReadAllText).ToList();
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Count; i++)
        {
            byPath[Path.GetFullPath(paths[i])] = texts[i];
        }

        return new Corpus(paths, texts, byPath);
    }

    /// <summary>Small limits, so no input runs long; includes are served from the corpus only (the disk is never read).</summary>
    private static RunOptions Budget(Corpus corpus) => RunOptions.Default with
    {
        MaxStatements = 200_000,
        MaxLoopIterations = 20_000,
        MaxPages = 2_000,
        MaxCallDepth = 64,
        MaxIncludeDepth = 8,
        MaxOutputChars = 200_000,
        ReadFile = path => corpus.ByFullPath.TryGetValue(path, out var text) ? text : throw new FileNotFoundException("not in the corpus", path),
    };

    /// <summary>
    /// The seed of input <paramref name="index"/>, the same in every process (HashCode is not: it is
    /// salted per process), so one input can be replayed alone.
    /// </summary>
    private static int InputSeed(int seed, int index)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 4000) + 64);
        foreach (char c in text.Length > 4000 ? text[..4000] : text)
        {
            sb.Append(c is '\n' or '\t' || (c >= ' ' && c < 0x7f) ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return text.Length > 4000 ? sb.Append($"... ({text.Length} characters in all)").ToString() : sb.ToString();
    }

    /// <summary>What is wrong with one run, or null.</summary>
    private static string? Check(ScenarioResult result, TimeSpan elapsed)
    {
        if (elapsed > PerInputLimit)
        {
            return $"took {elapsed.TotalMilliseconds:F0} ms (limit {PerInputLimit.TotalMilliseconds:F0} ms)";
        }

        if (result.ExitCode == 0)
        {
            return null;
        }

        var messages = result.Errors.Select(e => e.Render()).Concat(result.Failures.Select(f => f.Render())).ToList();
        if (!messages.Any(IsPlaced))
        {
            return $"exit {result.ExitCode} without any FILE:LINE:COL diagnostic:\n{string.Concat(messages)}";
        }

        // Stronger than asked, and true so far: every error and failure says where it is.
        if (messages.FirstOrDefault(m => !IsPlaced(m)) is { } unplaced)
        {
            return $"a message without FILE:LINE:COL:\n{unplaced}";
        }

        return null;
    }

    private static bool IsPlaced(string message)
    {
        var m = Placed().Match(message);
        return m.Success
            && int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture) >= 1
            && int.Parse(m.Groups["col"].Value, CultureInfo.InvariantCulture) >= 1;
    }

    [Fact]
    public void RunText_TwentyThousandMutatedScenarios_EndCleanlyAndPlaceTheirErrors()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("MMUDSL_FUZZ_SEED"), CultureInfo.InvariantCulture, out int s) ? s : DefaultSeed;
        var corpus = LoadCorpus();
        var options = Budget(corpus);
        var mutator = new ScenarioMutator(corpus.Texts);
        var problems = new ConcurrentBag<(int Index, string Problem, string Input)>();
        var retime = new ConcurrentBag<(int Index, string Input, string Path)>();
        var slowest = (Index: -1, Ticks: 0L, Input: string.Empty);
        var gate = new object();
        var exits = new int[3];
        int syntaxErrors = 0;
        var total = Stopwatch.StartNew();

        Parallel.For(0, Inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var random = new Random(InputSeed(seed, index));
            int source = random.Next(corpus.Paths.Count);
            string path = corpus.Paths[source];
            string input = mutator.Next(random);
            InFlight[Environment.CurrentManagedThreadId] = $"seed {seed}, input {index} (from {TestFolders.Relative(path)}):\n{Escape(input)}";
            try
            {
                var clock = Stopwatch.StartNew();
                var result = ScenarioRunner.RunText(path, input, options);
                GoldenRewriter.Plan(result);
                clock.Stop();
                Interlocked.Increment(ref exits[result.ExitCode]);
                if (result.ExitCode == 2 && result.Runs.Count == 0)
                {
                    Interlocked.Increment(ref syntaxErrors);
                }

                if (Check(result, clock.Elapsed) is { } problem)
                {
                    // A run slowed by the machine (other test classes run in parallel, a GC of
                    // another thread) is timed again alone below; anything else is a problem now.
                    if (clock.Elapsed > PerInputLimit && Check(result, TimeSpan.Zero) == null)
                    {
                        retime.Add((index, input, path));
                    }
                    else
                    {
                        problems.Add((index, problem, input));
                    }
                }

                lock (gate)
                {
                    if (clock.ElapsedTicks > slowest.Ticks)
                    {
                        slowest = (index, clock.ElapsedTicks, input);
                    }
                }
            }
            catch (Exception e)
            {
                problems.Add((index, $"threw {e}", input));
            }
            finally
            {
                InFlight.TryRemove(Environment.CurrentManagedThreadId, out _);
            }
        });

        foreach (var (index, input, path) in retime)
        {
            var clock = Stopwatch.StartNew();
            ScenarioRunner.RunText(path, input, options);
            clock.Stop();
            if (clock.Elapsed > PerInputLimit)
            {
                problems.Add((index, $"took {clock.Elapsed.TotalMilliseconds:F0} ms alone (limit {PerInputLimit.TotalMilliseconds:F0} ms)", input));
            }
        }

        total.Stop();
        var slowestTime = TimeSpan.FromTicks(slowest.Ticks * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        _output.WriteLine($"seed {seed}: {Inputs} inputs in {total.Elapsed.TotalSeconds:F1} s; exit 0/1/2: {exits[0]}/{exits[1]}/{exits[2]} ({syntaxErrors} stopped by syntax errors before running)");
        _output.WriteLine($"slowest: input {slowest.Index}, {slowestTime.TotalMilliseconds:F0} ms, {slowest.Input.Length} characters:\n{Escape(slowest.Input)}");
        var first = problems.OrderBy(p => p.Index).Take(5).ToList();
        Assert.True(
            first.Count == 0,
            $"{problems.Count} of {Inputs} inputs failed (seed {seed}; replay with MMUDSL_FUZZ_SEED={seed}); the first ones:\n"
                + string.Join("\n", first.Select(p => $"--- input {p.Index} (seed {InputSeed(seed, p.Index)}): {p.Problem}\n{Escape(p.Input)}")));

        // Every kind of outcome is reached, so the budget does not turn every input into an error.
        Assert.All(exits, count => Assert.True(count > 0, $"exit counts 0/1/2: {string.Join("/", exits)}"));
    }

    [GeneratedRegex(@"\A(?<path>[^\n]+?):(?<line>[0-9]+):(?<col>[0-9]+): ")]
    private static partial Regex Placed();
}
