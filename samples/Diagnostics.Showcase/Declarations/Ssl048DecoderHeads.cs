using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL048: 5 decoder heads cannot split the encoder's 64 features.</summary>
[PretextTask("ssl048")]
[TextInput(MaxLength = 32, VocabSize = 1000)]
[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
[SpanCorruption]
[SpanCorruptionLoss(Heads = 5)]
public partial class Ssl048DecoderHeads
{
}
