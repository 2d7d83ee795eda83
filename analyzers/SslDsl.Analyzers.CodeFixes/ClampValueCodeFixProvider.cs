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
/// SSL007: replaces a probability, ratio or rate outside its range by the nearest valid value. A closed
/// bound is the bound itself (P = 1.2 becomes 1.0, P = -0.1 becomes 0.0); an open bound is moved 0.01
/// inside it (a mask Ratio of 1.0, range (0, 1), becomes 0.99; a MinScale of 0, range (0, 1], becomes 0.01).
/// NaN has no nearest value and gets no fix. SSL027 and SSL030: sets a multi-crop LocalSize below the global
/// size, and a support set or queue size to the nearest multiple of the batch size. The analyzer computes the
/// value (diagnostic property "Replacement").
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampValueCodeFixProvider)), Shared]
public sealed class ClampValueCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SSL007", "SSL027", "SSL030");

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.ReplacementProperty, out var replacement) || replacement is null ||
                root.FindNode(diagnostic.Location.SourceSpan) is not AttributeArgumentSyntax argument)
            {
                continue;
            }

            string name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText ?? "the value";
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    diagnostic.Id == "SSL007" ? $"Clamp {name} to {replacement}" : $"Set {name} to {replacement}",
                    ct => ReplaceAsync(document, argument, replacement, ct),
                    equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, AttributeArgumentSyntax argument, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var value = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, value));
    }
}
