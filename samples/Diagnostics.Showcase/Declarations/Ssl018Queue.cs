using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL018: a negative queue without a momentum encoder.</summary>
[PretextTask("ssl018")]
[ImageInput]
[Views(2)]
[RandomResizedCrop]
[ProjectionHead(Output = 128)]
[NegativeQueue(Size = 4096)]
[InfoNceLoss(Temperature = 0.2)]
public partial class Ssl018Queue
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
