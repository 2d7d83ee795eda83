using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using SslDslSamples;
using TorchSharp;

namespace TabularScarfSample;

/// <summary>What one run of the SCARF sample measured (also written to summary.json).</summary>
/// <param name="Task">The pretext task's name.</param>
/// <param name="TrainRows">Training rows (pretraining and downstream).</param>
/// <param name="TestRows">Held-out test rows.</param>
/// <param name="PretrainEpochs">Pretraining epochs run.</param>
/// <param name="DownstreamEpochs">Epochs of each downstream run (the probes' final heads run at least <see cref="ProbeSettings.MinSteps"/> steps, so more epochs on few rows).</param>
/// <param name="FinalPretrainLoss">Mean InfoNCE loss of the last pretraining epoch.</param>
/// <param name="ScarfProbeAccuracy">Test accuracy of a linear probe on the frozen SCARF encoder.</param>
/// <param name="RandomProbeAccuracy">Test accuracy of a linear probe on the frozen, randomly initialised MLP.</param>
/// <param name="SupervisedAccuracy">Test accuracy of the MLP and a linear head trained from scratch with the labels.</param>
/// <param name="LogisticRegressionAccuracy">Test accuracy of logistic regression on the standardized features.</param>
/// <param name="PretrainSeconds">Wall time of pretraining.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record ScarfSummary(
    string Task, long TrainRows, long TestRows, int PretrainEpochs, int DownstreamEpochs, double FinalPretrainLoss,
    double ScarfProbeAccuracy, double RandomProbeAccuracy, double SupervisedAccuracy, double LogisticRegressionAccuracy,
    double PretrainSeconds, double TotalSeconds);

/// <summary>The SCARF sample: split, pretrain on the training rows, probe, compare with the baselines, write the summary.</summary>
public static class ScarfSample
{
    /// <summary>Runs the sample with <paramref name="options"/>, printing to <paramref name="log"/>; writes summary.json and results.md to the output folder.</summary>
    /// <exception cref="FileNotFoundException">breast_cancer.csv is missing (run scripts/fetch-data.sh).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped the pretraining (a resumable checkpoint was saved).</exception>
    public static ScarfSummary Run(ScarfOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var device = Devices.Parse(options.Device);
        using var all = SklearnDatasets.BreastCancer(options.Data);
        using var limited = options.Limit is int limit && limit < all.Table.Rows
            ? new TabularData(all.Table.Subset(Enumerable.Range(0, limit).Select(i => (long)i).ToArray()), all.Scaler, "breast_cancer")
            : null;
        var table = limited ?? all;
        var (trainData, testData) = table.Split(options.TestFraction, options.Seed);
        using var trainPart = trainData;
        using var testPart = testData;
        var train = trainPart.Dataset;
        var test = testPart.Dataset;

        log.WriteLine(BreastCancerScarf.Describe());

        var pretrainOptions = new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = device,
            OutputDirectory = options.Output,
            ShowProgress = options.Progress,
            Log = log,
            CheckpointEvery = Math.Max(1, options.Epochs),
            Resume = options.Run.Resume,
            ResumeFrom = options.Run.ResumeFrom,
            Overwrite = options.Run.Overwrite,
            Names = CliNames.Pretraining("--limit, --test-fraction, --seed, --data"),
        };
        using var trainer = new BreastCancerScarf.Trainer(pretrainOptions);
        log.WriteLine(trainer.DescribeSettings());
        log.WriteLine($"Device: {device}; {train.Count} training and {test.Count} test rows, {trainPart.Features} features standardized with training statistics.");
        log.WriteLine();
        var fit = Pretraining.Fit(trainer, train, cancel);

        var downstream = new TrainingOptions { Epochs = options.DownstreamEpochs, Seed = options.Seed, Device = device, ShowProgress = false, Log = log, Names = CliNames.Downstream("--downstream-epochs") };
        var scarfProbe = Downstream.Probe(new BreastCancerScarf.FineTuner(trainer.Model, options: downstream), train, test);
        var random = FreshModel(options.Seed);
        var randomProbe = Downstream.Probe(new BreastCancerScarf.FineTuner(random, options: downstream), train, test, owned: random);
        var scratch = FreshModel(options.Seed);
        double supervised = Downstream.TestAccuracy(new BreastCancerScarf.FineTuner(scratch, BreastCancerScarf.DeclaredFineTune! with { Mode = FineTuneMode.Full, EncoderLearningRateScale = 1.0, LearningRate = 1e-3 }, downstream), train, test, owned: scratch);

        // Logistic regression: the same linear probe on an identity "encoder" (the standardized features themselves).
        var identity = torch.nn.Identity();
        var logistic = Downstream.Probe(new FineTuner<TabularBatch>(identity, trainPart.Features, BreastCancerScarf.DeclaredFineTune!, downstream), train, test, owned: identity);

        var summary = new ScarfSummary(BreastCancerScarf.TaskName, train.Count, test.Count, fit.Epochs.Count, options.DownstreamEpochs,
            fit.Epochs.Count > 0 ? fit.Epochs[^1].Loss : double.NaN, scarfProbe.Test!.Accuracy, randomProbe.Test!.Accuracy, supervised, logistic.Test!.Accuracy,
            fit.Seconds, clock.Elapsed.TotalSeconds);
        // The probes' final heads run the declared epochs but at least ProbeSettings.MinSteps steps: on a few hundred
        // rows (one batch of cached features per epoch) that is more epochs than declared.
        string Budget(LinearProbeResult probe) => $"{train.Count} labelled rows, {probe.FinalEpochLosses.Count} epochs";
        string markdown = ResultTable.Markdown(new[] { "test accuracy" }, new[]
        {
            new ResultRow($"SCARF MLP ({fit.Epochs.Count} pretraining epochs), frozen + linear probe", new[] { scarfProbe.Test.Accuracy }, Budget(scarfProbe) + " (probe only)"),
            new ResultRow("random-init MLP, frozen + linear probe", new[] { randomProbe.Test.Accuracy }, Budget(randomProbe) + " (probe only)"),
            new ResultRow("same MLP trained from scratch, supervised", new[] { supervised }, $"{train.Count} labelled rows, {options.DownstreamEpochs} epochs (MLP and head)"),
            new ResultRow("logistic regression on the standardized features", new[] { logistic.Test.Accuracy }, Budget(logistic)),
        });
        log.WriteLine();
        log.WriteLine(markdown);
        log.WriteLine($"Pretraining {ConsoleProgress.FormatTime(fit.Seconds)}; total {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)}; outputs in {Path.GetFullPath(options.Output)}");
        ResultTable.Write(options.Output, summary, markdown);
        return summary;
    }

    /// <summary>A model at the initialisation the pretraining started from (the trainer seeds the same way before building it).</summary>
    private static BreastCancerScarf.Model FreshModel(long seed)
    {
        torch.manual_seed(seed);
        return new BreastCancerScarf.Model();
    }
}
