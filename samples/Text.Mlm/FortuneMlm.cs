using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace TextMlmSample;

/// <summary>
/// BERT-style masked language modelling on fortunes, byte-level: 15% of the bytes are selected; of those 80%
/// become [MASK], 10% a random byte, 10% stay; the model predicts the original bytes at the selected positions.
/// </summary>
[PretextTask("fortunes-mlm")]
[TextInput(MaxLength = 64, VocabSize = 260)]
[MaskTokens(Probability = 0.15, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
[MaskedTokenLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 3e-3, WeightDecay = 1e-2)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 64, Epochs = 3, Seed = 42)]
[FineTune(Classes = 5, Mode = FineTuneMode.LinearProbe, Epochs = 5, LearningRate = 1e-2, BatchSize = 64)]
public partial class FortuneMlm
{
    /// <summary>Bytes per sequence, [CLS] and [SEP] included.</summary>
    public const int MaxLength = 64;

    /// <summary>The encoder shared by MLM and the baselines: a 2-layer transformer (width 64, 4 heads) over byte ids.</summary>
    [Encoder(OutputDim = 64)]
    internal static nn.Module<Tensor, Tensor> Encoder() =>
        Backbones.TransformerEncoder(vocabSize: 260, maxLength: MaxLength, width: 64, outputDim: 64, depth: 2, heads: 4);
}
