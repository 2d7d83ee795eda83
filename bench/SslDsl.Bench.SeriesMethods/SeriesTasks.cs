using SslDsl;

namespace SslDsl.Bench.SeriesMethods;

/// <summary>TS2Vec on the CO2 windows: the reference's recipe (AdamW 1e-3, alpha 0.5, masks of p = 0.5) at the bench's encoder size.</summary>
[PretextTask("co2-ts2vec")]
[TimeSeriesInput(Channels = 1, Length = 64)]
[Backbone(BackboneKind.DilatedConv, Width = SeriesEncoder.Width, OutputDim = SeriesEncoder.OutputDim, Depth = SeriesEncoder.Depth)]
[Ts2VecLoss(Alpha = 0.5, TemporalUnit = 0, MaskRatio = 0.5)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3)]
[Training(BatchSize = 32, Epochs = 10, Seed = 42)]
public partial class Co2Ts2Vec
{
}

/// <summary>
/// SimCLR-style contrast of two views, each scaled, jittered and cut into up to 5 permuted segments (TS-TCC's
/// "strong" augmentation), on the same encoder.
/// </summary>
[PretextTask("co2-permutation-contrast")]
[TimeSeriesInput(Channels = 1, Length = 64)]
[Backbone(BackboneKind.DilatedConv, Width = SeriesEncoder.Width, OutputDim = SeriesEncoder.OutputDim, Depth = SeriesEncoder.Depth)]
[Views(2)]
[Scaling(Std = 0.1)]
[Jitter(Std = 0.02)]
[SegmentPermutation(MaxSegments = 5)]
[ProjectionHead(Hidden = 64, Output = 32)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3)]
[Training(BatchSize = 32, Epochs = 10, Seed = 42)]
public partial class Co2PermutationContrast
{
}

/// <summary>The encoder every row of the table trains (or leaves untrained): TS2Vec's dilated convolutions.</summary>
public static class SeriesEncoder
{
    /// <summary>Channels of the hidden blocks.</summary>
    public const int Width = 32;

    /// <summary>Features per step and of the max-pooled representation.</summary>
    public const int OutputDim = 64;

    /// <summary>Hidden blocks (dilations 1 to 8, then the output block with 16).</summary>
    public const int Depth = 4;

    /// <summary>A new encoder, its weights drawn from torch's global generator.</summary>
    public static DilatedConvEncoder Create() => Backbones.DilatedConv(inChannels: 1, width: Width, outputDim: OutputDim, depth: Depth);
}
