using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionSimClrSample;

/// <summary>
/// SimCLR on Fashion-MNIST: two augmented views of each image, NT-Xent on their projections. The encoder has two
/// blocks of two 3x3 convolutions (widths 32 and 64); its representation is the 4x4-pooled 64-channel feature map
/// (1,024 features), probed before any learned projection. Every setting was chosen on a validation split (docs/benchmarks.md, "SimCLR recipe ablation").
/// This one declaration is the README's snippet and the benchmarks' task (they include this file).
/// </summary>
[PretextTask("fashion-simclr")]
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
[Training(BatchSize = 256, Epochs = 3, Seed = 42, Precision = TrainingPrecision.Auto)]
[FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe, Epochs = 30, LearningRate = 1e-3)]
public partial class FashionSimClr
{
    [Encoder(OutputDim = 1024)]
    internal static nn.Module<Tensor, Tensor> Encoder() => Backbones.PooledCnn(inChannels: 1, width: 32, depth: 2, pool: 4, convsPerBlock: 2);
}
