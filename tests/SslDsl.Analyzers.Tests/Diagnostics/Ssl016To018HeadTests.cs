using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL016 (dimensions), SSL017 (BYOL without momentum encoder or predictor), SSL018 (negative queue).</summary>
public class Ssl016To018HeadTests
{
    private const string Byol = """
        [PretextTask("byol")]
        [ImageInput]
        [Views(2)]
        [RandomResizedCrop]
        [ProjectionHead(Hidden = 256, Output = 128)]
        [PredictorHead(Hidden = 256, Output = 128)]
        [MomentumEncoder(Momentum = 0.99)]
        [ByolLoss]
        """;

    private const string Moco = """
        [PretextTask("moco")]
        [ImageInput]
        [Views(2)]
        [RandomResizedCrop]
        [ProjectionHead(Output = 128)]
        [MomentumEncoder(Momentum = 0.999)]
        [NegativeQueue(Size = 4096)]
        [InfoNceLoss(Temperature = 0.2)]
        [Training(BatchSize = 256)]
        """;

    public static readonly string FailingDimension = Sources.Task(Byol.Replace("[PredictorHead(Hidden = 256, Output = 128)]", "[PredictorHead(Hidden = 256, {|SSL016:Output = 64|})]"));

    public static readonly string FailingByol = Sources.Task(Byol
        .Replace("[PredictorHead(Hidden = 256, Output = 128)]\n", "")
        .Replace("[MomentumEncoder(Momentum = 0.99)]\n", "")
        .Replace("[ByolLoss]", "[{|SSL017:ByolLoss|}]"));

    public static readonly string FailingQueue = Sources.Task(Moco.Replace("[MomentumEncoder(Momentum = 0.999)]\n", "").Replace("[NegativeQueue(Size = 4096)]", "[{|SSL018:NegativeQueue(Size = 4096)|}]"));

    [Fact]
    public Task PredictorWidthDifferentFromProjectionIsReported() => AnalyzerTest.VerifyAsync(FailingDimension);

    [Fact]
    public Task CompleteByolIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Byol));

    [Fact]
    public Task ZeroEncoderWidthIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, members: """
            [Encoder({|SSL016:OutputDim = 0|})]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1);

        """));

    [Fact]
    public Task TransformerWidthNotDivisibleByHeadsIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("bert")]
        [TextInput(VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 60, {|SSL016:Heads = 8|})]
        [MaskTokens]
        [MaskedTokenLoss]
        """, members: ""));

    [Fact]
    public Task ByolWithoutMomentumEncoderAndPredictorIsReported() => AnalyzerTest.VerifyAsync(FailingByol);

    [Fact]
    public Task ByolWithoutPredictorIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Byol
        .Replace("[PredictorHead(Hidden = 256, Output = 128)]\n", "")
        .Replace("[ByolLoss]", "[{|SSL017:ByolLoss|}]")));

    [Fact]
    public Task QueueWithoutMomentumEncoderIsReported() => AnalyzerTest.VerifyAsync(FailingQueue);

    [Fact]
    public Task QueueNotAMultipleOfTheBatchIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Moco.Replace("Size = 4096", "{|SSL018:Size = 1000|}")));

    [Fact]
    public Task MocoWithMomentumEncoderAndMultipleQueueIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Moco));
}
