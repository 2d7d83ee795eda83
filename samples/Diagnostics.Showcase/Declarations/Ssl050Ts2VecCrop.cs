using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL050: TemporalUnit = 5 makes TS2Vec's crops share at least 64 steps, but the series has 32.</summary>
[PretextTask("ssl050")]
[TimeSeriesInput(Channels = 1, Length = 32)]
[Backbone(BackboneKind.DilatedConv, Width = 16, OutputDim = 32, Depth = 3)]
[Ts2VecLoss(TemporalUnit = 5)]
public partial class Ssl050Ts2VecCrop
{
}
