using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL046's repairs beyond the catalogue's: the masking or the objective replaced in its place.</summary>
public class TextMaskingRepairTests
{
    private const string T5 = Ssl045To048TextMaskingTests.T5;

    [Fact]
    public Task MaskedTokenLossOnCorruptedSpansBecomesSpanCorruptionLoss() => RepairSources.Verify(
        Sources.Task(T5.Replace("[SpanCorruptionLoss(Layers = 1, Heads = 4)]", "[{|SSL046:MaskedTokenLoss|}]"), members: ""),
        Sources.Task(T5.Replace("[SpanCorruptionLoss(Layers = 1, Heads = 4)]", "[SpanCorruptionLoss]"), members: ""),
        null,
        "Replace [MaskedTokenLoss] with [SpanCorruptionLoss]"); // added after [SpanCorruption], where [MaskedTokenLoss] stood

    [Fact]
    public Task AnotherMaskingBeforeSpanCorruptionLossBecomesSpanCorruption() => RepairSources.Verify(
        Sources.Task(T5.Replace("[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]", "[WholeWordMask]").Replace("[SpanCorruptionLoss(", "[{|SSL046:SpanCorruptionLoss(").Replace("Heads = 4)]", "Heads = 4)|}]"), members: ""),
        Sources.Task(T5.Replace("[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]\n", "").Replace("VocabSize = 1000)]", "VocabSize = 1000)]\n[SpanCorruption]"), members: ""),
        null,
        "Replace [WholeWordMask] with [SpanCorruption]"); // added after the input

    [Fact]
    public Task SpanCorruptionThatNoObjectiveReadsGetsItsLoss() => RepairSources.Verify(
        Sources.Task(T5.Replace("[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]", "[{|SSL046:SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)|}]").Replace("[SpanCorruptionLoss(Layers = 1, Heads = 4)]", "[NextTokenLoss]"), members: ""),
        Sources.Task(T5.Replace("[SpanCorruptionLoss(Layers = 1, Heads = 4)]", "[NextTokenLoss]\n[SpanCorruptionLoss]"), members: ""),
        null,
        "Add [SpanCorruptionLoss]");
}
