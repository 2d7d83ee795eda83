using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL052: VIME's objective without [VimeMask], which corrupts the rows and draws the mask it estimates.</summary>
[PretextTask("ssl052")]
[TabularInput(Features = 30)]
[Backbone(BackboneKind.Mlp, Width = 64, OutputDim = 64)]
[VimeLoss]
public partial class Ssl052VimeWithoutMask
{
}
