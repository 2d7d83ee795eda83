using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL022: MaskTokens fractions summing to 1.1.</summary>
[PretextTask("ssl022")]
[TextInput(MaxLength = 32, VocabSize = 1000, PadId = 0, MaskId = 3)]
[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
[MaskTokens(Probability = 0.15, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.3)]
[MaskedTokenLoss]
public partial class Ssl022MaskSplit
{
}
