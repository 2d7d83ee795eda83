using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL016: a predictor narrower than the projection it regresses.</summary>
[PretextTask("ssl016")]
[ImageInput]
[Views(2)]
[RandomResizedCrop]
[ProjectionHead(Hidden = 256, Output = 128)]
[PredictorHead(Hidden = 256, Output = 64)]
[MomentumEncoder(Momentum = 0.99)]
[ByolLoss]
public partial class Ssl016Dimensions
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
