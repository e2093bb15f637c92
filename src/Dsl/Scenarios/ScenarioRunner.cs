using System.Text;
using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Runs a scenario file: parses it, picks its algorithms, runs it once per algorithm with a fresh
/// engine, then judges golden blocks and warnings and merges the outputs. The single boundary
/// where script errors are caught: nothing a script does escapes as an exception.
/// </summary>
public static class ScenarioRunner
{
    // Deeply nested input is refused by the parser's limits; the big stack is a second wall.
    private const int StackSize = 256 * 1024 * 1024;

    /// <summary>Runs the scenario at <paramref name="path"/>.</summary>
    public static ScenarioResult RunFile(string path, RunOptions options, bool recordSteps = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string text;
        try
        {
            text = options.ReadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var result = new ScenarioResult(path);
            string why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file"
                : Directory.Exists(path) ? "it is a folder (`mmudsl test FOLDER` runs every .mmu in one)"
                : e.Message;
            result.Errors.Add($"{path}: error: cannot read the scenario: {why}\n");
            return result;
        }

        return RunText(path, text, options, recordSteps);
    }

    /// <summary>Runs a scenario whose text the caller has; includes are read relative to <paramref name="path"/>.</summary>
    public static ScenarioResult RunText(string path, string text, RunOptions options, bool recordSteps = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ScenarioResult? result = null;
        Exception? crash = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = RunOnThisThread(path, text, options, recordSteps);
                }
                catch (InsufficientExecutionStackException e)
                {
                    crash = e;
                }
#pragma warning disable CA1031 // The one boundary: nothing a script does may end the process.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    crash = e;
                }
            },
            StackSize);
        thread.Start();
        thread.Join();
        if (result == null)
        {
            result = new ScenarioResult(path);
            result.Errors.Add(crash is InsufficientExecutionStackException
                ? $"{path}: error: the scenario is nested too deeply to run ({crash.Message})\n"
                : $"{path}: error: internal error while running the scenario (please report it with the file): {crash?.GetType().Name}: {crash?.Message}\n");
        }

        return result;
    }

    private static ScenarioResult RunOnThisThread(string path, string text, RunOptions options, bool recordSteps)
    {
        var result = new ScenarioResult(path);
        var loader = new SourceLoader(options.ReadFile, options.Parse);
        var parsed = loader.Add(path, text);
        result.Sources[path] = text;
        result.Files[path] = parsed.File;
        var syntaxErrors = parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (syntaxErrors.Count > 0)
        {
            result.Errors.AddRange(syntaxErrors.Select(d => DiagnosticText.Render(d, text, null)));
            return result;
        }

        var algorithms = ChooseAlgorithms(parsed.File, options, result, text);
        if (result.Errors.Count > 0 || algorithms.Count == 0)
        {
            return result;
        }

        foreach (var algorithm in algorithms)
        {
            result.Algorithms.Add(algorithm.Name);
            var interpreter = new Interpreter(algorithm, loader, options, recordSteps);
            result.Runs.Add(interpreter.Run(parsed.File));
        }

        foreach (var (p, r) in loader.Parsed)
        {
            result.Files[p] = r.File;
            result.Sources[p] = loader.TextOf(p)!;
        }

        ReportErrors(result, loader);
        JudgeGoldenBlocks(result);
        JudgeWarnings(result);
        result.Output = OutputMerger.Merge(result.Runs);
        return result;
    }

    private static List<UnsyncWalkAlgorithm> ChooseAlgorithms(ScenarioFile file, RunOptions options, ScenarioResult result, string text)
    {
        var candidates = new List<UnsyncWalkAlgorithm>();
        if (options.Algorithms == null)
        {
            candidates.AddRange(WalkAlgorithms.All);
        }
        else
        {
            foreach (var name in options.Algorithms)
            {
                var a = WalkAlgorithms.Find(name, options.AllowMutants);
                if (a == null)
                {
                    result.Errors.Add($"{file.Path}: error: unknown algorithm '{name}'; algorithms are {string.Join(", ", WalkAlgorithms.All.Select(x => x.Name))}\n");
                    return [];
                }

                if (!candidates.Contains(a))
                {
                    candidates.Add(a);
                }
            }
        }

        if (file.Statements.Length > 0 && file.Statements[0] is AlgorithmsStatement chosen && chosen.Qualifier == AlgorithmQualifier.None)
        {
            var named = new List<UnsyncWalkAlgorithm>();
            foreach (var (name, span) in chosen.Names.Select(n => (n.Name, n.Span)))
            {
                var a = WalkAlgorithms.Find(name, options.AllowMutants);
                if (a == null)
                {
                    result.Errors.Add(DiagnosticText.Render(new Diagnostic(span, DiagnosticSeverity.Error, $"unknown algorithm '{name}'; algorithms are {string.Join(", ", WalkAlgorithms.All.Select(x => x.Name))}"), text, null));
                    continue;
                }

                named.Add(a);
            }

            // A file may name a mutant (an explorer repro does); the command line still narrows.
            candidates = options.Algorithms == null ? named : candidates.Where(named.Contains).ToList();
        }

        // Legacy runs first, then recursive (the order of golden sections), then any mutant.
        return candidates.OrderBy(a => WalkAlgorithms.All.ToList().IndexOf(a) is int i && i >= 0 ? i : int.MaxValue).ToList();
    }

    private static void ReportErrors(ScenarioResult result, SourceLoader loader)
    {
        var withErrors = result.Runs.Where(r => r.Errors.Count > 0).ToList();
        if (withErrors.Count == 0)
        {
            return;
        }

        bool same = withErrors.Count == result.Runs.Count && withErrors.All(r => r.Errors.SequenceEqual(withErrors[0].Errors));
        if (same)
        {
            foreach (var d in withErrors[0].Errors)
            {
                result.Errors.Add(DiagnosticText.Render(d, loader.TextOf(d.Span.Path) ?? string.Empty, null));
            }

            return;
        }

        foreach (var run in withErrors)
        {
            foreach (var d in run.Errors)
            {
                result.Errors.Add(DiagnosticText.Render(d, loader.TextOf(d.Span.Path) ?? string.Empty, run.Algorithm));
            }
        }
    }

    private static void JudgeGoldenBlocks(ScenarioResult result)
    {
        foreach (var run in result.Runs)
        {
            result.Failures.AddRange(run.Failures);
        }

        // Each run's output by statement, gathered once (a scan of the whole output per golden
        // block made a 100,000-line scenario quadratic).
        var printed = result.Runs.Select(run =>
        {
            var byStatement = new Dictionary<Statement, StringBuilder>(ReferenceEqualityComparer.Instance);
            foreach (var chunk in run.Output)
            {
                if (chunk.Statement != null)
                {
                    if (!byStatement.TryGetValue(chunk.Statement, out var sb))
                    {
                        sb = new StringBuilder();
                        byStatement[chunk.Statement] = sb;
                    }

                    sb.Append(chunk.Text);
                }
            }

            return byStatement;
        }).ToList();
        var order = result.Algorithms;
        foreach (var file in result.Files.Values)
        {
            foreach (var statement in SyntaxWalk.Statements(file.Statements))
            {
                if (statement.Golden is not { } block)
                {
                    continue;
                }

                var actual = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int r = 0; r < result.Runs.Count; r++)
                {
                    if (printed[r].TryGetValue(statement, out var sb))
                    {
                        actual[result.Runs[r].Algorithm] = sb.ToString();
                    }
                }

                var expected = GoldenExpectation.Parse(block.Text, order.Concat(WalkAlgorithms.All.Select(a => a.Name)).Distinct().ToList());
                var mismatched = new List<string>();
                foreach (var (algorithm, text) in actual)
                {
                    string want = expected.ExpectedFor(algorithm) ?? string.Empty;
                    if (want != text)
                    {
                        mismatched.Add(algorithm);
                        var run = result.Runs.First(r => r.Algorithm == algorithm);
                        if (run.Errors.Count == 0)
                        {
                            result.Failures.Add(new ScenarioFailure(statement.Span, FailureKind.GoldenBlock, algorithm, $"golden block differs [{algorithm}]", UnifiedDiff.Render(want, text)));
                        }
                    }
                }

                result.GoldenBlocks.Add(new GoldenBlockResult(file, statement, expected, actual, mismatched));
            }
        }
    }

    private static void JudgeWarnings(ScenarioResult result)
    {
        if (result.Runs.All(r => r.Warnings.Count == 0))
        {
            return;
        }

        bool named = result.Runs.SelectMany(r => r.Files).Distinct().Any(SyntaxWalk.ExpectsNameWarnings);
        if (named)
        {
            return;
        }

        foreach (var run in result.Runs)
        {
            foreach (var w in run.Warnings)
            {
                result.Failures.Add(new ScenarioFailure(
                    w.Span,
                    FailureKind.Warning,
                    run.Algorithm,
                    $"warning [{run.Algorithm}]: {w.Warning.Name}: {w.Warning.Message}",
                    "  (an engine warning fails the run unless some 'expect' in the scenario names stat.warnings)\n"));
            }
        }
    }
}
