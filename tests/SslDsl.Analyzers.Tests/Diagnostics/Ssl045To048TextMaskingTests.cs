using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// SSL045 (two token maskings), SSL046 (a masking that does not fit its text objective), SSL047 (T5's sentinels
/// reach the special ids) and SSL048 (span decoder heads that do not divide the encoder's width).
/// </summary>
public class Ssl045To048TextMaskingTests
{
    /// <summary>A valid T5 task: 32 tokens need 3 sentinels, ids 997 to 999.</summary>
    public const string T5 = """
        [PretextTask("t5")]
        [TextInput(MaxLength = 32, VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
        [SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]
        [SpanCorruptionLoss(Layers = 1, Heads = 4)]
        """;

    /// <summary>A valid whole-word BERT task.</summary>
    public const string WholeWords = """
        [PretextTask("wwm")]
        [TextInput(MaxLength = 32, VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
        [WholeWordMask(Probability = 0.15, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
        [MaskedTokenLoss]
        """;

    public static readonly string FailingTwoMaskings = Sources.Task(WholeWords.Replace("[MaskedTokenLoss]", "[{|SSL045:MaskTokens|}]\n[MaskedTokenLoss]"), members: "");

    public static readonly string FailingNoCorruption = Sources.Task(T5.Replace("[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]\n", "").Replace("[SpanCorruptionLoss(", "[{|SSL046:SpanCorruptionLoss(").Replace("Heads = 4)]", "Heads = 4)|}]"), members: "");

    public static readonly string FailingSentinels = Sources.Task(T5.Replace("VocabSize = 1000", "{|SSL047:VocabSize = 6|}"), members: "");

    public static readonly string FailingDecoderHeads = Sources.Task(T5.Replace("Heads = 4", "{|SSL048:Heads = 5|}"), members: "");

    [Fact]
    public Task SpanCorruptionWithItsLossIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(T5, members: ""));

    [Fact]
    public Task WholeWordMaskingWithMaskedTokenLossIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(WholeWords, members: ""));

    [Fact]
    public Task TwoMaskingsAreReportedOnTheSecond() => AnalyzerTest.VerifyAsync(FailingTwoMaskings);

    [Fact]
    public Task ThreeMaskingsAreReportedOnEachAfterTheFirst() => AnalyzerTest.VerifyAsync(Sources.Task(
        WholeWords.Replace("[MaskedTokenLoss]", "[{|SSL045:SpanMask|}]\n[{|SSL045:SpanCorruption|}]\n[MaskedTokenLoss]"), members: ""));

    [Fact]
    public Task WholeWordFractionsAboveOneAreReported() => AnalyzerTest.VerifyAsync(Sources.Task(WholeWords.Replace("ReplaceWithRandom = 0.1", "{|SSL022:ReplaceWithRandom = 0.3|}"), members: ""));

    [Fact]
    public Task SpanCorruptionLossWithoutSpanCorruptionIsReported() => AnalyzerTest.VerifyAsync(FailingNoCorruption);

    [Fact]
    public Task SpanCorruptionLossAfterAnotherMaskingIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        T5.Replace("[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]", "[MaskTokens]").Replace("[SpanCorruptionLoss(", "[{|SSL046:SpanCorruptionLoss(").Replace("Heads = 4)]", "Heads = 4)|}]"), members: ""));

    [Fact]
    public Task MaskedTokenLossOnCorruptedSpansIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        T5.Replace("[SpanCorruptionLoss(Layers = 1, Heads = 4)]", "[{|SSL046:MaskedTokenLoss|}]"), members: ""));

    [Fact]
    public Task SpanCorruptionThatNoObjectiveReadsIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        T5.Replace("[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]", "[{|SSL046:SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)|}]").Replace("[SpanCorruptionLoss(Layers = 1, Heads = 4)]", "[NextTokenLoss]"), members: ""));

    [Fact]
    public Task SentinelsReachingTheSpecialIdsAreReported() => AnalyzerTest.VerifyAsync(FailingSentinels);

    [Fact]
    public Task SentinelsJustAboveTheSpecialIdsAreValid() => AnalyzerTest.VerifyAsync(Sources.Task(T5.Replace("VocabSize = 1000", "VocabSize = 7"), members: ""));

    [Fact]
    public Task DecoderHeadsThatDoNotDivideTheWidthAreReported() => AnalyzerTest.VerifyAsync(FailingDecoderHeads);

    [Fact]
    public Task SpanCorruptionMeanSpanLongerThanTheSequenceIsAShapeError() => AnalyzerTest.VerifyAsync(Sources.Task(T5.Replace("MeanSpan = 3", "{|SSL015:MeanSpan = 40|}"), members: ""));

    [Fact]
    public Task NoiseDensityOfOneIsOutOfRange() => AnalyzerTest.VerifyAsync(Sources.Task(T5.Replace("NoiseDensity = 0.15", "{|SSL007:NoiseDensity = 1.0|}"), members: ""));
}
