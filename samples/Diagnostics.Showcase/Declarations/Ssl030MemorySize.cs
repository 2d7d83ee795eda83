using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL030: an NNCLR support set that is not a multiple of the batch size (the code fix rounds it).</summary>
[PretextTask("ssl030")]
[ImageInput]
[Views(2)]
[RandomResizedCrop]
[ProjectionHead(Hidden = 256, Output = 128)]
[PredictorHead(Hidden = 256, Output = 128)]
[NnclrLoss(SupportSetSize = 1000)]
[Training(BatchSize = 256)]
public partial class Ssl030MemorySize
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
