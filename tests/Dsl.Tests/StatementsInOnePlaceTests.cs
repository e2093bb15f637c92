using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>
/// A statement lives in several places: its syntax record, the lowering from ANTLR's tree, the
/// printer, the interpreter, the random-syntax generator the round-trip oracle uses. A statement
/// added to one and forgotten in another would show up only when someone ran it; here every
/// statement type the library defines is checked in each place, by reflection, so that the
/// forgotten place fails a test instead (docs/architecture.md, "Add a statement").
/// </summary>
public sealed class StatementsInOnePlaceTests
{
    /// <summary>
    /// One small scenario per statement type that runs cleanly under the default algorithms.
    /// A new statement type needs a line here; the test below says so when it is missing.
    /// </summary>
    private static readonly Dictionary<Type, string> Samples = new()
    {
        [typeof(RootStatement)] = "root R level 4",
        [typeof(PageStatement)] = "page P level 3",
        [typeof(LinkStatement)] = "root R level 4\npage P level 3\nlink R[0] -> P",
        [typeof(MapStatement)] = "page L level 1\nmap L[3]",
        [typeof(UnlinkStatement)] = "root R level 4\npage P level 3\nlink R[0] -> P\nunlink R[0]",
        [typeof(UnsyncStatement)] = "page L level 1\nunsync L",
        [typeof(SyncStatement)] = "root R level 2\npage L level 1\nlink R[0] -> L\nunsync L\nsync R",
        [typeof(FailSyncStatement)] = "page L level 1\nfail-sync L",
        [typeof(ZapStatement)] = "page L level 1\nzap L",
        [typeof(ZapUnsyncChildrenStatement)] = "root R level 2\nzap-unsync-children R",
        [typeof(SetStatement)] = "set pvec 4",
        [typeof(AlgorithmsStatement)] = "algorithms legacy recursive",
        [typeof(LetStatement)] = "let n = 1",
        [typeof(ForStatement)] = "for i in 0..2 {\n  page P$i level 1\n}",
        [typeof(ProcStatement)] = "proc p(x) {\n  echo \"$x\"\n}",
        [typeof(CallStatement)] = "proc p(x) {\n  echo \"$x\"\n}\ncall p(1)",
        [typeof(IncludeStatement)] = "include \"included.mmu\"",
        [typeof(EchoStatement)] = "echo \"hello\"",
        [typeof(ShowStatement)] = "root R level 4\nshow",
        [typeof(StatsStatement)] = "stats",
        [typeof(TraceStatement)] = "root R level 4\ntrace sync R",
        [typeof(ExpectStatement)] = "expect 1 + 1 == 2",
        [typeof(ExpectInvariantsStatement)] = "expect invariants",
    };

    public static TheoryData<string> StatementTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AllStatementTypes())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void There_are_statement_types_to_check()
    {
        // Guards the reflection below: an empty list would make every theory vacuous.
        Assert.True(AllStatementTypes().Count >= 20, $"found only {AllStatementTypes().Count} statement types");
    }

    [Theory]
    [MemberData(nameof(StatementTypes))]
    public void Every_statement_type_has_a_sample_that_parses_to_it(string name)
    {
        var type = TypeNamed(name);
        Assert.True(Samples.TryGetValue(type, out string? sample), $"{name} has no sample in {nameof(StatementsInOnePlaceTests)}.{nameof(Samples)}: add one line that uses it");
        var parsed = ScenarioParser.Parse("sample.mmu", sample + "\n");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        Assert.Contains(Flatten(parsed.File.Statements), s => s.GetType() == type);
    }

    [Theory]
    [MemberData(nameof(StatementTypes))]
    public void Every_statement_type_is_printed_and_lowered_back_to_itself(string name)
    {
        var type = TypeNamed(name);
        var statement = Flatten(ScenarioParser.Parse("sample.mmu", Samples[type] + "\n").File.Statements).First(s => s.GetType() == type);
        string printed = SyntaxPrinter.Print(statement);
        Assert.False(string.IsNullOrWhiteSpace(printed));
        var reparsed = ScenarioParser.Parse("printed.mmu", printed + "\n");
        Assert.False(reparsed.HasErrors, $"the printer's text of {name} does not parse:\n{printed}\n" + string.Join("\n", reparsed.Diagnostics.Select(d => d.ToString())));
        Assert.Equal(type, Assert.Single(reparsed.File.Statements).GetType());
    }

    [Theory]
    [MemberData(nameof(StatementTypes))]
    public void Every_statement_type_runs_in_the_interpreter(string name)
    {
        var type = TypeNamed(name);
        string folder = Directory.CreateTempSubdirectory("mmudsl-statements-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "included.mmu"), "page Included level 1\n");
            string path = Path.Combine(folder, "sample.mmu");
            File.WriteAllText(path, Samples[type] + "\n");
            var result = ScenarioRunner.RunFile(path, RunOptions.Default);
            Assert.True(result.Errors.Count == 0, $"{name} did not run: " + string.Join("\n", result.Errors.Select(e => e.Render())));
            Assert.Equal(2, result.Runs.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_random_syntax_generator_makes_every_statement_type()
    {
        var made = new HashSet<Type>();
        for (int seed = 0; seed < 200 && made.Count < AllStatementTypes().Count; seed++)
        {
            foreach (var statement in Flatten(new RandomSyntax(seed).Statements(40)))
            {
                made.Add(statement.GetType());
            }
        }

        var missing = AllStatementTypes().Where(t => !made.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "the round-trip oracle's generator (RandomSyntax) never makes: " + string.Join(", ", missing));
    }

    private static List<Type> AllStatementTypes() =>
        typeof(Statement).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Statement)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    private static Type TypeNamed(string name) => AllStatementTypes().Single(t => t.Name == name);

    // Every statement, with those nested in blocks, traces and yield points.
    private static IEnumerable<Statement> Flatten(IEnumerable<Statement> statements)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            IEnumerable<Statement> inner = statement switch
            {
                ForStatement f => f.Body.Statements,
                ProcStatement p => p.Body.Statements,
                TraceStatement t => [t.Inner],
                SyncStatement { AtYield: { } block } => block.Statements,
                _ => [],
            };
            foreach (var nested in Flatten(inner))
            {
                yield return nested;
            }
        }
    }
}
