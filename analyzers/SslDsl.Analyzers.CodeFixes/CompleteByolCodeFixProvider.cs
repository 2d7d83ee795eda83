using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SslDsl.Generators;

namespace SslDsl.Analyzers.CodeFixes;

/// <summary>
/// SSL017: adds what BYOL lacks, <c>[PredictorHead(Hidden = h, Output = n)]</c> with n the projection's
/// output width (the encoder's without a projection) and/or <c>[MomentumEncoder(Momentum = 0.99)]</c>,
/// after the projection head (else before the ByolLoss attribute).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CompleteByolCodeFixProvider)), Shared]
public sealed class CompleteByolCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SSL017");

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
            var attribute = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>();
            var type = attribute?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (attribute is null || type is null)
            {
                continue;
            }

            var additions = new List<(string Name, string Arguments)>();
            if (Flag(diagnostic, DiagnosticDescriptors.AddPredictorHeadProperty))
            {
                string output = Property(diagnostic, DiagnosticDescriptors.PredictorOutputProperty, "128");
                string hidden = Property(diagnostic, DiagnosticDescriptors.PredictorHiddenProperty, "512");
                additions.Add(("PredictorHead", $"Hidden = {hidden}, Output = {output}"));
            }

            if (Flag(diagnostic, DiagnosticDescriptors.AddMomentumEncoderProperty))
            {
                additions.Add(("MomentumEncoder", "Momentum = 0.99"));
            }

            if (additions.Count == 0)
            {
                continue;
            }

            string title = "Add " + string.Join(" and ", additions.ConvertAll(a => $"[{a.Name}({a.Arguments})]"));
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AddAsync(document, type, attribute, additions, ct), equivalenceKey: "SSL017"),
                diagnostic);
        }
    }

    private static bool Flag(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var value) && value == "true";

    private static string Property(Diagnostic diagnostic, string key, string fallback) =>
        diagnostic.Properties.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value! : fallback;

    private static async Task<Document> AddAsync(Document document, TypeDeclarationSyntax type, AttributeSyntax byol, List<(string Name, string Arguments)> additions, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        int projection = AttributeLists.IndexOf(type, model, "ProjectionHead", cancellationToken);
        int index = projection >= 0 ? projection + 1 : System.Math.Max(0, type.AttributeLists.IndexOf((AttributeListSyntax)byol.Parent!));
        var neighbour = type.AttributeLists[projection >= 0 ? projection : index];
        var lists = type.AttributeLists;
        foreach (var (name, arguments) in additions)
        {
            lists = lists.Insert(index++, AttributeLists.Create(name, arguments, neighbour));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(type, type.WithAttributeLists(lists)));
    }
}
