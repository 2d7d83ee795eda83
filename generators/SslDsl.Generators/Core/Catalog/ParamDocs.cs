using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// What the XML doc of each attribute argument says about its value, from the catalog: its default, what is
/// allowed (the parameter's range, and the checks that compare it with other values) and the diagnostics that
/// report anything else: "Default: 0.08. Allowed: (0, 1]; at most MaxScale. Otherwise: SSL007, SSL026." The
/// runtime attributes' docs end with these sentences; a test (AttributeDocsTests) keeps them equal and writes
/// them with SSLDSL_ACCEPT_DOCS=1, so a hover always shows what the analyzers check.
/// </summary>
internal static class ParamDocs
{
    /// <summary>The checks of the validator that compare a parameter with other values: what they allow, and the diagnostic.</summary>
    private static readonly Dictionary<ParamSpec, (string Allowed, string Id)[]> Rules = new()
    {
        [Views.Count] = new[] { ("1 to 64", DiagnosticIds.Strength), ("at least 2 with a joint-embedding objective", DiagnosticDescriptors.TooFewViews.Id) },
        [PretextTask.TaskName] = new[] { ("a name no other task of the compilation has", DiagnosticDescriptors.DuplicateTaskName.Id), ("not null", DiagnosticIds.Strength) },
        [MultiTaskPretraining.TaskName] = new[] { ("a name no other task of the compilation has", DiagnosticDescriptors.DuplicateTaskName.Id), ("not null", DiagnosticIds.Strength) },
        [Objective.Task] = new[] { ("a [PretextTask] class reading the same input as the other members, listed once", DiagnosticDescriptors.MultiTaskInvalid.Id) },
        [Backbone.Kind] = new[] { ("a kind that reads the task's input (SmallCnn, ResNet and VisionTransformer images, TransformerEncoder text, Conv1d and DilatedConv series, Mlp any flat input)", DiagnosticDescriptors.WrongModality.Id), ("not Mlp or VisionTransformer with [MultiCrop]", DiagnosticDescriptors.MultiCropInvalid.Id), ("DilatedConv with [Ts2VecLoss]", DiagnosticDescriptors.Ts2VecNeedsTimestampEncoder.Id) },
        [Backbone.Width] = new[] { ("a multiple of 4 for a VisionTransformer with sine-cosine positions", DiagnosticDescriptors.VitSinCosWidth.Id) },
        [Backbone.PatchSize] = new[] { ("a divisor of the image's height and width (VisionTransformer)", DiagnosticDescriptors.VitPatchDoesNotTile.Id) },
        [Backbone.LearnedPositions] = new[] { ("false only with a Width that is a multiple of 4 (VisionTransformer)", DiagnosticDescriptors.VitSinCosWidth.Id) },
        [MultiCrop.GlobalSize] = new[] { ("larger than LocalSize", DiagnosticDescriptors.MultiCropInvalid.Id) },
        [MultiCrop.LocalSize] = new[] { ("smaller than GlobalSize", DiagnosticDescriptors.MultiCropInvalid.Id) },
        [MultiCrop.LocalViews] = new[] { ($"at most {ViewChecks.MaxViews - MultiCropSpec.GlobalViews}", DiagnosticIds.Strength) },
        [Backbone.Heads] = new[] { ("a divisor of Width (TransformerEncoder)", DiagnosticIds.Dimension), ("a divisor of Width (VisionTransformer)", DiagnosticDescriptors.VitHeadsDoNotDivideWidth.Id) },
        [Encoder.Input] = new[] { ("an input the task declares, read by no other encoder", DiagnosticDescriptors.EncoderInputInvalid.Id), ("in a multimodal task, written on each encoder", DiagnosticDescriptors.EncoderInputInvalid.Id) },
        [Projection.Output] = new[] { ("the same on both inputs", DiagnosticDescriptors.ProjectionWidthsDiffer.Id) },
        [ImageInput.Channels] = new[] { ("3 for Saturation or Hue jitter to have an effect", DiagnosticDescriptors.ColorOnGrayscale.Id) },
        [TextInput.VocabSize] = new[] { ("> 0", DiagnosticDescriptors.TextVocabularyInvalid.Id), ("with [SpanCorruption], room for its sentinels above the special ids", DiagnosticDescriptors.SentinelsReachSpecialIds.Id) },
        [CategoricalFeature.Cardinality] = new[] { ("> 0 on a VIME task", DiagnosticDescriptors.VimeColumnsUnknown.Id) },
        [TextInput.PadId] = new[] { ("from 0 to VocabSize - 1", DiagnosticDescriptors.TextVocabularyInvalid.Id) },
        [TextInput.MaskId] = new[] { ("from 0 to VocabSize - 1", DiagnosticDescriptors.TextVocabularyInvalid.Id) },
        [TextInput.ClsId] = new[] { ("from 0 to VocabSize - 1", DiagnosticDescriptors.TextVocabularyInvalid.Id) },
        [TextInput.SepId] = new[] { ("from 0 to VocabSize - 1", DiagnosticDescriptors.TextVocabularyInvalid.Id) },
        [TabularInput.Features] = new[] { ("set (the number of columns)", DiagnosticIds.Shape), ("with VIME, at least the categorical columns' features", DiagnosticDescriptors.VimeColumnsUnknown.Id) },
        [ColorJitter.Saturation] = new[] { ("0 on a 1-channel image", DiagnosticDescriptors.ColorOnGrayscale.Id) },
        [ColorJitter.Hue] = new[] { ("0 on a 1-channel image", DiagnosticDescriptors.ColorOnGrayscale.Id) },
        [GaussianBlur.KernelSize] = new[] { ("odd and smaller than the image", DiagnosticIds.Shape) },
        [Normalize.Mean] = new[] { ("one value, or one per channel", DiagnosticIds.Shape), ("not null", DiagnosticIds.Strength) },
        [Normalize.Std] = new[] { ("one value > 0, or one per channel", DiagnosticIds.Shape), ("not null", DiagnosticIds.Strength) },
        [PatchMask.PatchSize] = new[] { ("a divisor of the image's height and width", DiagnosticIds.Shape), ("the ViT's Backbone.PatchSize for MAE on a VisionTransformer", DiagnosticDescriptors.MaePatchMismatch.Id) },
        [PatchMask.Ratio] = new[] { ("one that keeps at least one of a VisionTransformer's patches visible (MAE)", DiagnosticDescriptors.MaeDecoderInvalid.Id) },
        [Decoder.Hidden] = new[] { ("a multiple of 4 and of Backbone.Heads for MAE on a VisionTransformer", DiagnosticDescriptors.MaeDecoderInvalid.Id) },
        [BlockMask.Size] = new[] { ("smaller than the image", DiagnosticIds.Shape) },
        [MaskTokens.ReplaceWithMask] = new[] { ("at most 1 - ReplaceWithRandom", DiagnosticDescriptors.MaskSplitTooLarge.Id) },
        [MaskTokens.ReplaceWithRandom] = new[] { ("at most 1 - ReplaceWithMask", DiagnosticDescriptors.MaskSplitTooLarge.Id) },
        [SpanMask.MeanSpan] = new[] { ("at most TextInput.MaxLength", DiagnosticIds.Shape) },
        [WholeWordMask.ReplaceWithMask] = new[] { ("at most 1 - ReplaceWithRandom", DiagnosticDescriptors.MaskSplitTooLarge.Id) },
        [WholeWordMask.ReplaceWithRandom] = new[] { ("at most 1 - ReplaceWithMask", DiagnosticDescriptors.MaskSplitTooLarge.Id) },
        [SpanCorruption.MeanSpan] = new[] { ("at most TextInput.MaxLength", DiagnosticIds.Shape) },
        [SpanCorruptionLoss.Heads] = new[] { ("a divisor of the encoder's OutputDim", DiagnosticDescriptors.DecoderHeadsInvalid.Id) },
        [PredictorHead.Output] = new[] { ("the projection's Output (the encoder's OutputDim without a projection)", DiagnosticIds.Dimension) },
        [MomentumEncoder.FinalMomentum] = new[] { ("NaN, or from Momentum to 1", DiagnosticIds.Momentum) },
        [NegativeQueue.Size] = new[] { ("a positive multiple of Training.BatchSize, with a [MomentumEncoder]", DiagnosticDescriptors.QueueInvalid.Id) },
        [DinoLoss.StudentTemperature] = new[] { ("above TeacherTemperature and WarmupTeacherTemperature", DiagnosticDescriptors.TeacherNotSharper.Id) },
        [DinoLoss.TeacherTemperature] = new[] { ("below StudentTemperature", DiagnosticDescriptors.TeacherNotSharper.Id) },
        [DinoLoss.WarmupTeacherTemperature] = new[] { ("below StudentTemperature", DiagnosticDescriptors.TeacherNotSharper.Id) },
        [NnclrLoss.SupportSetSize] = new[] { ("a positive multiple of Training.BatchSize", DiagnosticDescriptors.MemorySizeInvalid.Id) },
        [SwavLoss.QueueSize] = new[] { ("0 (no queue) or a positive multiple of Training.BatchSize", DiagnosticDescriptors.MemorySizeInvalid.Id) },
        [RotationPrediction.Angles] = new[] { ("2 or 4 (4 needs a square image)", DiagnosticIds.Shape) },
        [JigsawPrediction.Grid] = new[] { ("at least 2, a divisor of the image's height and width", DiagnosticIds.Shape) },
        [JigsawPrediction.Permutations] = new[] { ("2 to (Grid * Grid)!", DiagnosticIds.Shape) },
        [RelativePatchPosition.Grid] = new[] { ("3, dividing the image's height and width", DiagnosticIds.Shape) },
        [ForecastLoss.Horizon] = new[] { ("less than TimeSeriesInput.Length", DiagnosticIds.Shape) },
        [Ts2VecLoss.TemporalUnit] = new[] { ("2^(TemporalUnit+1) at most TimeSeriesInput.Length", DiagnosticDescriptors.Ts2VecCropTooLong.Id) },
        [SegmentPermutation.MaxSegments] = new[] { ("from 2 to TimeSeriesInput.Length", DiagnosticDescriptors.SegmentCountInvalid.Id) },
        [Optimizer.Kind] = new[] { ("a named OptimizerKind", DiagnosticIds.Training) },
        [LearningRateSchedule.Kind] = new[] { ("a named ScheduleKind", DiagnosticIds.Training) },
        [LearningRateSchedule.WarmupEpochs] = new[] { ("less than Training.Epochs with WarmupCosine for the cosine decay to start", DiagnosticDescriptors.WarmupCoversTraining.Id) },
        [LearningRateSchedule.MinLearningRate] = new[] { ("at most Optimizer.LearningRate with a cosine", DiagnosticIds.Training) },
        [FineTune.Classes] = new[] { ("at least 2", DiagnosticDescriptors.FineTuneInvalid.Id) },
        [FineTune.Mode] = new[] { ("a named FineTuneMode", DiagnosticDescriptors.FineTuneInvalid.Id) },
        [FineTune.UnfreezeLastLayers] = new[] { (">= 0, and >= 1 with PartialUnfreeze", DiagnosticDescriptors.FineTuneInvalid.Id) },
    };

    /// <summary>
    /// The sentences of a property shared by several parameters (P of every step, Weight of every objective):
    /// their defaults, each with the attributes that have it, then what is allowed, once.
    /// </summary>
    public static string Sentences(IReadOnlyList<ParamSpec> same)
    {
        var byDefault = same.GroupBy(Default).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, System.StringComparer.Ordinal).ToList();
        string defaults = byDefault.Count == 1
            ? byDefault[0].Key
            : byDefault[0].Key + " (" + string.Join("; ", byDefault.Skip(1).Select(g => ValidationContext.List(g.Select(p => p.Owner.Name).OrderBy(n => n, System.StringComparer.Ordinal)) + ": " + g.Key)) + ")";
        return $"Default: {defaults}. {Allowed(same[0])}";
    }

    /// <summary>The sentences of one parameter.</summary>
    public static string Sentences(ParamSpec p) => Sentences(new[] { p });

    /// <summary>"Allowed: ... Otherwise: SSL0xx." for a parameter, or "Any value." when nothing is checked.</summary>
    private static string Allowed(ParamSpec p)
    {
        if (p.Owner is StepSpec step && p == step.View)
        {
            return "Any value; 0, 1, ... restrict the step to that view.";
        }

        var allowed = new List<string>();
        var ids = new List<string>();
        if (p.Constraint != Constraint.None && p.DiagnosticId is { } id)
        {
            allowed.Add(RangeChecks.RangeText(p.Constraint, p.Type).Replace("in [", "["));
            ids.Add(id);
        }

        foreach (var (low, high) in RangeChecks.OrderedPairs)
        {
            if (p == low || p == high)
            {
                allowed.Add(p == low ? $"at most {high.Name}" : $"at least {low.Name}");
                ids.Add(DiagnosticIds.Strength);
            }
        }

        if (Rules.TryGetValue(p, out var rules))
        {
            allowed.AddRange(rules.Select(r => r.Allowed));
            ids.AddRange(rules.Select(r => r.Id));
        }

        if (allowed.Count == 0)
        {
            return p.Type == ParamType.Bool ? "Either value." : "Any value.";
        }

        return $"Allowed: {string.Join("; ", allowed)}. Otherwise: {string.Join(", ", ids.Distinct().OrderBy(i => i, System.StringComparer.Ordinal))}.";
    }

    private static string Default(ParamSpec p) => p switch
    {
        { IsRequired: true } or { Positional: >= 0 } => "none (required)",
        IntParam { Owner: StepSpec } i when i == ((StepSpec)i.Owner).View => "-1 (every view)",
        EnumParam e => e.Default,
        DoubleArrayParam a => "{ " + string.Join(", ", a.Default.Select(ArgValue.FormatDouble)) + " }",
        DoubleParam d when double.IsNaN(d.Default) => "NaN",
        BoolParam b when b == ReconstructionLoss.NormalizeTargets => "true with a [PatchMask], false otherwise",
        IntParam { Default: 0 } i when i.Constraint == Constraint.Positive || i == TextInput.VocabSize || i == FineTune.Classes => "0 (not set)",
        _ => p.DefaultLiteral!,
    };
}
