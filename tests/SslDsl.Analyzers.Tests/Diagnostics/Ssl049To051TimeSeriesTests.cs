using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// SSL049 (TS2Vec on an encoder that pools the time axis away), SSL050 (TS2Vec's shortest crop longer than the
/// series) and SSL051 (a segment permutation with fewer than 2 or more segments than steps).
/// </summary>
public class Ssl049To051TimeSeriesTests
{
    /// <summary>A valid TS2Vec task on 32 steps.</summary>
    public const string Ts2Vec = """
        [PretextTask("ts2vec")]
        [TimeSeriesInput(Channels = 1, Length = 32)]
        [Backbone(BackboneKind.DilatedConv, Width = 16, OutputDim = 32, Depth = 3)]
        [Ts2VecLoss(TemporalUnit = 2)]
        """;

    /// <summary>A valid contrastive series task with TS-TCC's permutation.</summary>
    public const string Permutation = """
        [PretextTask("tstcc")]
        [TimeSeriesInput(Channels = 1, Length = 32)]
        [Backbone(BackboneKind.Conv1d, Width = 16, OutputDim = 32)]
        [Views(2)]
        [Jitter(Std = 0.05)]
        [SegmentPermutation(MaxSegments = 5)]
        [ProjectionHead(Hidden = 32, Output = 16)]
        [NtXentLoss]
        """;

    /// <summary>An [Encoder] member that declares TS2Vec's encoder type.</summary>
    public const string TimestampMember = "    [Encoder(OutputDim = 32)]\n    static DilatedConvEncoder Encoder() => Backbones.DilatedConv(inChannels: 1, width: 16, outputDim: 32, depth: 3);\n";

    public static readonly string FailingPooledBackbone = Sources.Task(Ts2Vec.Replace("BackboneKind.DilatedConv", "{|SSL049:BackboneKind.Conv1d|}"), members: "");

    public static readonly string FailingShortestCrop = Sources.Task(Ts2Vec.Replace("TemporalUnit = 2", "{|SSL050:TemporalUnit = 5|}"), members: "");

    public static readonly string FailingOneSegment = Sources.Task(Permutation.Replace("MaxSegments = 5", "{|SSL051:MaxSegments = 1|}"), members: "");

    [Fact]
    public Task Ts2VecOnTheDilatedConvBackboneIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Ts2Vec, members: ""));

    [Fact]
    public Task Ts2VecOnAMemberOfATimestampEncoderTypeIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Ts2Vec.Replace("[Backbone(BackboneKind.DilatedConv, Width = 16, OutputDim = 32, Depth = 3)]\n", ""), members: TimestampMember));

    [Fact]
    public Task PermutationInAContrastiveSeriesTaskIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Permutation, members: ""));

    [Fact]
    public Task Ts2VecOnAPoolingBackboneIsReported() => AnalyzerTest.VerifyAsync(FailingPooledBackbone);

    [Fact]
    public Task Ts2VecOnAPlainModuleMemberIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Ts2Vec.Replace("[Backbone(BackboneKind.DilatedConv, Width = 16, OutputDim = 32, Depth = 3)]\n", ""),
        members: "    [Encoder(OutputDim = 32)]\n    static nn.Module<Tensor, Tensor> {|SSL049:Encoder|}() => Backbones.DilatedConv(inChannels: 1, width: 16, outputDim: 32, depth: 3);\n"));

    [Fact]
    public Task Ts2VecOnAnImageBackboneIsAModalityError() => AnalyzerTest.VerifyAsync(Sources.Task(Ts2Vec.Replace("BackboneKind.DilatedConv", "{|SSL013:BackboneKind.SmallCnn|}"), members: ""));

    [Fact]
    public Task Ts2VecShortestCropLongerThanTheSeriesIsReported() => AnalyzerTest.VerifyAsync(FailingShortestCrop);

    [Fact]
    public Task Ts2VecShortestCropAsLongAsTheSeriesIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Ts2Vec.Replace("TemporalUnit = 2", "TemporalUnit = 4"), members: ""));

    [Fact]
    public Task Ts2VecMaskRatioOutsideTheOpenUnitIsAProbabilityError() => AnalyzerTest.VerifyAsync(Sources.Task(Ts2Vec.Replace("TemporalUnit = 2", "TemporalUnit = 2, {|SSL007:MaskRatio = 1.0|}"), members: ""));

    [Fact]
    public Task Ts2VecAlphaAboveOneIsAProbabilityError() => AnalyzerTest.VerifyAsync(Sources.Task(Ts2Vec.Replace("TemporalUnit = 2", "TemporalUnit = 2, {|SSL007:Alpha = 1.5|}"), members: ""));

    [Fact]
    public Task Ts2VecOnTextIsAModalityError() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("text")]
        [TextInput(MaxLength = 16, VocabSize = 100)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 16, OutputDim = 16)]
        [MaskTokens]
        [MaskedTokenLoss]
        [{|SSL013:Ts2VecLoss|}]
        """, members: ""));

    [Fact]
    public Task OneSegmentIsReported() => AnalyzerTest.VerifyAsync(FailingOneSegment);

    [Fact]
    public Task MoreSegmentsThanStepsAreReported() => AnalyzerTest.VerifyAsync(Sources.Task(Permutation.Replace("MaxSegments = 5", "{|SSL051:MaxSegments = 33|}"), members: ""));

    [Fact]
    public Task AsManySegmentsAsStepsAreValid() => AnalyzerTest.VerifyAsync(Sources.Task(Permutation.Replace("MaxSegments = 5", "MaxSegments = 32"), members: ""));
}
