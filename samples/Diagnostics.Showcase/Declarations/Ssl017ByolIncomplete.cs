using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL017: BYOL without momentum encoder and predictor (the code fix adds them).</summary>
[PretextTask("ssl017")]
[ImageInput]
[Views(2)]
[RandomResizedCrop]
[ProjectionHead(Hidden = 256, Output = 128)]
[ByolLoss]
public partial class Ssl017ByolIncomplete
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
