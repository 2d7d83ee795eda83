using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// The declared recipe in words, for the XML docs of the generated types, so hovering <c>T.Trainer</c> shows
/// what it trains: the input, the views and their pipeline, the network, the losses, the optimizer, the
/// schedule, the training length and the fine-tuning. Attributes appear as the user wrote them (their written
/// arguments only); Describe() lists every resolved value.
/// </summary>
internal static class RecipeText
{
    /// <summary>"1x28x28 images (ImageBatch)".</summary>
    public static string Input(AttributeModel input, InputKind kind) => input.Spec switch
    {
        TextInputSpec => $"sequences of {input.Get(TextInput.MaxLength)} tokens ({kind.BatchType})",
        TabularInputSpec => $"rows of {input.Get(TabularInput.Features)} features ({kind.BatchType})",
        TimeSeriesInputSpec => $"series of {Count(input.Get(TimeSeriesInput.Channels), "channel")} x {input.Get(TimeSeriesInput.Length)} steps ({kind.BatchType})",
        _ => $"{input.Get(ImageInput.Channels)}x{input.Get(ImageInput.Height)}x{input.Get(ImageInput.Width)} images ({kind.BatchType})",
    };

    /// <summary>
    /// "2 views of each sample, each through RandomResizedCrop(MinScale = 0.4) and HorizontalFlip(P = 0.5).";
    /// with [MultiCrop], "2 global crops of 28 pixels and 6 local crops of 12 pixels of each sample, each through ...".
    /// </summary>
    public static string Pipeline(PretextTaskModel t) => t switch
    {
        { MultiCrop: { } crop } => $"{Count(t.GlobalViews, "global crop")} of {crop.Get(MultiCrop.GlobalSize)} pixels and {Count(t.Views - t.GlobalViews, "local crop")} of {crop.Get(MultiCrop.LocalSize)} pixels of each sample, each through {Steps(t)}.",
        { Views: 1 } => $"each sample goes through {Steps(t)}.",
        _ => $"{Count(t.Views, "view")} of each sample, each through {Steps(t)}.",
    };

    /// <summary>"RandomResizedCrop(MinScale = 0.4) and HorizontalFlip(P = 0.5)", or "no augmentation".</summary>
    public static string Steps(PretextTaskModel t) => t.Steps.Count == 0 ? "no augmentation" : ValidationContext.List(t.Steps.Select(Step));

    /// <summary>"1 epoch", "3 epochs".</summary>
    public static string Count(long n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    /// <summary>"the encoder T.Encoder() (1024 features), then ProjectionHead(Hidden = 512, Output = 128)".</summary>
    public static string Network(TaskModel t)
    {
        string encoder = t.Encoder.MemberName is { } member
            ? $"the encoder {t.Type.Name}.{member}{(t.Encoder.IsProperty ? "" : "()")}"
            : $"the built-in {Written(t.Encoder.Backbone!)}";
        string heads = t is PretextTaskModel { Heads.Count: > 0 } single ? ", then " + ValidationContext.List(single.Heads.Select(Written)) : "";
        return $"{encoder} ({t.Encoder.OutputDim} features){heads}";
    }

    /// <summary>"NtXentLoss(Temperature = 0.2), contrasting the projections of each pair of views".</summary>
    public static string Losses(PretextTaskModel t)
    {
        bool weighted = t.Objectives.Count > 1 || t.Objectives.Any(o => o.Get(((ObjectiveSpec)o.Spec).Weight) != 1.0);
        var terms = t.Objectives.Select(o =>
        {
            var weight = ((ObjectiveSpec)o.Spec).Weight;
            string what = Purpose(t, o);
            return (weighted ? G(o.Get(weight)) + " x " : "") + Written(o, weight) + (what.Length == 0 ? "" : ", " + what);
        }).ToList();
        return terms.Count == 1 ? terms[0] : "the sum of " + string.Join("; ", terms);
    }

    /// <summary>"AdamW, learning rate 0.002 with 1 warm-up epoch, then cosine decay to 0, weight decay 0.0001; 3 epochs of batches of 256, seed 42" ("batches of 64 (4 per update)" when gradients accumulate).</summary>
    public static string Optimization(TaskModel t)
    {
        var o = t.Optimizer;
        string kind = o.Get(Optimizer.Kind);
        var settings = new List<string> { $"learning rate {G(o.Get(Optimizer.LearningRate))} {Schedule(t.Schedule)}" };
        if (o.Get(Optimizer.WeightDecay) != 0)
        {
            settings.Add("weight decay " + G(o.Get(Optimizer.WeightDecay)));
        }

        if (kind is "Sgd" or "Lars")
        {
            settings.Add("momentum " + G(o.Get(Optimizer.Momentum)));
        }

        var tr = t.Training;
        string clip = tr.Get(Training.GradientClip) > 0 ? $", gradients clipped to norm {G(tr.Get(Training.GradientClip))}" : "";
        string accumulated = tr.Get(Training.AccumulateSteps) > 1 ? $" ({tr.Get(Training.AccumulateSteps)} per update)" : "";
        string precision = tr.Get(Training.Precision) switch
        {
            "MixedBFloat16" => ", mixed bfloat16 precision",
            "Auto" => ", mixed bfloat16 precision where the CPU computes bfloat16 natively",
            _ => "",
        };
        return $"{kind}, {string.Join(", ", settings)}; {Count(tr.Get(Training.Epochs), "epoch")} of batches of {tr.Get(Training.BatchSize)}{accumulated}, seed {tr.Get(Training.Seed)}{clip}{precision}";
    }

    /// <summary>"a linear probe (frozen encoder) for 10 classes: 30 epochs, learning rate 0.001, batches of 256".</summary>
    public static string FineTune(AttributeModel f)
    {
        string mode = f.Get(AttributeCatalog.FineTune.Mode) switch
        {
            "Full" => "a full fine-tune (encoder and head)",
            "PartialUnfreeze" => $"a fine-tune of the head and the last {Count(f.Get(AttributeCatalog.FineTune.UnfreezeLastLayers), "encoder block")}",
            _ => "a linear probe (frozen encoder)",
        };
        return $"{mode} for {f.Get(AttributeCatalog.FineTune.Classes)} classes: {Count(f.Get(AttributeCatalog.FineTune.Epochs), "epoch")}, learning rate {G(f.Get(AttributeCatalog.FineTune.LearningRate))}, batches of {f.Get(AttributeCatalog.FineTune.BatchSize)}";
    }

    /// <summary>The attribute as the user wrote it: its name and the arguments written, e.g. <c>HorizontalFlip(P = 0.5)</c>.</summary>
    public static string Written(AttributeModel a) => Written(a, null);

    private static string Written(AttributeModel a, ParamSpec? skip)
    {
        var written = a.Spec.Params.Where(p => p != skip && a.IsExplicit(p)).Select(p => $"{p.Name} = {Show(a.Value(p), p)}").ToList();
        return written.Count == 0 ? a.Name : $"{a.Name}({string.Join(", ", written)})";
    }

    private static string Step(AttributeModel step)
    {
        var view = ((StepSpec)step.Spec).View;
        int v = step.Get(view);
        return Written(step, view) + (v < 0 ? "" : $" (view {v} only)");
    }

    private static string Schedule(AttributeModel s) => s.Get(LearningRateSchedule.Kind) switch
    {
        "Cosine" => $"with cosine decay to {G(s.Get(LearningRateSchedule.MinLearningRate))}",
        "WarmupCosine" => $"with {G(s.Get(LearningRateSchedule.WarmupEpochs))} warm-up epoch{(s.Get(LearningRateSchedule.WarmupEpochs) == 1 ? "" : "s")}, then cosine decay to {G(s.Get(LearningRateSchedule.MinLearningRate))}",
        "Step" => $"times {G(s.Get(LearningRateSchedule.Gamma))} every {Count(s.Get(LearningRateSchedule.StepEpochs), "epoch")}",
        _ => "(constant)",
    };

    /// <summary>What an objective makes the network do, in words; "" for one this table does not know.</summary>
    private static string Purpose(PretextTaskModel t, AttributeModel objective)
    {
        string embeddings = t.Head(ProjectionHead) is null ? "representations" : "projections";
        var spec = (ObjectiveSpec)objective.Spec;
        return spec.Name switch
        {
            nameof(ByolLoss) => $"regressing the momentum target's {embeddings} of the other view with the predictor",
            nameof(SimSiamLoss) => $"predicting the {embeddings} of the other view with the predictor, the other view's gradient stopped",
            nameof(MocoV3Loss) => "contrasting the predictor's queries with the momentum encoder's keys of the other view, the rest of the batch as negatives",
            nameof(NnclrLoss) => "contrasting each view's nearest neighbour in the support set with the predictions of the other view",
            nameof(DinoLoss) => "matching the student's distributions over every crop to the momentum teacher's centred, sharpened ones of the global crops",
            nameof(SwavLoss) => "predicting each global crop's prototype assignment (Sinkhorn) from the other crops",
            nameof(InfoNceLoss) when t.Head(MomentumEncoder) is not null => $"contrasting queries with the momentum encoder's keys{(t.Head(NegativeQueue) is null ? "" : " and the negative queue")}",
            nameof(ReconstructionLoss) when EncoderFactory.TrainsAsMae(t) => "reconstructing the hidden patches' pixels from the visible patches alone (MAE: the encoder drops the hidden ones)" + (objective.Get(ReconstructionLoss.MaskedOnly) ? "" : ", the loss over every patch"),
            nameof(ReconstructionLoss) => "reconstructing the input from its corrupted copy" + (objective.Get(ReconstructionLoss.MaskedOnly) ? " (hidden parts only)" : ""),
            nameof(AdversarialLoss) => "a discriminator telling reconstructions from real inputs",
            nameof(RotationPrediction) => "predicting which rotation was applied",
            nameof(JigsawPrediction) => "predicting which permutation shuffled the tiles",
            nameof(RelativePatchPosition) => "predicting where a patch lies relative to the centre patch",
            nameof(ForecastLoss) => $"forecasting the next {Count(objective.Get(ForecastLoss.Horizon), "step")} from the window before them",
            nameof(Ts2VecLoss) => "contrasting the per-step representations of two overlapping crops (latent steps masked) across series and across time, at every scale of max-pooling along time",
            nameof(MaskedTokenLoss) => "predicting the masked tokens",
            nameof(NextTokenLoss) => "predicting each next token",
            nameof(NextSentenceLoss) => "telling true continuations from random ones",
            _ when spec.Family == ObjectiveFamily.JointEmbedding => $"comparing the {embeddings} of the views",
            _ => "",
        };
    }

    private static string Show(ArgValue v, ParamSpec p) => p.Type switch
    {
        ParamType.DoubleArray => "{ " + string.Join(", ", v.Numbers.Select(ArgValue.FormatDouble)) + " }",
        ParamType.Long => v.Literal.TrimEnd('L'),
        _ => v.Text ?? v.Literal,
    };

    private static string G(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
