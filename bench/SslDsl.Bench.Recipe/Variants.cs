using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Recipe;

// One declaration per row of the ablation table in docs/benchmarks.md ("SimCLR recipe ablation").
// Each row changes one thing from the row it names; "old" is the main job's recipe before issue #11; "two-convs"
// (reference with two convolutions per block) was the main job until 2026-12-01; "main" is the main job itself
// (two-convs-crop0.6 with 3 epochs), compiled from samples/FashionMnist.SimClr.

/// <summary>The recipe before issue #11: SmallCnn width 16 with a 128-wide linear bottleneck.</summary>
[PretextTask("old")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.4, Contrast = 0.4, P = 0.8)]
[GaussianNoise(Std = 0.05, P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class Old
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}

/// <summary>old + the pooled 1,024-feature backbone (widths 32, 64; 4x4 average pool; no linear layer) and a 1024-512-128 projection.</summary>
[PretextTask("pooled")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.4, Contrast = 0.4, P = 0.8)]
[GaussianNoise(Std = 0.05, P = 0.5)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class Pooled
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>pooled + crops 0.4-1, jitter 0.6, 8x8 erasing at p 0.25 instead of noise, lr 2e-3: the PyTorch recipe.</summary>
[PretextTask("reference")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class Reference
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>two-convs with a quarter-epoch warm-up instead of one epoch (half of a 2-epoch run).</summary>
[PretextTask("two-convs-short-warmup")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 0.25)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsShortWarmup
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>two-convs with learning rate 4e-3 instead of 2e-3.</summary>
[PretextTask("two-convs-lr4e-3")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 4e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsLr4e3
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>two-convs with each block's max pooling right after its last convolution (conv - pool - BN - ReLU): cheaper on the CPU.</summary>
[PretextTask("two-convs-pool-first")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsPoolFirst
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2, poolBeforeNorm: true);
}

/// <summary>reference with each block's max pooling right after its convolution (conv - pool - BN - ReLU).</summary>
[PretextTask("pool-first")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class PoolFirst
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, poolBeforeNorm: true);
}

/// <summary>two-convs with NT-Xent temperature 0.1 instead of 0.2.</summary>
[PretextTask("two-convs-t0.1")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.1)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsT01
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>two-convs with NT-Xent temperature 0.5 instead of 0.2.</summary>
[PretextTask("two-convs-t0.5")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsT05
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>reference with two 3x3 convolutions per block: the main job until 2026-12-01 (crops 0.4-1, 2 epochs).</summary>
[PretextTask("two-convs")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvs
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>two-convs with crops of 0.2-1 of the image instead of 0.4-1.</summary>
[PretextTask("two-convs-crop0.2")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.2, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsCrop02
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>two-convs with crops of 0.6-1 of the image instead of 0.4-1 (milder: keeps more of each garment).</summary>
[PretextTask("two-convs-crop0.6")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.6, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsCrop06
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>two-convs with AdamW weight decay 0.05 instead of 1e-4.</summary>
[PretextTask("two-convs-wd0.05")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 0.05)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 2, Seed = 42)]
public partial class TwoConvsWd005
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}

/// <summary>two-convs with batch 128 instead of 256 (twice the steps, half the negatives).</summary>
[PretextTask("two-convs-batch128")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 2, Seed = 42)]
public partial class TwoConvsBatch128
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}
