using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SslDsl.Generators;

namespace SslDsl.Analyzers.CodeFixes;

/// <summary>Finds the DSL's attributes on a class and builds new attribute lists that sit among them.</summary>
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

    /// <summary>The index of the first attribute list on <paramref name="type"/> holding one of the DSL attributes <paramref name="category"/>, or -1.</summary>
    public static int IndexOf(TypeDeclarationSyntax type, SemanticModel model, CancellationToken cancellationToken, params AttributeCategory[] category)
    {
        for (int i = 0; i < type.AttributeLists.Count; i++)
        {
            foreach (var attribute in type.AttributeLists[i].Attributes)
            {
                var spec = SpecOf(attribute, model, cancellationToken);
                if (spec is not null && category.Contains(spec.Category))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>The index of the first attribute list on <paramref name="type"/> holding the DSL attribute <paramref name="shortName"/>, or -1.</summary>
    public static int IndexOf(TypeDeclarationSyntax type, SemanticModel model, string shortName, CancellationToken cancellationToken)
    {
        for (int i = 0; i < type.AttributeLists.Count; i++)
        {
            if (type.AttributeLists[i].Attributes.Any(a => SpecOf(a, model, cancellationToken)?.Name == shortName))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The catalog entry of <paramref name="attribute"/>, or null when it is not one of ours.</summary>
    public static AttributeSpec? SpecOf(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        var constructor = model.GetSymbolInfo(attribute, cancellationToken).Symbol as IMethodSymbol
            ?? model.GetSymbolInfo(attribute, cancellationToken).CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
        return AttributeCatalog.ByMetadataName(DeclarationReader.MetadataName(constructor?.ContainingType));
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
