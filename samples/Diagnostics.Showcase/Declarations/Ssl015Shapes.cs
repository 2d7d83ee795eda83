using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL015: a patch size that does not divide the 28x28 image.</summary>
[PretextTask("ssl015")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[PatchMask(PatchSize = 5, Ratio = 0.75)]
[Decoder]
[ReconstructionLoss]
public partial class Ssl015Shapes
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
