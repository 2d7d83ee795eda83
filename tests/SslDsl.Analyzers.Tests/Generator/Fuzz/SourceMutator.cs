using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Analyzers.Tests;

/// <summary>One edited declaration: which seed, which edit, and the edited text.</summary>
/// <param name="Seed">The seed's name.</param>
/// <param name="Kind">The kind of edit (prefix, delete-token, wrong-value, duplicate-attribute, delete-attribute).</param>
/// <param name="Edit">Where and what was edited.</param>
/// <param name="Text">The edited source.</param>
internal sealed record Mutant(string Seed, string Kind, string Edit, string Text);

/// <summary>
/// Edits a declaration the ways a user (or a slip) does: the source cut before every token (typing it
/// from the start), every single token deleted, every attribute argument replaced by values of the wrong
/// type or range, every attribute duplicated, every attribute deleted.
/// </summary>
internal static class SourceMutator
{
    /// <summary>
    /// The wrong values every attribute argument is replaced by: a string, a number (where an enum is
    /// expected), a typeof, null, zero, negatives and huge numbers.
    /// </summary>
    public static readonly IReadOnlyList<string> WrongValues = new[]
    {
        "\"text\"", "7", "typeof(int)", "null", "0", "-1", "-1e9", "1e300", "2147483647", "-2147483648", "double.NaN",
    };

    /// <summary>Every mutant of <paramref name="source"/>, in a fixed order.</summary>
    public static IEnumerable<Mutant> Mutate(string seed, string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();

        foreach (var token in tokens)
        {
            yield return new Mutant(seed, "prefix", $"cut before '{token.Text}' at {token.SpanStart}", source.Substring(0, token.SpanStart));
            yield return new Mutant(seed, "delete-token", $"'{token.Text}' at {token.SpanStart} deleted", source.Remove(token.SpanStart, token.Span.Length));
        }

        foreach (var argument in root.DescendantNodes().OfType<AttributeArgumentSyntax>())
        {
            var span = argument.Expression.Span;
            foreach (var value in WrongValues)
            {
                yield return new Mutant(seed, "wrong-value", $"{argument} at {span.Start} -> {value}", source.Remove(span.Start, span.Length).Insert(span.Start, value));
            }
        }

        foreach (var attribute in root.DescendantNodes().OfType<AttributeSyntax>())
        {
            var list = (AttributeListSyntax)attribute.Parent!;
            yield return new Mutant(seed, "duplicate-attribute", $"[{attribute}] at {attribute.SpanStart} twice", source.Insert(list.Span.End, " [" + attribute + "]"));

            // A list of one attribute goes whole; otherwise the attribute and its separating comma go.
            var removed = list.Attributes.Count == 1
                ? source.Remove(list.Span.Start, list.Span.Length)
                : root.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
            yield return new Mutant(seed, "delete-attribute", $"[{attribute}] at {attribute.SpanStart} deleted", removed);
        }
    }
}
