using SslDsl;
using TextMlmSample;
using static TorchSharp.torch;

namespace SslDsl.Bench.SampleRecipes;

/// <summary>
/// Whole-word masking (BERT wwm) on the Text.Mlm sample's task: the sample's 40% / 80-10-10 rule, applied to whole
/// words (the byte-level pre-tokenizer's pieces) instead of single bytes. Everything else is the sample's.
/// </summary>
[PretextTask("fortunes-wwm")]
[TextInput(MaxLength = 64, VocabSize = 260)]
[WholeWordMask(Probability = 0.4, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
[MaskedTokenLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 3e-3, WeightDecay = 1e-2)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class FortuneWholeWord
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => FortuneMlm.Encoder();
}

/// <summary>
/// T5 span corruption on the sample's transformer: T5's defaults (15% of the bytes in spans of mean length 3), each
/// span replaced by a sentinel, a one-layer decoder predicts the sentinel target. The vocabulary keeps 4 sentinel ids
/// above the 260 byte-level ids (<c>TokenMasking.SentinelCount(64, 0.15, 3)</c> = 4); the probe reads the encoder only.
/// </summary>
[PretextTask("fortunes-t5")]
[TextInput(MaxLength = 64, VocabSize = 264)]
[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]
[SpanCorruptionLoss(Layers = 1, Heads = 4)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 3e-3, WeightDecay = 1e-2)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class FortuneSpanCorruption
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.TransformerEncoder(vocabSize: 264, maxLength: 64, width: 64, outputDim: 64, depth: 2, heads: 4);
}

/// <summary>
/// T5 span corruption with 40% of the bytes in spans of mean length 3 (the MLM sample's masking rate; T5's 15% left the
/// encoder at its random initialisation's probe on validation); 16 sentinel ids above the 260 byte-level ids.
/// </summary>
[PretextTask("fortunes-t5-40")]
[TextInput(MaxLength = 64, VocabSize = 276)]
[SpanCorruption(NoiseDensity = 0.4, MeanSpan = 3)]
[SpanCorruptionLoss(Layers = 1, Heads = 4)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 3e-3, WeightDecay = 1e-2)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class FortuneSpanCorruption40
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.TransformerEncoder(vocabSize: 276, maxLength: 64, width: 64, outputDim: 64, depth: 2, heads: 4);
}

/// <summary>
/// Next-byte prediction (causal language modelling) on the sample's transformer, declared as a backbone so the
/// generator makes it causal (each byte attends to itself and earlier bytes), as GPT; the probe mean-pools its causal states.
/// </summary>
[PretextTask("fortunes-next-token")]
[TextInput(MaxLength = 64, VocabSize = 260)]
[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64, Depth = 2, Heads = 4)]
[NextTokenLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 3e-3, WeightDecay = 1e-2)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class FortuneNextToken
{
}
