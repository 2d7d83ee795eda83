using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL031: a generic task class (every type argument would be the same task under the same name).</summary>
[PretextTask("ssl031")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.3)]
[HorizontalFlip(P = 0.5)]
[ProjectionHead(Hidden = 256, Output = 128)]
[NtXentLoss(Temperature = 0.5)]
public partial class Ssl031GenericTask<TConfig>
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
