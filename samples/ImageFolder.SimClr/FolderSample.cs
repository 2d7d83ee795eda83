using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using FashionSimClrSample;
using SslDsl;
using SslDslSamples;

namespace ImageFolderSample;

/// <summary>What one run of the sample measured (written to summary.json).</summary>
public sealed record FolderSummary(
    string Folder,
    long TrainImages,
    long TestImages,
    int Epochs,
    int BatchSize,
    double FinalPretrainLoss,
    double PretrainSeconds,
    double PretrainImagesPerSecond,
    double ProbeTestAccuracy,
    double ProbeValidationAccuracy,
    double ProbeLearningRate,
    double ProbeWeightDecay,
    int Workers,
    long Seed);

/// <summary>Exports Fashion-MNIST as PNG class folders, or pretrains the main job's SimCLR task on such a folder and probes it.</summary>
public static class FolderSample
{
    /// <summary>Writes DIR/train and DIR/test (one folder per class, 00-T-shirt_top ... 09-Ankle boot); returns the file counts.</summary>
    public static (long Train, long Test) Export(FolderOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = options.Export ?? throw new ArgumentException("--export DIR is needed.", nameof(options));
        var clock = Stopwatch.StartNew();
        long Write(FashionMnistSplit split, string name)
        {
            using var data = FashionMnist.Load(split, options.Data, options.Limit);
            return ImageFolderExport.WritePng(data, Path.Combine(root, name), byClass: true, FashionMnist.ClassNames);
        }

        long train = Write(FashionMnistSplit.Train, "train");
        long test = Write(FashionMnistSplit.Test, "test");
        log.WriteLine($"Wrote {train} training and {test} test PNGs under {Path.GetFullPath(root)} in {clock.Elapsed.TotalSeconds:F1} s.");
        return (train, test);
    }

    /// <summary>Pretrains FashionSimClr on the folder's training images (labels unused), then runs the linear probe.</summary>
    /// <exception cref="ArgumentException">Neither --folder nor --export was given.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped the pretraining (a resumable checkpoint was saved).</exception>
    public static FolderSummary Run(FolderOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = options.Folder ?? throw new ArgumentException("Pass --folder DIR (pretrain on a folder with train/ and test/ class folders) or --export DIR (write Fashion-MNIST as such a folder).", nameof(options));
        var device = Devices.Parse(options.Device);
        // The channels and size come from the task's [ImageInput]: every file is brought to what the encoder takes.
        var read = ImageFolderOptions.ForTask<FashionSimClr>() with { Loader = new DataLoaderOptions { Workers = options.Workers } };
        using var train = ImageFolder.Labelled(Path.Combine(root, "train"), read, "train");
        using var test = ImageFolder.Labelled(Path.Combine(root, "test"), read, "test");
        log.WriteLine(FashionSimClr.Describe());
        log.WriteLine($"{train.Count} training images in {train.ClassNames!.Count} classes and {test.Count} test images under {Path.GetFullPath(root)}, decoded by {options.Workers} thread(s).");

        using var trainer = new FashionSimClr.Trainer(new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = device,
            OutputDirectory = options.Output,
            ShowProgress = options.Progress,
            Log = log,
            Resume = options.Run.Resume,
            ResumeFrom = options.Run.ResumeFrom,
            Overwrite = options.Run.Overwrite,
            Names = CliNames.Pretraining("--folder"),
        });
        log.WriteLine(trainer.DescribeSettings());
        log.WriteLine();
        var clock = Stopwatch.StartNew();
        var pretraining = Pretraining.Fit(trainer, train, cancel);
        double seconds = clock.Elapsed.TotalSeconds;
        trainer.ExportEncoder(Path.Combine(options.Output, "encoder.bin"));

        // The same probe protocol as the IDX sample: features cached, lr and weight decay chosen on a held-out 1/12
        // of the training images (drawn with the seed: the folder is sorted by class), test scored once.
        using var probe = new FashionSimClr.FineTuner(trainer.Model, options: new TrainingOptions
        {
            Epochs = options.ProbeEpochs, Seed = options.Seed, Device = device, ShowProgress = options.Progress, Log = log, Names = CliNames.Downstream("--probe-epochs"),
        });
        var result = probe.Fit(train, test);
        var chosen = result.Probe!.Chosen;
        var summary = new FolderSummary(
            Path.GetFullPath(root), train.Count, test.Count, pretraining.Epochs.Count, trainer.Settings.BatchSize,
            pretraining.Epochs.Count > 0 ? pretraining.Epochs[^1].Loss : double.NaN, seconds,
            pretraining.Epochs.Count > 0 ? pretraining.Epochs[^1].SamplesPerSecond : 0,
            result.Test!.Accuracy, result.Probe.ValidationAccuracy, chosen.LearningRate, chosen.WeightDecay, options.Workers, options.Seed);
        string table = string.Create(CultureInfo.InvariantCulture,
            $"| data | images | epochs | final loss | probe test accuracy | probe validation accuracy | pretraining |\n|---|---|---|---|---|---|---|\n" +
            $"| PNG folder ({options.Workers} decoding threads) | {train.Count} | {summary.Epochs} | {summary.FinalPretrainLoss:F4} | {summary.ProbeTestAccuracy:F4} | {summary.ProbeValidationAccuracy:F4} | {ConsoleProgress.FormatTime(seconds)}, {summary.PretrainImagesPerSecond:F0} images/s |\n");
        log.WriteLine();
        log.Write(table);
        ResultTable.Write(options.Output, summary, table);
        return summary;
    }
}
