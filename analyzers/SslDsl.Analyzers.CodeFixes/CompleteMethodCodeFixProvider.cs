using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
/// SSL029: gives a method the heads it needs and takes away the ones it cannot use: adds the attributes the
/// analyzer lists (diagnostic property "AddAttributes", e.g. <c>MomentumEncoder(Momentum = 0.996, FinalMomentum = 1.0)</c>)
/// after the projection head (else before the objective), and removes the ones it names ("RemoveAttributes").
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CompleteMethodCodeFixProvider)), Shared]
public sealed class CompleteMethodCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SSL029");

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
            var objective = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>();
            var type = objective?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            var add = List(diagnostic, DiagnosticDescriptors.AddAttributesProperty);
            var remove = List(diagnostic, DiagnosticDescriptors.RemoveAttributesProperty);
            if (objective is null || type is null || (add.Length == 0 && remove.Length == 0))
            {
                continue;
            }

            string title = string.Join(" and ", new[]
            {
                add.Length > 0 ? "Add " + string.Join(" and ", add.Select(a => $"[{a}]")) : null,
                remove.Length > 0 ? (add.Length > 0 ? "remove " : "Remove ") + string.Join(" and ", remove.Select(r => $"[{r}]")) : null,
            }.Where(t => t is not null));
            var document = context.Document;
            context.RegisterCodeFix(CodeAction.Create(title, ct => ApplyAsync(document, type, objective, add, remove, ct), equivalenceKey: "SSL029"), diagnostic);
        }
    }

    private static string[] List(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value!.Split(';') : Array.Empty<string>();

    private static async Task<Document> ApplyAsync(Document document, TypeDeclarationSyntax type, AttributeSyntax objective, string[] add, string[] remove, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // Everything is located on the original lists (the semantic model binds only them), then the new lists are built in one pass.
        var original = type.AttributeLists;
        int projection = AttributeLists.IndexOf(type, model, "ProjectionHead", cancellationToken);
        var anchor = projection >= 0 ? original[projection] : (AttributeListSyntax)objective.Parent!;
        int insertBefore = projection >= 0 ? projection + 1 : original.IndexOf(anchor);
        var additions = add.Select(declaration =>
        {
            int open = declaration.IndexOf('(');
            return open < 0
                ? AttributeLists.Create(declaration, "", anchor)
                : AttributeLists.Create(declaration.Substring(0, open), declaration.Substring(open + 1, declaration.Length - open - 2), anchor);
        }).ToList();

        var lists = new SyntaxList<AttributeListSyntax>();
        for (int i = 0; i <= original.Count; i++)
        {
            if (i == insertBefore)
            {
                lists = lists.AddRange(additions);
            }

            if (i == original.Count)
            {
                break;
            }

            // A list holding only removed attributes goes; from a shared list only those attributes do.
            var list = original[i];
            var kept = list.Attributes.Where(x => !remove.Contains(AttributeLists.SpecOf(x, model, cancellationToken)?.Name)).ToList();
            if (kept.Count == list.Attributes.Count)
            {
                lists = lists.Add(list);
            }
            else if (kept.Count > 0)
            {
                lists = lists.Add(list.WithAttributes(SyntaxFactory.SeparatedList(kept)));
            }
        }

        return document.WithSyntaxRoot(root.ReplaceNode(type, type.WithAttributeLists(lists)));
    }
}
