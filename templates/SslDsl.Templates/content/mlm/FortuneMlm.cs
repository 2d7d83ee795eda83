using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDslTask;

/// <summary>
/// BERT-style masked language modelling on fortunes, byte-level: 15% of the bytes are selected; of those 80%
/// become [MASK], 10% a random byte, 10% stay; the model predicts the original bytes at the selected positions.
/// Hover an argument to see its default, its range and the diagnostic that guards it.
/// </summary>
[PretextTask("fortunes-mlm")]
[TextInput(MaxLength = 64, VocabSize = 260)]
[MaskTokens(Probability = 0.15, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
[MaskedTokenLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 3e-3, WeightDecay = 1e-2)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 64, Epochs = 3, Seed = 42)]
public partial class FortuneMlm
{
    /// <summary>Bytes per sequence, [CLS] and [SEP] included.</summary>
    public const int MaxLength = 64;

    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() =>
        Backbones.TransformerEncoder(vocabSize: 260, maxLength: MaxLength, width: 64, outputDim: 64, depth: 2, heads: 4);
}
