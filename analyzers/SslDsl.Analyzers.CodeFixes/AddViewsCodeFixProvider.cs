using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SslDsl.Generators;

namespace SslDsl.Analyzers.CodeFixes;

/// <summary>
/// SSL010: a joint-embedding objective with fewer than two views. Changes an existing <c>[Views(n)]</c>
/// to <c>[Views(2)]</c>, or adds <c>[Views(2)]</c> after the input declaration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddViewsCodeFixProvider)), Shared]
public sealed class AddViewsCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SSL010");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            var document = context.Document;
            if (node is AttributeArgumentSyntax argument)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Use [Views(2)]", ct => SetCountAsync(document, argument, ct), equivalenceKey: "SSL010"),
                    diagnostic);
            }
            else if (node.FirstAncestorOrSelf<AttributeSyntax>() is { } objective && objective.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Add [Views(2)]", ct => AddViewsAsync(document, type, objective, ct), equivalenceKey: "SSL010"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> SetCountAsync(Document document, AttributeArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var two = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(2)).WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, two));
    }

    private static async Task<Document> AddViewsAsync(Document document, TypeDeclarationSyntax type, AttributeSyntax objective, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // After the input (views are drawn from it), else after the task attribute, else before the objective.
        int after = AttributeLists.IndexOf(type, model, cancellationToken, AttributeCategory.Input);
        if (after < 0)
        {
            after = AttributeLists.IndexOf(type, model, cancellationToken, AttributeCategory.Task);
        }

        int index = after >= 0 ? after + 1 : System.Math.Max(0, type.AttributeLists.IndexOf((AttributeListSyntax)objective.Parent!));
        var neighbour = type.AttributeLists[after >= 0 ? after : index];
        var views = AttributeLists.Create("Views", "2", neighbour);
        var updated = type.WithAttributeLists(type.AttributeLists.Insert(index, views));
        return document.WithSyntaxRoot(root.ReplaceNode(type, updated));
    }
}
