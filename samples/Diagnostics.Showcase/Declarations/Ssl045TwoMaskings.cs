using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL045: whole-word masking and token masking in one task; the objective reads one masked batch.</summary>
[PretextTask("ssl045")]
[TextInput(MaxLength = 32, VocabSize = 1000)]
[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
[WholeWordMask]
[MaskTokens]
[MaskedTokenLoss]
public partial class Ssl045TwoMaskings
{
}
