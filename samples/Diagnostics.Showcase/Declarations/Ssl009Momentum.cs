using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL009: an EMA momentum of 1 (the target never moves).</summary>
[PretextTask("ssl009")]
[ImageInput]
[Views(2)]
[RandomResizedCrop]
[ProjectionHead(Output = 128)]
[PredictorHead(Output = 128)]
[MomentumEncoder(Momentum = 1.0)]
[ByolLoss]
public partial class Ssl009Momentum
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
