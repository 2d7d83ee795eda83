using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL053: VIME on a table with a one-hot column of undeclared width.</summary>
[PretextTask("ssl053")]
[TabularInput(Features = 12)]
[CategoricalFeature("colour")]
[Backbone(BackboneKind.Mlp, Width = 64, OutputDim = 64)]
[VimeMask]
[VimeLoss]
public partial class Ssl053VimeColumns
{
}
