using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Methods;

// One declaration per image method of the results table (docs/samples.md, "Every image method at one budget").
// Every task shares the main job's encoder (Backbones.PooledCnn: 1,024 pooled features), optimizer, schedule and
// batch, and its augmentations (samples/FashionMnist.SimClr/FashionSimClr.cs); each adds the heads and the loss
// its paper uses, sized for 28x28 images. DINO and SwAV draw multi-crop views instead of two crops. The epoch
// count is set at run time (--epochs), the same for every method. The papers freeze DINO's last layer and SwAV's
// prototypes for their first epoch of hundreds; in a budget of 3 epochs that would be a third of the run, so here
// they train from the start.

/// <summary>MoCo v2: InfoNCE of queries against momentum keys, negatives from a queue of 16 batches.</summary>
[PretextTask("bench-moco")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[MomentumEncoder(Momentum = 0.99)]
[NegativeQueue(Size = 4096)]
[InfoNceLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchMoco
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>BYOL: an online predictor regresses the momentum network's projection (momentum 0.99 rising to 1).</summary>
[PretextTask("bench-byol")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[PredictorHead(Hidden = 512, Output = 128)]
[MomentumEncoder(Momentum = 0.99)]
[ByolLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchByol
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>Barlow Twins: the cross-correlation of the two views' (wide) projections driven to the identity.</summary>
[PretextTask("bench-barlow")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 1024, Output = 1024)]
[BarlowTwinsLoss(Lambda = 0.0051)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchBarlow
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>VICReg: invariance, variance and covariance terms on wide projections (25, 25, 1).</summary>
[PretextTask("bench-vicreg")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 1024, Output = 1024)]
[VicRegLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchVicReg
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>SimSiam: a predictor and a stop-gradient, no momentum network.</summary>
[PretextTask("bench-simsiam")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 512)]
[PredictorHead(Hidden = 128, Output = 512)]
[SimSiamLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchSimSiam
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>NNCLR: the nearest neighbour in a support set of 32 batches is the positive.</summary>
[PretextTask("bench-nnclr")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[PredictorHead(Hidden = 512, Output = 128)]
[NnclrLoss(Temperature = 0.1, SupportSetSize = 8192)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchNnclr
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>MoCo v3: the predictor's queries against the momentum keys of the other view, symmetrized, no queue.</summary>
[PretextTask("bench-mocov3")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[PredictorHead(Hidden = 512, Output = 128)]
[MomentumEncoder(Momentum = 0.99)]
[MocoV3Loss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchMocoV3
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>DCL: NT-Xent without the positive in the denominator.</summary>
[PretextTask("bench-dcl")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[DclLoss(Temperature = 0.1)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchDcl
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>DCLW: DCL with hard positives weighted up (sigma 0.5).</summary>
[PretextTask("bench-dclw")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[DclwLoss(Temperature = 0.1, Sigma = 0.5)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchDclw
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>DINO: 2 global crops of 28 and 4 local crops of 12 pixels; EMA teacher (0.996 rising to 1), centring.</summary>
[PretextTask("bench-dino")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 4, GlobalMinScale = 0.4, LocalMinScale = 0.1, LocalMaxScale = 0.4)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[DinoHead(Hidden = 1024, Bottleneck = 128, Output = 4096)]
[MomentumEncoder(Momentum = 0.996)]
[DinoLoss(StudentTemperature = 0.1, TeacherTemperature = 0.04, WarmupTeacherTemperature = 0.04, CenterMomentum = 0.9)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchDino
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>SwAV: 2 global crops of 28 and 4 local crops of 12 pixels; 300 prototypes, Sinkhorn-Knopp codes of the global crops.</summary>
[PretextTask("bench-swav")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 4, GlobalMinScale = 0.4, LocalMinScale = 0.1, LocalMaxScale = 0.4)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[RandomErasing(MinArea = 0.0816, MaxArea = 0.0816, P = 0.25)]
[ProjectionHead(Hidden = 512, Output = 128)]
[SwavLoss(Prototypes = 300, Temperature = 0.1, FreezePrototypesEpochs = 0)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchSwav
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

// Self-prediction methods on the same encoder, optimizer, schedule and batch: a head on the encoder's 1,024 features
// predicts what the pipeline hid or changed. They draw no second view; flips (where the task allows) are their only
// augmentation. The reconstruction methods use the MAE sample's convolutional decoder width (64 channels at the
// smallest map): with 512 channels its transposed convolutions made a step 3.5 times as costly as SimCLR's.

/// <summary>Rotation prediction (Gidaris et al., 2018): which of 0, 90, 180 or 270 degrees each image was turned by.</summary>
[PretextTask("bench-rotation")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[HorizontalFlip(P = 0.5)]
[RotationPrediction(Angles = 4)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchRotation
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>Jigsaw (Noroozi and Favaro, 2016): which of 24 orders the 2x2 tiles of 14 pixels were shuffled into.</summary>
[PretextTask("bench-jigsaw")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[JigsawPrediction(Grid = 2, Permutations = 24)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchJigsaw
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>SimMIM-style masked image modelling on the CNN: 60 % of the 4x4 patches show a learned mask token; a decoder reconstructs their normalized pixels.</summary>
[PretextTask("bench-simmim")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[HorizontalFlip(P = 0.5)]
[PatchMask(PatchSize = 4, Ratio = 0.6)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true, NormalizeTargets = true)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchSimMim
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>Denoising auto-encoding (Vincent et al., 2008): reconstruct the clean image from one with Gaussian noise (std 0.3).</summary>
[PretextTask("bench-denoising")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[HorizontalFlip(P = 0.5)]
[GaussianNoise(Std = 0.3)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss(MaskedOnly = false)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchDenoising
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}

/// <summary>Inpainting (Pathak et al., 2016, without the adversarial term): reconstruct a hidden 10x10 block.</summary>
[PretextTask("bench-inpainting")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[HorizontalFlip(P = 0.5)]
[BlockMask(Size = 10)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 3, Seed = 42)]
public partial class BenchInpainting
{
    [Encoder(OutputDim = 1024)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4);
}
