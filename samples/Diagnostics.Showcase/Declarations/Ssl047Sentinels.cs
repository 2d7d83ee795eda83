using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL047: 32 tokens need 3 span-corruption sentinels (ids 3 to 5), and 3 is [MASK].</summary>
[PretextTask("ssl047")]
[TextInput(MaxLength = 32, VocabSize = 6)]
[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
[SpanCorruption]
[SpanCorruptionLoss]
public partial class Ssl047Sentinels
{
}
