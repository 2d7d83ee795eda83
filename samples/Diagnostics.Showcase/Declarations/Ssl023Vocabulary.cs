using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL023: a [MASK] id outside the vocabulary.</summary>
[PretextTask("ssl023")]
[TextInput(MaxLength = 32, VocabSize = 1000, PadId = 0, MaskId = 1000)]
[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
[MaskTokens(Probability = 0.15, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
[MaskedTokenLoss]
public partial class Ssl023Vocabulary
{
}
