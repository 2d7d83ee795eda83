using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Analyzers.Tests;

/// <summary>Matches diagnostics to the generated file of the class they are reported on.</summary>
internal static class GeneratedFor
{
    /// <summary>The name of the type declaration enclosing <paramref name="diagnostic"/>, or null outside any type.</summary>
    public static string? OwnerClass(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null)
        {
            return null;
        }

        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        return node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText;
    }

    /// <summary>True when one of <paramref name="hintNames"/> is the generated file of class <paramref name="owner"/>.</summary>
    public static bool HasFileFor(IEnumerable<string> hintNames, string owner) =>
        hintNames.Any(h => h == owner + ".SslDsl.g.cs" || h.EndsWith("." + owner + ".SslDsl.g.cs", System.StringComparison.Ordinal));
}
