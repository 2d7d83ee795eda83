using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionSimClrSample;

/// <summary>SimCLR on Fashion-MNIST: two augmented views of each image, NT-Xent on their projections.</summary>
[PretextTask("fashion-simclr")]
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
[Training(BatchSize = 256, Epochs = 10, Seed = 42)]
[FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe)]
public partial class FashionSimClr
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}
