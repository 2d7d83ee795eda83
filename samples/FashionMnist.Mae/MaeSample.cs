using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using SslDsl;
using SslDslSamples;
using TorchSharp;

namespace FashionMaeSample;

/// <summary>What one run of the MAE sample measured (also written to summary.json).</summary>
/// <param name="Task">The pretext task's name.</param>
/// <param name="TrainImages">Training images (pretraining and downstream).</param>
/// <param name="TestImages">Test images evaluated.</param>
/// <param name="PretrainEpochs">Pretraining epochs run.</param>
/// <param name="DownstreamEpochs">Epochs of the supervised baseline (the probes train the declared FineTune epochs on cached features).</param>
/// <param name="FinalPretrainLoss">Mean reconstruction loss (hidden patches) of the last pretraining epoch.</param>
/// <param name="MaeProbeAccuracy">Test accuracy of a linear probe on the frozen MAE encoder.</param>
/// <param name="RandomProbeAccuracy">Test accuracy of a linear probe on the frozen, randomly initialised encoder.</param>
/// <param name="SupervisedAccuracy">Test accuracy of the encoder and a linear head trained from scratch with the labels.</param>
/// <param name="PretrainSeconds">Wall time of pretraining.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record MaeSummary(
    string Task, long TrainImages, long TestImages, int PretrainEpochs, int DownstreamEpochs, double FinalPretrainLoss,
    double MaeProbeAccuracy, double RandomProbeAccuracy, double SupervisedAccuracy, double PretrainSeconds, double TotalSeconds)
{
    /// <summary>Validation accuracy of the MAE probe's chosen learning rate and weight decay (the probe's own choice).</summary>
    public double MaeProbeValidationAccuracy { get; init; }

    /// <summary>The same for the random-init probe.</summary>
    public double RandomProbeValidationAccuracy { get; init; }
}

/// <summary>The MAE sample: pretrain, probe, compare with the baselines, write the summary.</summary>
public static class MaeSample
{
    /// <summary>Runs the sample with <paramref name="options"/>, printing to <paramref name="log"/>; writes summary.json and results.md to the output folder.</summary>
    /// <exception cref="FileNotFoundException">The Fashion-MNIST files are missing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped the pretraining (a resumable checkpoint was saved).</exception>
    public static MaeSummary Run(MaeOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var device = Devices.Parse(options.Device);
        using var train = FashionMnist.Load(FashionMnistSplit.Train, options.Data, options.TrainLimit);
        using var test = FashionMnist.Load(FashionMnistSplit.Test, options.Data, options.TestLimit);

        log.WriteLine(FashionMae.Describe());

        // 1. Self-supervised pretraining on the training images (labels unused).
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
            Names = CliNames.Pretraining("--limit, --data"),
        };
        using var trainer = new FashionMae.Trainer(pretrainOptions);
        log.WriteLine(trainer.DescribeSettings());
        log.WriteLine($"Device: {device}; {torch.get_num_threads()} CPU threads; {train.Count} training and {test.Count} test images.");
        log.WriteLine();
        var fit = Pretraining.Fit(trainer, train, cancel);

        double pretrainSeconds = fit.Seconds;

        // 2. Linear probes (features cached; learning rate and weight decay chosen on the last twelfth of the labelled
        // training images; the test images scored once), and the supervised baseline on all labelled training images.
        var probeOptions = new TrainingOptions { BatchSize = FashionMae.ProbeBatchSize, Seed = options.Seed, Device = device, ShowProgress = options.Progress, Log = log };
        var maeProbe = Downstream.Probe(new FashionMae.FineTuner(trainer.Model, options: probeOptions), train, test);
        var random = FreshModel(options.Seed);
        var randomProbe = Downstream.Probe(new FashionMae.FineTuner(random, options: probeOptions), train, test, owned: random);
        var scratch = FreshModel(options.Seed);
        var downstream = new TrainingOptions { Epochs = options.DownstreamEpochs, Seed = options.Seed, Device = device, ShowProgress = options.Progress, Log = log, Names = CliNames.Downstream("--downstream-epochs") };
        double supervised = Downstream.TestAccuracy(new FashionMae.FineTuner(scratch, FashionMae.DeclaredFineTune! with { Mode = FineTuneMode.Full, EncoderLearningRateScale = 1.0, LearningRate = 2e-3 }, downstream), train, test, owned: scratch);

        var summary = new MaeSummary(FashionMae.TaskName, train.Count, test.Count, fit.Epochs.Count, options.DownstreamEpochs,
            fit.Epochs.Count > 0 ? fit.Epochs[^1].Loss : double.NaN, maeProbe.Test!.Accuracy, randomProbe.Test!.Accuracy, supervised, pretrainSeconds, clock.Elapsed.TotalSeconds)
        {
            MaeProbeValidationAccuracy = maeProbe.ValidationAccuracy,
            RandomProbeValidationAccuracy = randomProbe.ValidationAccuracy,
        };
        long held = (long)Math.Round(train.Count * FineTuner<ImageBatch>.ValidationFraction);
        string probed = $"{train.Count} labelled images (the last {held} choose lr and weight decay), probe only";
        string table = ResultTable.Markdown(new[] { "test accuracy", "validation accuracy" }, new[]
        {
            new ResultRow($"MAE encoder ({fit.Epochs.Count} pretraining epochs), frozen + linear probe", new[] { maeProbe.Test.Accuracy, maeProbe.ValidationAccuracy }, probed),
            new ResultRow("random-init encoder, frozen + linear probe", new[] { randomProbe.Test.Accuracy, randomProbe.ValidationAccuracy }, probed),
            new ResultRow("same encoder trained from scratch, supervised", new[] { supervised, double.NaN }, $"{train.Count} labelled images, {options.DownstreamEpochs} epochs (encoder and head)"),
        });
        log.WriteLine();
        log.WriteLine(table);
        log.WriteLine($"Pretraining adds {Downstream.Points(maeProbe, randomProbe)} points of test accuracy over the same encoder at its random initialisation.");
        log.WriteLine($"Pretraining {ConsoleProgress.FormatTime(pretrainSeconds)}; total {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)}; outputs in {Path.GetFullPath(options.Output)}");
        ResultTable.Write(options.Output, summary, table);
        return summary;
    }

    /// <summary>A model at the initialisation the pretraining started from (the trainer seeds the same way before building it).</summary>
    private static FashionMae.Model FreshModel(long seed)
    {
        torch.manual_seed(seed);
        return new FashionMae.Model();
    }
}
