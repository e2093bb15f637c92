using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>Shortcuts for the tests: parse a text that must be valid, or collect its diagnostics.</summary>
internal static class Parsing
{
    public const string Path = "test.mmu";

    /// <summary>Parses <paramref name="text"/> and fails the test on any diagnostic.</summary>
    public static ScenarioFile Valid(string text)
    {
        ParseResult result = ScenarioParser.Parse(Path, text);
        Assert.True(result.Diagnostics.IsEmpty, "unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics.Select(d => d.Render(text))));
        return result.File;
    }

    /// <summary>The only statement of a valid one-statement text.</summary>
    public static T Single<T>(string text)
        where T : Statement => Assert.IsType<T>(Assert.Single(Valid(text).Statements));

    /// <summary>The expression of <c>expect EXPR</c>.</summary>
    public static Expr Expression(string expression) => Single<ExpectStatement>("expect " + expression + "\n").Condition;

    /// <summary>The diagnostics of <paramref name="text"/>, rendered.</summary>
    public static string[] Errors(string text, ParseOptions? options = null) =>
        [.. ScenarioParser.Parse(Path, text, options ?? ParseOptions.Default).Diagnostics.Select(d => d.Render(text))];

    /// <summary>The messages of <paramref name="text"/>'s diagnostics, as <c>LINE:COL: MESSAGE</c>.</summary>
    public static string[] Messages(string text, ParseOptions? options = null) =>
        [.. ScenarioParser.Parse(Path, text, options ?? ParseOptions.Default).Diagnostics.Select(d => $"{d.Span.Line}:{d.Span.Column}: {d.Message}")];
}
