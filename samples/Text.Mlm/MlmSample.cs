using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using SslDslSamples;
using TorchSharp;
using static TorchSharp.torch;

namespace TextMlmSample;

/// <summary>What one run of the MLM sample measured (also written to summary.json).</summary>
/// <param name="Task">The pretext task's name.</param>
/// <param name="PretrainFortunes">Fortunes in the pretraining pool.</param>
/// <param name="TrainFortunes">Labelled training fortunes.</param>
/// <param name="TestFortunes">Held-out fortunes.</param>
/// <param name="PretrainEpochs">Pretraining epochs run.</param>
/// <param name="DownstreamEpochs">Epochs of the supervised baseline (the probes train the declared FineTune epochs on cached features).</param>
/// <param name="FinalPretrainLoss">Mean masked-token cross entropy of the last pretraining epoch.</param>
/// <param name="MaskedTokenAccuracy">Accuracy of the pretrained model on the masked bytes of the test fortunes.</param>
/// <param name="MostFrequentTokenAccuracy">Accuracy of always predicting the most frequent pretraining byte on the same positions.</param>
/// <param name="MaskedPositions">Number of masked test positions scored.</param>
/// <param name="MlmProbeAccuracy">Source-file test accuracy of a linear probe on the frozen MLM encoder.</param>
/// <param name="RandomProbeAccuracy">The same for the frozen, randomly initialised transformer.</param>
/// <param name="SupervisedAccuracy">The same transformer and a linear head trained from scratch with the labels.</param>
/// <param name="MajorityClassAccuracy">Accuracy of always predicting the most frequent training class.</param>
/// <param name="PretrainSeconds">Wall time of pretraining.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record MlmSummary(
    string Task, int PretrainFortunes, int TrainFortunes, int TestFortunes, int PretrainEpochs, int DownstreamEpochs, double FinalPretrainLoss,
    double MaskedTokenAccuracy, double MostFrequentTokenAccuracy, long MaskedPositions,
    double MlmProbeAccuracy, double RandomProbeAccuracy, double SupervisedAccuracy, double MajorityClassAccuracy,
    double PretrainSeconds, double TotalSeconds)
{
    /// <summary>Validation accuracy of the MLM probe's chosen learning rate and weight decay (the probe's own choice).</summary>
    public double MlmProbeValidationAccuracy { get; init; }

    /// <summary>The same for the random-init probe.</summary>
    public double RandomProbeValidationAccuracy { get; init; }
}

/// <summary>The MLM sample: pretrain on the pool, score masked bytes, probe the source-file task, compare, write the summary.</summary>
public static class MlmSample
{
    /// <summary>Runs the sample with <paramref name="options"/>, printing to <paramref name="log"/>; writes summary.json and results.md to the output folder.</summary>
    /// <exception cref="FileNotFoundException">The fortunes are not installed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped the pretraining (a resumable checkpoint was saved).</exception>
    public static MlmSummary Run(MlmOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var device = Devices.Parse(options.Device);
        var data = FortuneData.Load(options.Data, options.Limit, options.PerClassLimit, options.Seed);
        var tokenizer = ByteLevelTokenizer.BytesOnly();
        using var pool = tokenizer.ToDataset(data.PretrainTexts, FortuneMlm.MaxLength, name: "fortune-pool");
        using var train = tokenizer.ToDataset(data.TrainTexts, FortuneMlm.MaxLength, data.TrainLabels, "fortune-train");
        using var test = tokenizer.ToDataset(data.TestTexts, FortuneMlm.MaxLength, data.TestLabels, "fortune-test");

        log.WriteLine(FortuneMlm.Describe());

        var pretrainOptions = new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = device,
            OutputDirectory = options.Output,
            ShowProgress = options.Progress,
            Log = log,
            CollapseMonitor = null,
            Resume = options.Run.Resume,
            ResumeFrom = options.Run.ResumeFrom,
            Overwrite = options.Run.Overwrite,
            Names = CliNames.Pretraining("--limit, --seed, --data"),
        };
        using var trainer = new FortuneMlm.Trainer(pretrainOptions);
        log.WriteLine(trainer.DescribeSettings());
        log.WriteLine($"Device: {device}; {pool.Count} fortunes to pretrain on, {train.Count} labelled training and {test.Count} test fortunes ({string.Join(", ", FortuneData.ClassFiles)}).");
        log.WriteLine();
        var pretraining = Pretraining.Fit(trainer, pool, cancel);

        long frequent = MostFrequentToken(pool);
        var (maskedAccuracy, frequentAccuracy, positions) = ScoreMaskedTokens(trainer.Model, test, device, frequent, options.Seed);

        // Linear probes (features cached; learning rate and weight decay chosen on a stratified validation part of the
        // labelled training fortunes; the test fortunes scored once), and the supervised baseline on all labelled fortunes.
        var (fit, validation) = ProbeSplits(train, options.Seed);
        using var fitPart = fit;
        using var validationPart = validation;
        var probeOptions = new TrainingOptions { BatchSize = FortuneMlm.ProbeBatchSize, Seed = options.Seed, Device = device, ShowProgress = options.Progress, Log = log };
        var mlmProbe = Downstream.Probe(new FortuneMlm.FineTuner(trainer.Model, options: probeOptions), fit, validation, test);
        var random = FreshModel(options.Seed);
        var randomProbe = Downstream.Probe(new FortuneMlm.FineTuner(random, options: probeOptions), fit, validation, test, owned: random);
        var scratch = FreshModel(options.Seed);
        var downstream = new TrainingOptions { Epochs = options.DownstreamEpochs, Seed = options.Seed, Device = device, ShowProgress = options.Progress, Log = log, Names = CliNames.Downstream("--downstream-epochs") };
        double supervised = Downstream.TestAccuracy(new FortuneMlm.FineTuner(scratch, FortuneMlm.DeclaredFineTune! with { Mode = FineTuneMode.Full, EncoderLearningRateScale = 1.0, LearningRate = 1e-3 }, downstream), train, test, owned: scratch);

        long majorityClass = data.TrainLabels.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        double majority = data.TestLabels.Count(l => l == majorityClass) / (double)data.TestLabels.Count;

        var summary = new MlmSummary(FortuneMlm.TaskName, (int)pool.Count, (int)train.Count, (int)test.Count, pretraining.Epochs.Count, options.DownstreamEpochs,
            pretraining.Epochs.Count > 0 ? pretraining.Epochs[^1].Loss : double.NaN, maskedAccuracy, frequentAccuracy, positions,
            mlmProbe.Test!.Accuracy, randomProbe.Test!.Accuracy, supervised, majority, pretraining.Seconds, clock.Elapsed.TotalSeconds)
        {
            MlmProbeValidationAccuracy = mlmProbe.ValidationAccuracy,
            RandomProbeValidationAccuracy = randomProbe.ValidationAccuracy,
        };
        string probed = $"{train.Count} labelled fortunes ({validation.Count} of them choose lr and weight decay), probe only";
        string pretext = ResultTable.Markdown(new[] { "masked-byte accuracy (test fortunes)" }, new[]
        {
            new ResultRow($"MLM transformer ({pretraining.Epochs.Count} epochs on {pool.Count} fortunes)", new[] { maskedAccuracy }, "pretraining pool (no test fortune)"),
            new ResultRow($"always the most frequent byte ('{(char)(frequent - ByteLevelTokenizer.ByteOffset)}')", new[] { frequentAccuracy }, "byte counts of the pool"),
        });
        string classification = ResultTable.Markdown(new[] { "source-file test accuracy", "validation accuracy" }, new[]
        {
            new ResultRow("MLM transformer, frozen + linear probe", new[] { mlmProbe.Test.Accuracy, mlmProbe.ValidationAccuracy }, probed),
            new ResultRow("random-init transformer, frozen + linear probe", new[] { randomProbe.Test.Accuracy, randomProbe.ValidationAccuracy }, probed),
            new ResultRow("same transformer trained from scratch, supervised", new[] { supervised, double.NaN }, $"{train.Count} labelled fortunes, {options.DownstreamEpochs} epochs (transformer and head)"),
            new ResultRow("always the majority class", new[] { majority, double.NaN }, "class counts"),
        });
        string markdown = pretext + "\n" + classification;
        log.WriteLine();
        log.WriteLine(markdown);
        log.WriteLine($"Pretraining adds {Downstream.Points(mlmProbe, randomProbe)} points of test accuracy over the same transformer at its random initialisation.");
        log.WriteLine($"Pretraining {ConsoleProgress.FormatTime(pretraining.Seconds)}; total {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)}; outputs in {Path.GetFullPath(options.Output)}");
        ResultTable.Write(options.Output, summary, markdown);
        return summary;
    }

    /// <summary>
    /// The probes' fit and validation parts of the labelled training fortunes: a seeded, stratified
    /// <see cref="FineTuner{TBatch}.ValidationFraction"/> of every class is held out to choose the probe's learning rate
    /// and weight decay. (The training fortunes are ordered by class, so their last twelfth, which
    /// <c>FineTuner.Fit(train, test)</c> would hold out, is one class.)
    /// </summary>
    public static (Dataset<TokenBatch> Fit, Dataset<TokenBatch> Validation) ProbeSplits(Dataset<TokenBatch> train, long seed) =>
        train.Split(FineTuner<TokenBatch>.ValidationFraction, seed);

    /// <summary>The most frequent non-special token id of <paramref name="data"/>.</summary>
    private static long MostFrequentToken(Dataset<TokenBatch> data)
    {
        using var scope = torch.NewDisposeScope();
        var ids = data.Tensors[0].flatten();
        var counts = torch.bincount(ids, minlength: 260);
        counts.narrow(0, 0, ByteLevelTokenizer.SpecialCount).zero_();
        return counts.argmax().item<long>();
    }

    /// <summary>
    /// Masks the test fortunes with the task's own masking (a fresh pipeline seeded by <paramref name="seed"/>, so
    /// the positions are reproducible) and scores the pretrained model and the most-frequent-byte guess on them.
    /// </summary>
    private static (double Model, double Frequent, long Positions) ScoreMaskedTokens(FortuneMlm.Model model, Dataset<TokenBatch> test, Device device, long frequent, long seed)
    {
        using var pipeline = new FortuneMlm.Pipeline(device, seed);
        bool wasTraining = model.training;
        model.eval();
        long correct = 0, frequentCorrect = 0, positions = 0;
        using (torch.no_grad())
        {
            using var batches = test.Batches(256).GetEnumerator();
            while (true)
            {
                using var scope = torch.NewDisposeScope();
                if (!batches.MoveNext())
                {
                    break;
                }

                var masked = pipeline.Mask(batches.Current.To(device));
                var scored = masked.Labels.ne(TokenMaskResult.IgnoreIndex);
                var predicted = model.TokenHead.call(model.Encoder.call(masked.Ids)).argmax(-1);
                correct += predicted.eq(masked.Labels).logical_and(scored).sum().item<long>();
                frequentCorrect += masked.Labels.eq(frequent).logical_and(scored).sum().item<long>();
                positions += scored.sum().item<long>();
            }
        }

        model.train(wasTraining);
        return (correct / (double)Math.Max(1, positions), frequentCorrect / (double)Math.Max(1, positions), positions);
    }

    /// <summary>A model at the initialisation the pretraining started from (the trainer seeds the same way before building it).</summary>
    private static FortuneMlm.Model FreshModel(long seed)
    {
        torch.manual_seed(seed);
        return new FortuneMlm.Model();
    }
}
