using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL054: a [VimeMask] that corrupts no row (P = 0).</summary>
[PretextTask("ssl054")]
[TabularInput(Features = 30)]
[Backbone(BackboneKind.Mlp, Width = 64, OutputDim = 64)]
[VimeMask(P = 0.0)]
[VimeLoss]
public partial class Ssl054VimeMaskOff
{
}
