using System;
using System.Collections.Generic;
using System.Linq;
using FashionMaeSample;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.SampleRecipes;

/// <summary>
/// The MAE rows: pretrain on the first N Fashion-MNIST training images (the sample's --limit), probe with their
/// labels, score on the last 5,000 training images. "sample" is samples/FashionMnist.Mae's declaration; every other
/// row differs from it in one thing, except "vit": true MAE on a small ViT (issue 15), compared at equal pretraining time.
/// </summary>
internal static class MaeVariants
{
    public static readonly IReadOnlyDictionary<string, Func<TrainingOptions, object>> All = new Dictionary<string, Func<TrainingOptions, object>>
    {
        ["sample"] = o => new FashionMae.Trainer(o),
        ["raw-targets"] = o => new MaeRawTargets.Trainer(o),
        ["ratio50"] = o => new MaeRatio50.Trainer(o),
        ["patch7"] = o => new MaePatch7.Trainer(o),
        ["decoder128"] = o => new MaeDecoder128.Trainer(o),
        ["pooled"] = o => new MaePooled.Trainer(o),
        ["vit"] = o => new MaeVit.Trainer(o),
    };

    public static Row Run(Func<TrainingOptions, object> create, RunSettings settings, long seed, int limit)
    {
        using var all = FashionMnist.Load(FashionMnistSplit.Train);
        using var pretrain = all.Subset(Enumerable.Range(0, limit).Select(i => (long)i).ToArray(), "pretrain");
        using var validation = all.Subset(Enumerable.Range(55_000, 5_000).Select(i => (long)i).ToArray(), "validation-5k");
        using var trainer = (PretextTrainer<ImageBatch>)create(settings.Options(seed));
        return settings.Score(trainer, pretrain, pretrain, validation, classes: 10, seed);
    }
}

/// <summary>The sample's task reconstructing raw pixels instead of normalized ones.</summary>
[PretextTask("mae-raw-targets")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[PatchMask(PatchSize = 4, Ratio = 0.75)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true, NormalizeTargets = false)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
public partial class MaeRawTargets
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}

/// <summary>The sample's task hiding half of the patches.</summary>
[PretextTask("mae-ratio50")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[PatchMask(PatchSize = 4, Ratio = 0.5)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
public partial class MaeRatio50
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}

/// <summary>The sample's task with 7x7 patches (16 per image).</summary>
[PretextTask("mae-patch7")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[PatchMask(PatchSize = 7, Ratio = 0.75)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
public partial class MaePatch7
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}

/// <summary>The sample's task with a decoder twice as wide.</summary>
[PretextTask("mae-decoder128")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[PatchMask(PatchSize = 4, Ratio = 0.75)]
[Decoder(Hidden = 128, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
public partial class MaeDecoder128
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}

/// <summary>The sample's task with the main job's pooled backbone (widths 32, 64; 4x4 average pool; 1,024 features).</summary>
[PretextTask("mae-pooled")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[PatchMask(PatchSize = 4, Ratio = 0.75)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
public partial class MaePooled
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>
/// True MAE on a small ViT (7x7 patches of 4x4 pixels, width 64, 4 blocks of 4 heads): the encoder sees the 12 visible
/// patches only, a 2-block decoder of width 32 reconstructs the 37 hidden ones (normalized pixels, hidden patches only).
/// AdamW with MAE's weight decay 0.05; the probe reads the CLS token.
/// </summary>
[PretextTask("mae-vit")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Backbone(BackboneKind.VisionTransformer, Width = 64, OutputDim = 64, Depth = 4, Heads = 4, PatchSize = 4)]
[PatchMask(PatchSize = 4, Ratio = 0.75)]
[Decoder(Hidden = 32, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 0.05)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
public partial class MaeVit
{
}
