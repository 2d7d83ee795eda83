using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics.Showcase;

/// <summary>SSL051: a permutation of at most one segment leaves every series as it is.</summary>
[PretextTask("ssl051")]
[TimeSeriesInput(Channels = 1, Length = 32)]
[Backbone(BackboneKind.Conv1d, Width = 16, OutputDim = 32)]
[Views(2)]
[Jitter(Std = 0.05)]
[SegmentPermutation(MaxSegments = 1)]
[ProjectionHead(Hidden = 32, Output = 16)]
[NtXentLoss]
public partial class Ssl051Segments
{
}
