using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins;

/// <summary>
/// Compiles one plug-in file with Roslyn against the algorithm API: C# latest, nullable on,
/// optimized, no unsafe code, with the usings every plug-in needs made global. Checks what a
/// plug-in must be: exactly one concrete class deriving from <see cref="UnsyncWalkAlgorithm"/>
/// (directly or through a built-in such as <see cref="LegacyWalk"/>), with a parameterless
/// constructor and no state (one instance serves every engine, on several threads).
/// </summary>
internal static class PluginCompiler
{
    private const string GlobalUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using MmuDsl.Mmu;\nglobal using MmuDsl.Mmu.Algorithms;\n";

    // The framework assemblies a plug-in may use, beside the engine's.
    private static readonly string[] FrameworkAssemblies =
        ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "System.Console", "System.Runtime.Extensions", "netstandard"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="text"/>, the file at <paramref name="fullPath"/> (shown as <paramref name="displayPath"/>).</summary>
    public static PluginCompilation Compile(string fullPath, string displayPath, string text, string assemblyName)
    {
        var source = SourceText.From(text, Encoding.UTF8);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parse, fullPath);
        var usings = CSharpSyntaxTree.ParseText(SourceText.From(GlobalUsings, Encoding.UTF8), parse, "mmudsl-global-usings.cs");
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: false,
            deterministic: true);
        var compilation = CSharpCompilation.Create(assemblyName, [tree, usings], References.Value, options);

        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => ToDiagnostic(d, displayPath, text))
            .ToList();
        if (errors.Count > 0)
        {
            return new PluginCompilation { Errors = errors };
        }

        var found = FindAlgorithm(compilation, displayPath, text, errors);
        if (found == null)
        {
            return new PluginCompilation { Errors = errors };
        }

        // The code that runs is guarded (PluginGuardRewriter); its lines are the user's lines.
        var guarded = tree.WithRootAndOptions(new PluginGuardRewriter().Visit(tree.GetRoot()), parse).WithFilePath(fullPath);
        var toEmit = compilation.ReplaceSyntaxTree(tree, guarded);
        using var dll = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = toEmit.Emit(dll, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!emitted.Success)
        {
            return new PluginCompilation
            {
                Errors = [.. emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => ToDiagnostic(d, displayPath, text))],
            };
        }

        var (nameLine, nameColumn) = NameDeclaration(found);
        return new PluginCompilation
        {
            Assembly = dll.ToArray(),
            Pdb = pdb.ToArray(),
            TypeName = found.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty, StringComparison.Ordinal),
            NameLine = nameLine,
            NameColumn = nameColumn,
        };
    }

    /// <summary>The one concrete algorithm class of the file, or null (with the errors added).</summary>
    private static INamedTypeSymbol? FindAlgorithm(CSharpCompilation compilation, string displayPath, string text, List<PluginDiagnostic> errors)
    {
        var baseType = compilation.GetTypeByMetadataName(typeof(UnsyncWalkAlgorithm).FullName!);
        var candidates = new List<INamedTypeSymbol>();
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(compilation.Assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    stack.Push(container);
                }

                if (member is INamedTypeSymbol { TypeKind: TypeKind.Class } type && DerivesFrom(type, baseType))
                {
                    CheckNoState(type, displayPath, text, errors);
                    if (!type.IsAbstract)
                    {
                        candidates.Add(type);
                    }
                }
            }
        }

        if (candidates.Count == 0)
        {
            errors.Add(new PluginDiagnostic(displayPath, 1, 1, "the file declares no algorithm: a plug-in declares one non-abstract class deriving from UnsyncWalkAlgorithm (or from LegacyWalk, RecursiveWalk or EagerWalk)", text));
            return null;
        }

        if (candidates.Count > 1)
        {
            foreach (var extra in candidates.Skip(1))
            {
                var (line, column) = Place(extra.Locations.FirstOrDefault());
                errors.Add(new PluginDiagnostic(displayPath, line, column, $"the file declares more than one algorithm ('{candidates[0].Name}' and '{extra.Name}'): a plug-in file declares exactly one (make the others abstract)", text));
            }

            return null;
        }

        var algorithm = candidates[0];
        if (!algorithm.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal))
        {
            var (line, column) = Place(algorithm.Locations.FirstOrDefault());
            errors.Add(new PluginDiagnostic(displayPath, line, column, $"the algorithm '{algorithm.Name}' needs a constructor without parameters", text));
        }

        return errors.Count > 0 ? null : algorithm;
    }

    /// <summary>Fields that hold state (instance fields, static fields that are not readonly) are refused.</summary>
    private static void CheckNoState(INamedTypeSymbol type, string displayPath, string text, List<PluginDiagnostic> errors)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsConst || (field.IsStatic && field.IsReadOnly))
            {
                continue;
            }

            ISymbol declared = field.AssociatedSymbol ?? field;
            var (line, column) = Place(declared.Locations.FirstOrDefault());
            errors.Add(new PluginDiagnostic(
                displayPath,
                line,
                column,
                $"'{declared.Name}' would hold state in the algorithm '{type.Name}': an algorithm keeps none, since one instance serves every engine, on several threads at once (use a constant or a static readonly value, or keep the data in the engine)",
                text));
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the class declares (or overrides) <c>Name</c>; its own place if it inherits it.</summary>
    private static (int Line, int Column) NameDeclaration(INamedTypeSymbol algorithm)
    {
        for (var t = algorithm; t != null; t = t.BaseType)
        {
            var name = t.GetMembers("Name").OfType<IPropertySymbol>().FirstOrDefault();
            if (name != null && name.Locations.FirstOrDefault() is { IsInSource: true } location)
            {
                return Place(location);
            }
        }

        return Place(algorithm.Locations.FirstOrDefault());
    }

    private static (int Line, int Column) Place(Location? location)
    {
        if (location == null || !location.IsInSource)
        {
            return (1, 1);
        }

        var start = location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }

    private static PluginDiagnostic ToDiagnostic(Diagnostic d, string displayPath, string text)
    {
        var (line, column) = d.Location.SourceTree?.FilePath?.EndsWith("mmudsl-global-usings.cs", StringComparison.Ordinal) == true ? (0, 0) : Place(d.Location);
        return new PluginDiagnostic(displayPath, line, column, $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", text);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        var byName = trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var name in FrameworkAssemblies)
        {
            if (byName.TryGetValue(name, out var path))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(UnsyncWalkAlgorithm).Assembly.Location));
        return builder.ToImmutable();
    }
}
