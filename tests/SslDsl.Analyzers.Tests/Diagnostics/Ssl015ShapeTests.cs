using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL015: patch, grid, block, kernel, span and horizon sizes that do not fit the input.</summary>
public class Ssl015ShapeTests
{
    private const string Mae = """
        [PretextTask("mae")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [PatchMask(PatchSize = 4, Ratio = 0.75)]
        [Decoder]
        [ReconstructionLoss]
        """;

    public static readonly string Failing = Sources.Task(Mae.Replace("PatchSize = 4", "{|SSL015:PatchSize = 5|}"));

    [Fact]
    public Task PatchThatDoesNotDivideTheImageIsReported() => AnalyzerTest.VerifyAsync(Failing);

    [Fact]
    public Task PatchThatDividesTheImageIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Mae.Replace("PatchSize = 4", "PatchSize = 7")));

    [Fact]
    public Task EvenBlurKernelIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[GaussianBlur({|SSL015:KernelSize = 4|})]"));

    [Fact]
    public Task OddBlurKernelIsValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[GaussianBlur(KernelSize = 5)]"));

    [Fact]
    public Task BlockAsLargeAsTheImageIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Mae.Replace("[PatchMask(PatchSize = 4, Ratio = 0.75)]", "[BlockMask({|SSL015:Size = 28|})]")));

    [Fact]
    public Task ZeroImageHeightIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Mae.Replace("Height = 28", "{|SSL015:Height = 0|}")));

    [Fact]
    public Task JigsawGridThatDoesNotDivideIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("jigsaw")]
        [ImageInput(Height = 28, Width = 28)]
        [JigsawPrediction({|SSL015:Grid = 3|}, Permutations = 100)]
        """));

    [Fact]
    public Task JigsawGridThatDividesIsValid() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("jigsaw")]
        [ImageInput(Height = 30, Width = 30)]
        [JigsawPrediction(Grid = 3, Permutations = 100)]
        """));

    [Fact]
    public Task RotationOnANonSquareImageIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("rotation")]
        [ImageInput(Height = 28, Width = 32)]
        [RotationPrediction({|SSL015:Angles = 4|})]
        """));

    [Fact]
    public Task SpanLongerThanTheSequenceIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("span")]
        [TextInput(MaxLength = 16, VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
        [SpanMask({|SSL015:MeanSpan = 20|})]
        [MaskedTokenLoss]
        """, members: ""));

    [Fact]
    public Task SpanShorterThanOneTokenIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("span")]
        [TextInput(MaxLength = 16, VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
        [SpanMask({|SSL015:MeanSpan = 0.5|})]
        [MaskedTokenLoss]
        """, members: ""));

    [Fact]
    public Task HorizonAsLongAsTheSeriesIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("forecast")]
        [TimeSeriesInput(Channels = 1, Length = 32)]
        [Backbone(BackboneKind.Conv1d)]
        [ForecastLoss({|SSL015:Horizon = 32|})]
        """, members: ""));

    [Fact]
    public Task ShortHorizonIsValid() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("forecast")]
        [TimeSeriesInput(Channels = 1, Length = 32)]
        [Backbone(BackboneKind.Conv1d)]
        [ForecastLoss(Horizon = 4)]
        """, members: ""));
}
