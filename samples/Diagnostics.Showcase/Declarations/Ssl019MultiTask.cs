using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>A valid member task.</summary>
[PretextTask("ssl019-member")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3)]
[HorizontalFlip(P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
public partial class Ssl019Member
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}

/// <summary>SSL019: a multi-task member that is not a pretext task.</summary>
[MultiTaskPretraining("ssl019")]
[Objective(typeof(Ssl019Member))]
[Objective(typeof(string))]
public partial class Ssl019MultiTask
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Shared() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
