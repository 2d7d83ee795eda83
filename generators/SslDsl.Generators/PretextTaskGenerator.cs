using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SslDsl.Generators;

/// <summary>
/// Emits Model, Pipeline, Trainer, FineTuner and Describe() for every class marked
/// [PretextTask] or [MultiTaskPretraining]. A declaration with an error-severity diagnostic
/// (reported by the analyzers), or one the compiler cannot read yet (half-typed code), gets
/// shells instead (<see cref="TaskValidator.CanGenerate"/>, <see cref="ShellEmitter"/>): the same
/// types with members that throw, so the user sees that diagnostic and no compiler error, neither in
/// generated code nor in their own code that uses the task's types.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PretextTaskGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var single = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TaskParser.PretextTaskAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => Transform(ctx, ct))
            .WithTrackingName(TrackingNames.PretextTasks);

        var multi = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TaskParser.MultiTaskAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => Transform(ctx, ct))
            .WithTrackingName(TrackingNames.MultiTasks);

        context.RegisterSourceOutput(single, static (spc, model) => Emit(spc, model));
        context.RegisterSourceOutput(multi, static (spc, model) => Emit(spc, model));
    }

    private static GeneratedTask? Transform(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || HasUnnamedPart(type) || !CarriesFirstTaskAttribute(context, type))
        {
            return null;
        }

        try
        {
            var parsed = TaskParser.Parse(type, cancellationToken);
            if (TaskValidator.CanGenerate(parsed) && TaskModelBuilder.Build(parsed) is { } model)
            {
                return model;
            }

            return ShellModelBuilder.Build(parsed);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // Half-typed code must never break the build: emit nothing for this declaration.
            return null;
        }
    }

    /// <summary>
    /// Whether the class, an enclosing class or an enclosing namespace, or a type parameter of one of them, has
    /// no name yet (half-typed `namespace ;`, `namespace .Vision`, `class {` or `class G&lt;&gt;`): the generated
    /// code would repeat the gap.
    /// </summary>
    private static bool HasUnnamedPart(INamedTypeSymbol type)
    {
        for (ISymbol? s = type; s is not null && !(s is INamespaceSymbol { IsGlobalNamespace: true }); s = s.ContainingSymbol)
        {
            if (string.IsNullOrEmpty(s.Name) || (s is INamedTypeSymbol named && named.TypeParameters.Any(p => string.IsNullOrEmpty(p.Name))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether this pipeline, at this declaration, owns the class's first task attribute. A class marked twice
    /// (both [PretextTask] and [MultiTaskPretraining], or on two of its partial declarations) reaches both
    /// pipelines or one pipeline twice; only the first attribute's declaration and kind emit its file. (The
    /// context's attributes are those of the whole file, so the declaration is compared by its span.)
    /// </summary>
    private static bool CarriesFirstTaskAttribute(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type)
    {
        var first = type.GetAttributes()
            .FirstOrDefault(a => DeclarationReader.MetadataName(a.AttributeClass) is TaskParser.PretextTaskAttribute or TaskParser.MultiTaskAttribute)?
            .ApplicationSyntaxReference;
        return first is null ||
            (first.SyntaxTree == context.TargetNode.SyntaxTree && context.TargetNode.Span.Contains(first.Span) &&
             context.Attributes.Any(a => a.ApplicationSyntaxReference is { } r && r.SyntaxTree == first.SyntaxTree && r.Span == first.Span));
    }

    private static void Emit(SourceProductionContext context, GeneratedTask? model)
    {
        if (model is null)
        {
            return;
        }

        string source;
        try
        {
            source = TaskEmitter.Emit(model);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.EmitterFailed, Location.None, model is TaskModel task ? task.TaskName : model.Type.Name, e.GetType().Name, e.Message));
            return;
        }

        context.AddSource(TaskEmitter.HintName(model), SourceText.From(source, System.Text.Encoding.UTF8));
    }
}
