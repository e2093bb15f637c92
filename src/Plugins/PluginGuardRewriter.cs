using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MmuDsl.Plugins;

/// <summary>
/// Inserts the guards of <c>MmuDsl.Mmu.Algorithms.PluginGuard</c> into a plug-in's syntax tree:
/// <c>Enter()</c> first in every method, constructor, accessor and local function (so a recursion
/// that does not end stops before the stack overflows), <c>Iterate()</c> first in every loop body
/// (so a loop that does not end stops at the budget). Nothing is inserted with a line break, and an
/// expression body becomes a block on the same line: every line keeps its number, so an error or a
/// failure still points at the line the user wrote.
/// </summary>
internal sealed class PluginGuardRewriter : CSharpSyntaxRewriter
{
    private static StatementSyntax EnterCall => Call("Enter");

    private static StatementSyntax IterateCall => Call("Iterate");

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        if (visited.Body is { } body)
        {
            return visited.WithBody(Guarded(body));
        }

        if (visited.ExpressionBody is { } arrow)
        {
            bool isVoid = visited.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockOf(arrow.Expression, isVoid, visited.SemicolonToken));
        }

        return visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.Body is { } body)
        {
            return visited.WithBody(Guarded(body));
        }

        if (visited.ExpressionBody is { } arrow)
        {
            bool isVoid = visited.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockOf(arrow.Expression, isVoid, visited.SemicolonToken));
        }

        return visited;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return visited.Body is { } body ? visited.WithBody(Guarded(body)) : visited;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        if (visited.Body is { } body)
        {
            return visited.WithBody(Guarded(body));
        }

        if (visited.ExpressionBody is { } arrow)
        {
            bool isVoid = !visited.Keyword.IsKind(SyntaxKind.GetKeyword);
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockOf(arrow.Expression, isVoid, visited.SemicolonToken));
        }

        return visited;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow)
        {
            return visited;
        }

        // `T P => e;` becomes `T P { get { Enter(); return e; } }`, on the same line.
        var getter = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, BlockOf(arrow.Expression, isVoid: false, default));
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithAccessorList(AccessorList(List([getter])).WithTrailingTrivia(visited.SemicolonToken.TrailingTrivia));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(LoopBody(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(LoopBody(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(LoopBody(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(LoopBody(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(LoopBody(visited.Statement));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        // A backward goto is a loop: count each jump.
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        return Block(IterateCall, visited.WithoutTrivia()).WithTriviaFrom(visited);
    }

    /// <summary><c>{ Enter(); try { BODY } finally { Exit(); } }</c>, the braces and lines of BODY kept.</summary>
    private static BlockSyntax Guarded(BlockSyntax body)
    {
        var inner = Block(body.Statements).WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space));
        var exit = Block(Call("Exit")).WithLeadingTrivia(Space).WithTrailingTrivia(Space);
        var guarded = TryStatement(inner, default, FinallyClause(exit).WithFinallyKeyword(Token(SyntaxKind.FinallyKeyword).WithLeadingTrivia(Space)))
            .WithTryKeyword(Token(SyntaxKind.TryKeyword).WithTrailingTrivia(Space));
        return body.WithStatements(List([EnterCall, guarded]));
    }

    private static StatementSyntax LoopBody(StatementSyntax body) => body is BlockSyntax block
        ? block.WithStatements(block.Statements.Insert(0, IterateCall))
        : Block(IterateCall, body.WithoutTrivia()).WithTriviaFrom(body);

    private static BlockSyntax BlockOf(ExpressionSyntax expression, bool isVoid, SyntaxToken semicolon)
    {
        StatementSyntax body = isVoid
            ? ExpressionStatement(expression.WithoutTrivia())
            : ReturnStatement(expression.WithoutTrivia()).WithReturnKeyword(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space));
        return Guarded(Block(body)).WithLeadingTrivia(Space).WithTrailingTrivia(semicolon.TrailingTrivia);
    }

    private static StatementSyntax Call(string method) =>
        ParseStatement($"global::MmuDsl.Mmu.Algorithms.PluginGuard.{method}();").WithTrailingTrivia(Space);
}
