using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL005: no input declaration.</summary>
[PretextTask("ssl005")]
[Views(2)]
[HorizontalFlip]
[NtXentLoss]
public partial class Ssl005NoInput
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
