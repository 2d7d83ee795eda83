using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL049: TS2Vec contrasts per-step states, but the Conv1d backbone pools the time axis away.</summary>
[PretextTask("ssl049")]
[TimeSeriesInput(Channels = 1, Length = 32)]
[Backbone(BackboneKind.Conv1d, Width = 16, OutputDim = 32)]
[Ts2VecLoss]
public partial class Ssl049Ts2VecEncoder
{
}
