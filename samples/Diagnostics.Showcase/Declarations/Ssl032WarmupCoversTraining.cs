using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL032 (warning): one epoch of warm-up in a one-epoch run, so the cosine decay never starts.</summary>
[PretextTask("ssl032")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3)]
[HorizontalFlip(P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(Epochs = 1)]
public partial class Ssl032WarmupCoversTraining
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
