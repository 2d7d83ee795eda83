using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL029: SimSiam without a predictor but with a momentum encoder (the code fix swaps them).</summary>
[PretextTask("ssl029")]
[ImageInput]
[Views(2)]
[RandomResizedCrop]
[ProjectionHead(Hidden = 256, Output = 128)]
[MomentumEncoder(Momentum = 0.99)]
[SimSiamLoss]
public partial class Ssl029MethodHeads
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
