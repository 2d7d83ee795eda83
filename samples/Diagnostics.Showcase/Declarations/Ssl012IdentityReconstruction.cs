using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL012 (warning): reconstruction without masking or noise.</summary>
[PretextTask("ssl012")]
[ImageInput]
[Decoder]
[ReconstructionLoss]
public partial class Ssl012IdentityReconstruction
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
