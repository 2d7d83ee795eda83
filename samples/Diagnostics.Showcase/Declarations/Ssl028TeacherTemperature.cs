using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL028: a DINO teacher flatter than its student.</summary>
[PretextTask("ssl028")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 6)]
[HorizontalFlip]
[DinoHead(Output = 4096)]
[MomentumEncoder(Momentum = 0.996)]
[DinoLoss(StudentTemperature = 0.1, TeacherTemperature = 0.2)]
public partial class Ssl028TeacherTemperature
{
    [Encoder(OutputDim = 128)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
}
