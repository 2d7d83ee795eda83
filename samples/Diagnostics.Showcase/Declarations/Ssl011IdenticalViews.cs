using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL011 (warning): two views but no random augmentation.</summary>
[PretextTask("ssl011")]
[ImageInput]
[Views(2)]
[NtXentLoss]
public partial class Ssl011IdenticalViews
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
