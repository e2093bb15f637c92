using System.Text;
using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Plugins;

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
    public static ScenarioResult RunFile(string path, RunOptions options, bool recordSteps = false) => RunFile(path, options, null, recordSteps);

    /// <summary>
    /// Runs the scenario at <paramref name="path"/>, writing its merged output to
    /// <paramref name="liveOutput"/> as the last run prints it (when not null); the result's
    /// <see cref="ScenarioResult.Output"/> is then empty.
    /// </summary>
    public static ScenarioResult RunFile(string path, RunOptions options, TextWriter? liveOutput, bool recordSteps = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var read = options.Read(path);
        if (read.Problem != null)
        {
            var result = new ScenarioResult(path);
            string why = read.Problem == "it is a folder" ? "it is a folder (`mmudsl test FOLDER` runs every .mmu in one)" : read.Problem;
            result.Errors.Add(ScenarioError.OfFile(path, ErrorKind.Unreadable, $"cannot read the scenario: {why}"));
            return result;
        }

        if (!read.Invalid.IsEmpty)
        {
            var result = new ScenarioResult(path);
            result.Errors.AddRange(read.Invalid.Select(d => ScenarioError.At(d, read.Text)));
            return result;
        }

        string text = read.Text!;
        return RunText(path, text, options, liveOutput, recordSteps);
    }

    /// <summary>Runs a scenario whose text the caller has; includes are read relative to <paramref name="path"/>.</summary>
    public static ScenarioResult RunText(string path, string text, RunOptions options, bool recordSteps = false) => Run(path, text, null, options, null, recordSteps);

    /// <summary>As <see cref="RunText(string, string, RunOptions, bool)"/>, writing the output to <paramref name="liveOutput"/> as it is produced.</summary>
    public static ScenarioResult RunText(string path, string text, RunOptions options, TextWriter? liveOutput, bool recordSteps = false) =>
        Run(path, text, null, options, liveOutput, recordSteps);

    /// <summary>
    /// Runs a scenario the caller has parsed (with <see cref="RunOptions.Parse"/>), so that it is not
    /// parsed twice (the language server). The same as <see cref="RunText(string, string, RunOptions, bool)"/> on
    /// <paramref name="parsed"/>'s text otherwise.
    /// </summary>
    public static ScenarioResult RunParsed(ParseResult parsed, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return Run(parsed.File.Path, parsed.File.Text, parsed, options, null, recordSteps: false);
    }

    private static ScenarioResult Run(string path, string text, ParseResult? parsed, RunOptions options, TextWriter? liveOutput, bool recordSteps)
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
                    result = RunOnThisThread(path, text, parsed, options, recordSteps, liveOutput);
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
                ? ScenarioError.OfFile(path, ErrorKind.CallDepthLimit, $"the scenario is nested too deeply to run ({crash.Message})")
                : ScenarioError.OfFile(path, ErrorKind.Internal, $"internal error while running the scenario (please report it with the file): {crash?.GetType().Name}: {crash?.Message}"));
        }

        return result;
    }

    private static ScenarioResult RunOnThisThread(string path, string text, ParseResult? preParsed, RunOptions options, bool recordSteps, TextWriter? liveOutput)
    {
        var result = new ScenarioResult(path);
        var loader = new SourceLoader(options);
        var parsed = loader.Add(path, text, preParsed);
        result.Sources[path] = text;
        result.Files[path] = parsed.File;
        var syntaxErrors = parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (syntaxErrors.Count > 0)
        {
            result.Errors.AddRange(syntaxErrors.Select(d => ScenarioError.At(d, text)));
            return result;
        }

        var registry = new AlgorithmRegistry(options.PluginLoader ?? Sources.PluginFiles.Loader);
        var algorithms = ChooseAlgorithms(parsed.File, options, result, text, registry);
        if (result.Errors.Count > 0 || algorithms.Count == 0)
        {
            return result;
        }

        var live = liveOutput == null ? null : new LiveOutput(liveOutput);
        foreach (var algorithm in algorithms)
        {
            result.Algorithms.Add(algorithm.Name);
            bool last = result.Algorithms.Count == algorithms.Count;
            if (last)
            {
                live?.Start(result.Runs, algorithm.Name);
            }

            var interpreter = new Interpreter(algorithm, loader, options, recordSteps, registry, last ? live == null ? null : live.Hear : null);
            result.Runs.Add(interpreter.Run(parsed.File));
        }

        live?.Finish();

        foreach (var (p, r) in loader.Parsed)
        {
            result.Files[p] = r.File;
            result.Sources[p] = loader.TextOf(p)!;
        }

        ReportErrors(result, loader);
        ReportNotes(result, loader);
        JudgeGoldenBlocks(result, registry, options);
        JudgeWarnings(result);
        result.Output = live == null ? OutputMerger.Merge(result.Runs) : string.Empty;
        return result;
    }

    /// <summary>
    /// The algorithms the file runs under: the command line's (names or plug-in paths, relative to
    /// the current folder), the file's <c>algorithms</c> statement (relative to the file), both
    /// intersected when both are given, else the default set; in run order (built-ins first, then
    /// plug-ins as named). Every <c>@NAME</c> of the file must name one of the registry's.
    /// </summary>
    private static List<UnsyncWalkAlgorithm> ChooseAlgorithms(ScenarioFile file, RunOptions options, ScenarioResult result, string text, AlgorithmRegistry registry)
    {
        List<UnsyncWalkAlgorithm>? fromCommandLine = null;
        if (options.Algorithms != null)
        {
            fromCommandLine = [];
            foreach (var name in options.Algorithms)
            {
                var resolved = registry.Resolve(name);
                if (resolved.Algorithm is not { } a)
                {
                    AddResolutionErrors(result, resolved, null, text);
                    return [];
                }

                if (!fromCommandLine.Contains(a))
                {
                    fromCommandLine.Add(a);
                }
            }
        }

        List<UnsyncWalkAlgorithm>? fromFile = null;
        if (file.Statements.Length > 0 && file.Statements[0] is AlgorithmsStatement chosen && chosen.Qualifier == null)
        {
            fromFile = [];
            string folder = Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? ".";
            foreach (var entry in chosen.Entries)
            {
                var resolved = entry.Name is { } name
                    ? registry.Resolve(name.Name)
                    : registry.ResolvePath(LiteralText(entry.Path!), folder);
                if (resolved.Algorithm is not { } a)
                {
                    AddResolutionErrors(result, resolved, entry.Span, text);
                    continue;
                }

                if (!fromFile.Contains(a))
                {
                    fromFile.Add(a);
                }
            }
        }

        foreach (var statement in SyntaxWalk.Statements(file.Statements))
        {
            if (statement.Qualifier is { } q && registry.Find(q.Name) == null)
            {
                result.Errors.Add(ScenarioError.At(new Diagnostic(q.Span, DiagnosticSeverity.Error, UnknownQualifier.Message(q.Name, registry)) { Kind = ErrorKind.Algorithm }, text));
            }
        }

        result.DeclaredAlgorithms.AddRange((fromFile ?? [.. WalkAlgorithms.Default]).Select(a => a.Name));
        var candidates = fromFile == null
            ? fromCommandLine ?? [.. WalkAlgorithms.Default]
            : fromCommandLine == null ? fromFile : fromFile.Where(fromCommandLine.Contains).ToList();
        return [.. candidates.OrderBy(registry.RunOrder)];
    }

    private static string LiteralText(StringExpr path) =>
        string.Concat(path.Parts.OfType<StringTextPart>().Select(p => p.Text));

    private static void AddResolutionErrors(ScenarioResult result, AlgorithmResolution resolved, SourceSpan? at, string text) =>
        result.Errors.AddRange(ResolutionErrors.Of(resolved, at, text));

    /// <summary>The runs' notes, once each; tagged with the algorithm when not every run had it.</summary>
    private static void ReportNotes(ScenarioResult result, SourceLoader loader)
    {
        var seen = new HashSet<(SourceSpan, string)>();
        foreach (var run in result.Runs)
        {
            foreach (var note in run.Notes)
            {
                if (!seen.Add((note.Span, note.Message)))
                {
                    continue;
                }

                bool everywhere = result.Runs.All(r => r.Notes.Any(n => n.Span == note.Span && n.Message == note.Message));
                result.Notes.Add(DiagnosticText.Render(note, loader.TextOf(note.Span.Path) ?? string.Empty, everywhere ? null : run.Algorithm));
            }
        }
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
                result.Errors.Add(ScenarioError.At(d, loader.TextOf(d.Span.Path)));
            }

            return;
        }

        foreach (var run in withErrors)
        {
            foreach (var d in run.Errors)
            {
                result.Errors.Add(ScenarioError.At(d, loader.TextOf(d.Span.Path), run.Algorithm));
            }
        }
    }

    // Read this with GoldenExpectation (the block format) and tests/Dsl.Tests/Hardening/GoldenSectionTests.cs.
    // The rule: a block holds one text, or sections only for the algorithms that ran its statement.
    // A section for an algorithm that ran the file but not this statement, or for a name that is no
    // algorithm, or for one that does not run this file, is an error at its header (a block that
    // could never fail otherwise). An algorithm the command line (--algorithm) left out of this run
    // is simply not checked, and its text is kept by a rewrite.
    private static void JudgeGoldenBlocks(ScenarioResult result, AlgorithmRegistry registry, RunOptions options)
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
        var stopped = result.Runs.Where(r => r.Errors.Count > 0).Select(r => r.Algorithm).ToHashSet(StringComparer.Ordinal);
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

                var expected = GoldenExpectation.Parse(block.Text);
                var problems = new List<Diagnostic>();
                foreach (var p in expected.Problems)
                {
                    problems.Add(BlockDiagnostic(block, p.Line, p.Offset, p.Length, p.Message));
                }

                var notChecked = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var section in expected.Sections)
                {
                    string name = section.Algorithm;
                    string? problem = actual.ContainsKey(name) ? null
                        : registry.Find(name) == null ? $"unknown algorithm '{name}' in a section header; algorithms are {registry.Names()} (output that begins with '@' is written with one more '@')"
                        : result.Algorithms.Contains(name) ? (stopped.Contains(name) ? null : $"a section for '{name}', which ran this file but not this statement: a block holds sections only for the algorithms that run its statement (mmudsl test --rewrite drops it)")
                        : options.Algorithms != null && !options.Algorithms.Contains(name) ? null
                        : $"a section for '{name}', which does not run this file (it runs {(result.Algorithms.Count == 0 ? "no algorithm" : string.Join(", ", result.Algorithms))}): a block holds sections only for the algorithms that run its statement";
                    if (problem != null)
                    {
                        problems.Add(BlockDiagnostic(block, section.Line, section.Offset, section.Length, problem));
                    }
                    else if (!actual.ContainsKey(name) && !result.Algorithms.Contains(name))
                    {
                        notChecked.TryAdd(name, section.Text);
                    }
                }

                if (!expected.HasSections && options.Algorithms != null && expected.Problems.Count == 0)
                {
                    // One text for every algorithm: those the command line left out keep it.
                    foreach (var name in result.DeclaredAlgorithms.Where(n => !options.Algorithms.Contains(n) && !actual.ContainsKey(n)))
                    {
                        notChecked.TryAdd(name, expected.Common!);
                    }
                }

                var mismatched = new List<string>();
                foreach (var (algorithm, text) in actual)
                {
                    string? want = expected.ExpectedFor(algorithm);
                    bool noSection = want == null && expected.HasSections;
                    if (noSection && !options.RequireGoldenSections)
                    {
                        // `run` with an algorithm the block was not written for (a plug-in): say so, not fail.
                        result.Notes.Add($"{statement.Span}: note: golden block not checked under {algorithm}: it has sections for {string.Join(", ", expected.SectionAlgorithms)} only (`mmudsl test --rewrite` adds one)\n");
                        continue;
                    }

                    want ??= string.Empty;
                    if (want != text)
                    {
                        mismatched.Add(algorithm);
                        if (!stopped.Contains(algorithm))
                        {
                            string what = noSection ? $"golden block has no section for [{algorithm}] (`mmudsl test --rewrite` adds one)" : $"golden block differs [{algorithm}]";
                            result.Failures.Add(new ScenarioFailure(statement.Span, FailureKind.GoldenBlock, algorithm, what, UnifiedDiff.Render(want, text)));
                        }
                    }
                }

                foreach (var d in problems)
                {
                    result.Errors.Add(ScenarioError.At(d, file.Text));
                    result.GoldenBlockErrors++;
                }

                result.GoldenBlocks.Add(new GoldenBlockResult(file, statement, expected, actual, mismatched) { Problems = problems, Unchecked = notChecked });
            }
        }
    }

    private static Diagnostic BlockDiagnostic(GoldenBlock block, int line, int offset, int length, string message) =>
        new(new SourceSpan(block.Content.Path, block.Content.Line + line, 1, block.Content.Start + offset, block.Content.Start + offset + length), DiagnosticSeverity.Error, message) { Kind = ErrorKind.GoldenBlock };

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
