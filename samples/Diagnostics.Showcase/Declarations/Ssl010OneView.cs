using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL010: a contrastive objective without [Views(2)] (the code fix adds it).</summary>
[PretextTask("ssl010")]
[ImageInput]
[HorizontalFlip]
[NtXentLoss]
public partial class Ssl010OneView
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
