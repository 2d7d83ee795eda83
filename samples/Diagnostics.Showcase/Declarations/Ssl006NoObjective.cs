using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL006: no objective.</summary>
[PretextTask("ssl006")]
[ImageInput]
[HorizontalFlip]
public partial class Ssl006NoObjective
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
