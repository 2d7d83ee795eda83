using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SslDsl.Generators;

namespace SslDsl.Analyzers;

/// <summary>
/// Reports the diagnostic catalogue (SSL001 to SSL032, docs/diagnostics.md) on every [PretextTask] and
/// [MultiTaskPretraining] class, with the parser and validator the generator uses, and duplicate task
/// names (SSL024) across the compilation at its end. Each type is analyzed once, however many partial
/// declarations it has; generated code is not analyzed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PretextTaskAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.NoEncoder,
        DiagnosticDescriptors.MultipleEncoders,
        DiagnosticDescriptors.InvalidEncoderMember,
        DiagnosticDescriptors.InputCount,
        DiagnosticDescriptors.NoObjective,
        DiagnosticDescriptors.ProbabilityOutOfRange,
        DiagnosticDescriptors.TemperatureNotPositive,
        DiagnosticDescriptors.MomentumOutOfRange,
        DiagnosticDescriptors.TooFewViews,
        DiagnosticDescriptors.IdenticalViews,
        DiagnosticDescriptors.IdentityReconstruction,
        DiagnosticDescriptors.WrongModality,
        DiagnosticDescriptors.ColorOnGrayscale,
        DiagnosticDescriptors.ShapeMismatch,
        DiagnosticDescriptors.DimensionMismatch,
        DiagnosticDescriptors.ByolIncomplete,
        DiagnosticDescriptors.QueueInvalid,
        DiagnosticDescriptors.MultiTaskInvalid,
        DiagnosticDescriptors.WeightNotPositive,
        DiagnosticDescriptors.FineTuneInvalid,
        DiagnosticDescriptors.MaskSplitTooLarge,
        DiagnosticDescriptors.TextVocabularyInvalid,
        DiagnosticDescriptors.DuplicateTaskName,
        DiagnosticDescriptors.TrainingValueOutOfRange,
        DiagnosticDescriptors.StrengthOutOfRange,
        DiagnosticDescriptors.MultiCropInvalid,
        DiagnosticDescriptors.TeacherNotSharper,
        DiagnosticDescriptors.MethodHeadsInvalid,
        DiagnosticDescriptors.MemorySizeInvalid,
        DiagnosticDescriptors.GenericTask,
        DiagnosticDescriptors.WarmupCoversTraining,
        DiagnosticDescriptors.ProjectionWidthsDiffer,
        DiagnosticDescriptors.InputWithoutEncoder,
        DiagnosticDescriptors.EncoderInputInvalid,
        DiagnosticDescriptors.StepOnOtherSide,
        DiagnosticDescriptors.ClipTemperatureOutOfRange,
        DiagnosticDescriptors.MultimodalMisplaced,
        DiagnosticDescriptors.TwoTokenMaskings,
        DiagnosticDescriptors.MaskingObjectiveMismatch,
        DiagnosticDescriptors.SentinelsReachSpecialIds,
        DiagnosticDescriptors.DecoderHeadsInvalid,
        DiagnosticDescriptors.Ts2VecNeedsTimestampEncoder,
        DiagnosticDescriptors.Ts2VecCropTooLong,
        DiagnosticDescriptors.SegmentCountInvalid,
        DiagnosticDescriptors.VitPatchDoesNotTile,
        DiagnosticDescriptors.VitHeadsDoNotDivideWidth,
        DiagnosticDescriptors.VitSinCosWidth,
        DiagnosticDescriptors.MaePatchMismatch,
        DiagnosticDescriptors.MaeDecoderInvalid,
        DiagnosticDescriptors.VimeMaskObjectiveMismatch,
        DiagnosticDescriptors.VimeColumnsUnknown,
        DiagnosticDescriptors.VimeMaskIneffective);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var names = new ConcurrentBag<(string Name, INamedTypeSymbol Type, Location Location)>();
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, names), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportDuplicates(end, names));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<(string, INamedTypeSymbol, Location)> names)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!TaskParser.IsTask(type.GetAttributes()))
        {
            return;
        }

        var parsed = TaskParser.Parse(type, context.CancellationToken);
        foreach (var diagnostic in TaskValidator.Validate(parsed))
        {
            context.ReportDiagnostic(diagnostic);
        }

        if (!parsed.IsIncomplete && parsed.TaskAttribute is { Spec: AttributeCatalog.TaskSpec spec } attribute && attribute.IsKnown(spec.TaskName) && !string.IsNullOrEmpty(parsed.TaskName))
        {
            names.Add((parsed.TaskName, type, attribute.LocationOf(spec.TaskName)));
        }
    }

    private static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<(string Name, INamedTypeSymbol Type, Location Location)> names)
    {
        foreach (var group in names.GroupBy(n => n.Name))
        {
            var ordered = group.OrderBy(n => n.Type.ToDisplayString(), System.StringComparer.Ordinal).ToArray();
            foreach (var duplicate in ordered.Skip(1))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateTaskName,
                    duplicate.Location,
                    group.Key,
                    ordered[0].Type.ToDisplayString(),
                    duplicate.Type.ToDisplayString()));
            }
        }
    }
}
