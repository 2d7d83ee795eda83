using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench;

/// <summary>
/// The declaration of samples/FashionMnist.SimClr/FashionSimClr.cs, unchanged but for the namespace:
/// SimCLR on 1x28x28 Fashion-MNIST with a SmallCnn (width 16, 128 features). Shared by the benchmarks.
/// </summary>
[PretextTask("fashion-simclr")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.4, Contrast = 0.4, P = 0.8)]
[GaussianNoise(Std = 0.05, P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 256, Epochs = 10, Seed = 42)]
[FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe)]
public partial class FashionSimClr
{
    /// <summary>The sample's encoder: SmallCnn, 1 input channel, width 16, 128 features.</summary>
    [Encoder(OutputDim = 128)]
    public static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}
