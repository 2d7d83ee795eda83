using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Analyzers.Tests;

/// <summary>Matches diagnostics to the generated file of the class they are reported on, and tells a shell from generated code.</summary>
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
    public static bool HasFileFor(IEnumerable<string> hintNames, string owner) => FileFor(hintNames, owner) is not null;

    /// <summary>The hint name of the generated file of class <paramref name="owner"/> ("Ns.Owner.SslDsl.g.cs", a generic one "Owner`1.SslDsl.g.cs"), or null.</summary>
    public static string? FileFor(IEnumerable<string> hintNames, string owner)
    {
        var pattern = new Regex(@"(^|\.)" + Regex.Escape(owner) + @"(`\d+)?\.SslDsl\.g\.cs$");
        return hintNames.FirstOrDefault(h => pattern.IsMatch(h));
    }

    /// <summary>
    /// Whether <paramref name="generatedText"/> is the shell of a task with errors (its members throw) rather than
    /// the task's generated code: only a shell declares NotGenerated().
    /// </summary>
    public static bool IsShell(string generatedText) => generatedText.Contains("private static InvalidOperationException NotGenerated()", System.StringComparison.Ordinal);
}
