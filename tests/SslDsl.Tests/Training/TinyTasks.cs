using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>A tiny SimCLR task on 1x8x8 images: fast enough for exact-resume tests.</summary>
[PretextTask("tiny-simclr")]
[ImageInput(Channels = 1, Height = 8, Width = 8)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.5, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[GaussianNoise(Std = 0.05, P = 0.5)]
[ProjectionHead(Hidden = 16, Output = 8)]
[NtXentLoss(Temperature = 0.5)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-2, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 16, Epochs = 4, Seed = 3)]
[FineTune(Classes = 2, Mode = FineTuneMode.LinearProbe, Epochs = 4, LearningRate = 0.05, BatchSize = 32)]
public partial class TinySimClr
{
    /// <summary>The tiny encoder: flatten then one linear layer to 12 features.</summary>
    [Encoder(OutputDim = 12)]
    public static nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(nn.Flatten(), nn.Linear(64, 12));
}

/// <summary>Another task with the same shapes but another name (for mismatch tests).</summary>
[PretextTask("tiny-simclr-other")]
[ImageInput(Channels = 1, Height = 8, Width = 8)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.5, MaxScale = 1.0)]
[ProjectionHead(Hidden = 16, Output = 8)]
[NtXentLoss(Temperature = 0.5)]
[Training(BatchSize = 16, Epochs = 2, Seed = 3)]
public partial class OtherTinySimClr
{
    /// <summary>The same encoder shape as <see cref="TinySimClr"/>.</summary>
    [Encoder(OutputDim = 12)]
    public static nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(nn.Flatten(), nn.Linear(64, 12));
}
