using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL007: a probability above 1 (the code fix clamps it to 1.0).</summary>
[PretextTask("ssl007")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3)]
[HorizontalFlip(P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
[VerticalFlip(P = 1.2)]
public partial class Ssl007Probability
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
