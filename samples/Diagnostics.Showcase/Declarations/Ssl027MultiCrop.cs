using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL027: multi-crop local crops as large as the global ones (the code fix shrinks them).</summary>
[PretextTask("ssl027")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[MultiCrop(GlobalSize = 28, LocalSize = 28, LocalViews = 6)]
[HorizontalFlip]
[DinoHead(Output = 4096)]
[MomentumEncoder(Momentum = 0.996)]
[DinoLoss]
public partial class Ssl027MultiCrop
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
