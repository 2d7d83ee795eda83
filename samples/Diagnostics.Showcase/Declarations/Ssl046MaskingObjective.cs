using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL046: T5's span-corruption objective after BERT's masking, which makes no sentinel target.</summary>
[PretextTask("ssl046")]
[TextInput(MaxLength = 32, VocabSize = 1000)]
[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
[MaskTokens]
[SpanCorruptionLoss]
public partial class Ssl046MaskingObjective
{
}
