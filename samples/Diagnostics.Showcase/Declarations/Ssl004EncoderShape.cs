using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL004: the encoder member is not static and takes a parameter.</summary>
[PretextTask("ssl004")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3)]
[HorizontalFlip(P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
public partial class Ssl004EncoderShape
{
    [Encoder(OutputDim = 128)]
    nn.Module<Tensor, Tensor> Encoder(int width) => Backbones.SmallCnn(inChannels: 1, width: width);
}
