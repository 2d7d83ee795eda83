using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench;

/// <summary>A SimCLR-style task on 3x32x32 colour images (CIFAR-sized), used for the augmentation throughput benchmark.</summary>
[PretextTask("rgb32-simclr")]
[ImageInput(Channels = 3, Height = 32, Width = 32)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3, MaxScale = 1.0)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.4, Contrast = 0.4, Saturation = 0.4, Hue = 0.1, P = 0.8)]
[Grayscale(P = 0.2)]
[GaussianNoise(Std = 0.05, P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
[Training(BatchSize = 256, Epochs = 10, Seed = 42)]
public partial class RgbSimClr
{
    /// <summary>SmallCnn, 3 input channels, width 16, 128 features.</summary>
    [Encoder(OutputDim = 128)]
    public static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 3, width: 16, outputDim: 128);
}
