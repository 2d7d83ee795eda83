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
/// <param name="DownstreamEpochs">Epochs of each downstream run.</param>
/// <param name="FinalPretrainLoss">Mean reconstruction loss (hidden patches) of the last pretraining epoch.</param>
/// <param name="MaeProbeAccuracy">Test accuracy of a linear probe on the frozen MAE encoder.</param>
/// <param name="RandomProbeAccuracy">Test accuracy of a linear probe on the frozen, randomly initialised encoder.</param>
/// <param name="SupervisedAccuracy">Test accuracy of the encoder and a linear head trained from scratch with the labels.</param>
/// <param name="PretrainSeconds">Wall time of pretraining.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record MaeSummary(
    string Task, long TrainImages, long TestImages, int PretrainEpochs, int DownstreamEpochs, double FinalPretrainLoss,
    double MaeProbeAccuracy, double RandomProbeAccuracy, double SupervisedAccuracy, double PretrainSeconds, double TotalSeconds);

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

        // 2. Downstream: every run sees the same labelled images for the same number of epochs.
        var downstream = new TrainingOptions { Epochs = options.DownstreamEpochs, Seed = options.Seed, Device = device, ShowProgress = options.Progress, Log = log, Names = CliNames.Downstream("--downstream-epochs") };
        double maeProbe = Downstream.TestAccuracy(new FashionMae.FineTuner(trainer.Model, options: downstream), train, test);
        var random = FreshModel(options.Seed);
        double randomProbe = Downstream.TestAccuracy(new FashionMae.FineTuner(random, options: downstream), train, test, owned: random);
        var scratch = FreshModel(options.Seed);
        double supervised = Downstream.TestAccuracy(new FashionMae.FineTuner(scratch, FashionMae.DeclaredFineTune! with { Mode = FineTuneMode.Full, EncoderLearningRateScale = 1.0, LearningRate = 2e-3 }, downstream), train, test, owned: scratch);

        var summary = new MaeSummary(FashionMae.TaskName, train.Count, test.Count, fit.Epochs.Count, options.DownstreamEpochs,
            fit.Epochs.Count > 0 ? fit.Epochs[^1].Loss : double.NaN, maeProbe, randomProbe, supervised, pretrainSeconds, clock.Elapsed.TotalSeconds);
        string budget = $"{train.Count} labelled images, {options.DownstreamEpochs} epochs";
        string table = ResultTable.Markdown(new[] { "test accuracy" }, new[]
        {
            new ResultRow($"MAE encoder ({fit.Epochs.Count} pretraining epochs), frozen + linear probe", new[] { maeProbe }, budget + " (probe only)"),
            new ResultRow("random-init encoder, frozen + linear probe", new[] { randomProbe }, budget + " (probe only)"),
            new ResultRow("same encoder trained from scratch, supervised", new[] { supervised }, budget + " (encoder and head)"),
        });
        log.WriteLine();
        log.WriteLine(table);
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
