using System;
using System.Collections.Generic;
using System.Linq;
using SslDsl;
using TextMlmSample;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.SampleRecipes;

/// <summary>
/// The MLM rows: pretrain on the sample's pool (N fortunes, the sample's --limit; no test fortune in it), probe
/// the source-file task on 75% of the sample's labelled training fortunes and score on the other 25% (a
/// stratified, seeded split). "sample" is samples/Text.Mlm's declaration; mask15 differs from it in one thing; wwm, t5
/// and next-token are the other text methods of the methods table (<see cref="TextTable"/>, declared in TextMethods.cs).
/// </summary>
internal static class MlmVariants
{
    public static readonly IReadOnlyDictionary<string, Func<TrainingOptions, object>> All = new Dictionary<string, Func<TrainingOptions, object>>
    {
        ["sample"] = o => new FortuneMlm.Trainer(o),
        ["mask15"] = o => new MlmMask15.Trainer(o),
        ["wwm"] = o => new FortuneWholeWord.Trainer(o),
        ["t5"] = o => new FortuneSpanCorruption.Trainer(o),
        ["t5-40"] = o => new FortuneSpanCorruption40.Trainer(o),
        ["next-token"] = o => new FortuneNextToken.Trainer(o),
    };

    public static Row Run(Func<TrainingOptions, object> create, RunSettings settings, long seed, int limit)
    {
        var data = FortuneData.Load(TextCorpus.FortunesDirectory, limit, perClassLimit: null, seed);
        var tokenizer = ByteLevelTokenizer.BytesOnly();
        using var pool = tokenizer.ToDataset(data.PretrainTexts, FortuneMlm.MaxLength, name: "fortune-pool");
        using var labelled = tokenizer.ToDataset(data.TrainTexts, FortuneMlm.MaxLength, data.TrainLabels, "fortune-train");
        var (fitRows, validationRows) = DatasetSplits.SplitIndices((int)labelled.Count, data.TrainLabels.ToArray(), 0.25, seed);
        using var fit = labelled.Subset(fitRows, "fortune-fit");
        using var validation = labelled.Subset(validationRows, "fortune-validation");
        using var trainer = (PretextTrainer<TokenBatch>)create(settings.Options(seed));
        return settings.Score(trainer, pool, fit, validation, classes: FortuneData.ClassFiles.Count, seed);
    }
}

/// <summary>The sample's task selecting BERT's 15% of the bytes (the sample's earlier default).</summary>
[PretextTask("mlm-mask15")]
[TextInput(MaxLength = 64, VocabSize = 260)]
[MaskTokens(Probability = 0.15, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
[MaskedTokenLoss]
[Optimizer(OptimizerKind.AdamW, LearningRate = 3e-3, WeightDecay = 1e-2)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class MlmMask15
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.TransformerEncoder(vocabSize: 260, maxLength: 64, width: 64, outputDim: 64, depth: 2, heads: 4);
}
