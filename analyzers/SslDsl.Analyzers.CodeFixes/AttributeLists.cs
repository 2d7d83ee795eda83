using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace SslDsl.Analyzers.CodeFixes;

/// <summary>Builds new attribute lists that sit among the DSL's attributes on a class.</summary>
internal static class AttributeLists
{
    /// <summary>
    /// A new one-attribute list <c>[Name(arguments)]</c>, written fully qualified and marked for the
    /// simplifier, so it reads <c>[Name(...)]</c> where <c>using SslDsl;</c> is in scope and still binds where it is not.
    /// </summary>
    public static AttributeListSyntax Create(string shortName, string arguments, AttributeListSyntax neighbour)
    {
        var attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::SslDsl." + shortName).WithAdditionalAnnotations(Simplifier.Annotation),
            string.IsNullOrEmpty(arguments) ? null : SyntaxFactory.ParseAttributeArgumentList("(" + arguments + ")"));
        return SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(Indentation(neighbour))
            .WithTrailingTrivia(NewLine(neighbour));
    }

    private static SyntaxTriviaList Indentation(AttributeListSyntax neighbour)
    {
        var leading = neighbour.GetLeadingTrivia();
        int start = 0;
        for (int i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                start = i + 1;
            }
        }

        return SyntaxFactory.TriviaList(leading.Skip(start).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }

    private static SyntaxTriviaList NewLine(AttributeListSyntax neighbour)
    {
        var eol = neighbour.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return SyntaxFactory.TriviaList(eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.EndOfLine("\n"));
    }
}
