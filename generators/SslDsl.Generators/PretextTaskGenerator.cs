using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SslDsl.Generators;

/// <summary>
/// Emits Model, Pipeline, Trainer, FineTuner and Describe() for every class marked
/// [PretextTask] or [MultiTaskPretraining]. A declaration with an error-severity diagnostic
/// (reported by the analyzers), or one the compiler cannot read yet (half-typed code), emits
/// nothing (<see cref="TaskValidator.CanGenerate"/>), so the user sees that diagnostic rather
/// than compiler errors in generated code.
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

    private static TaskModel? Transform(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || HasUnnamedPart(type))
        {
            return null;
        }

        try
        {
            var parsed = TaskParser.Parse(type, cancellationToken);
            if (!TaskValidator.CanGenerate(parsed))
            {
                return null;
            }

            return TaskModelBuilder.Build(parsed);
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
    /// Whether the class, an enclosing class or an enclosing namespace has no name yet (half-typed
    /// `namespace ;`, `namespace .Vision` or `class {`): the generated code would repeat the gap.
    /// </summary>
    private static bool HasUnnamedPart(INamedTypeSymbol type)
    {
        for (ISymbol? s = type; s is not null && !(s is INamespaceSymbol { IsGlobalNamespace: true }); s = s.ContainingSymbol)
        {
            if (string.IsNullOrEmpty(s.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static void Emit(SourceProductionContext context, TaskModel? model)
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
            context.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.EmitterFailed, Location.None, model.TaskName, e.GetType().Name, e.Message));
            return;
        }

        context.AddSource(TaskEmitter.HintName(model), SourceText.From(source, System.Text.Encoding.UTF8));
    }
}
