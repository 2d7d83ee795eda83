using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using SslDslSamples;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionClipSample;

/// <summary>What one run of the CLIP sample measured (also written to summary.json).</summary>
/// <param name="Task">The pretext task's name.</param>
/// <param name="TrainImages">Training images (pretraining and probes).</param>
/// <param name="TestImages">Test images evaluated.</param>
/// <param name="PretrainEpochs">Pretraining epochs run (CLIP and SimCLR alike).</param>
/// <param name="FinalPretrainLoss">Mean CLIP loss of the last pretraining epoch.</param>
/// <param name="LogitScale">The learned logit scale 1 / temperature at the end (at most 100).</param>
/// <param name="ZeroShotHeldOutAccuracy">Test accuracy of zero-shot classification with the held-out templates.</param>
/// <param name="ZeroShotTrainingTemplatesAccuracy">The same with the training templates.</param>
/// <param name="ClipProbeAccuracy">Test accuracy of a linear probe on the frozen CLIP image encoder.</param>
/// <param name="RandomProbeAccuracy">The same on the image encoder at its random initialisation.</param>
/// <param name="SimClrProbeAccuracy">The same on the image encoder pretrained with SimCLR at the same budget, or NaN without the baseline.</param>
/// <param name="PretrainSeconds">Wall time of the CLIP pretraining.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record ClipSummary(
    string Task, long TrainImages, long TestImages, int PretrainEpochs, double FinalPretrainLoss, double LogitScale,
    double ZeroShotHeldOutAccuracy, double ZeroShotTrainingTemplatesAccuracy,
    double ClipProbeAccuracy, double RandomProbeAccuracy, double SimClrProbeAccuracy, double PretrainSeconds, double TotalSeconds)
{
    /// <summary>Validation accuracy of the CLIP probe's chosen learning rate and weight decay.</summary>
    public double ClipProbeValidationAccuracy { get; init; }

    /// <summary>The same for the random-init probe.</summary>
    public double RandomProbeValidationAccuracy { get; init; }

    /// <summary>The same for the SimCLR probe (NaN without the baseline).</summary>
    public double SimClrProbeValidationAccuracy { get; init; } = double.NaN;
}

/// <summary>The CLIP sample: caption, pretrain, classify zero-shot, probe against the baselines, write the summary.</summary>
public static class ClipSample
{
    /// <summary>Runs the sample with <paramref name="options"/>, printing to <paramref name="log"/>; writes summary.json and results.md to the output folder.</summary>
    /// <exception cref="FileNotFoundException">The Fashion-MNIST files are missing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped a pretraining (a resumable checkpoint was saved).</exception>
    public static ClipSummary Run(ClipOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var device = Devices.Parse(options.Device);
        using var train = FashionMnist.Load(FashionMnistSplit.Train, options.Data, options.TrainLimit);
        using var test = FashionMnist.Load(FashionMnistSplit.Test, options.Data, options.TestLimit);
        var tokenizer = ByteLevelTokenizer.BytesOnly();

        // 1. CLIP pretraining on the training images, each with a caption from a training template (labels used only to name the class in the caption).
        var pairs = Captions.Pairs(train, tokenizer, options.Seed);
        log.WriteLine(FashionClip.Describe());
        log.WriteLine($"Captions from {Captions.TrainingTemplates.Count} templates, e.g. \"{Captions.For(new long[] { 0 }, options.Seed)[0]}\"; zero-shot prompts from {Captions.HeldOutTemplates.Count} held-out ones, e.g. \"{PromptTemplates.Fill(Captions.HeldOutTemplates[0], Captions.ClassNames[0])}\".");
        using var trainer = new FashionClip.Trainer(Pretraining(options, device, log, "clip"));
        log.WriteLine($"Device: {device}; {torch.get_num_threads()} CPU threads; {train.Count} training and {test.Count} test images.");
        var fit = SslDslSamples.Pretraining.Fit(trainer, pairs, cancel);

        // 2. Zero-shot classification of the test images: held-out prompts (new wordings) and, for contrast, the training templates.
        double heldOut = ZeroShotAccuracy(trainer.Model, tokenizer, Captions.HeldOutTemplates, test);
        double seen = ZeroShotAccuracy(trainer.Model, tokenizer, Captions.TrainingTemplates, test);

        // 3. Linear probes of the image encoder (features cached; learning rate and weight decay chosen on the last twelfth
        // of the labelled training images; the test images scored once): CLIP, random initialisation, SimCLR at the same budget.
        var probeOptions = new TrainingOptions { BatchSize = FashionClip.ProbeBatchSize, Seed = options.Seed, Device = device, ShowProgress = options.Progress, Log = log };
        var clipProbe = Downstream.Probe(new FashionClip.FineTuner(trainer.Model, options: probeOptions), train, test);
        var random = FreshModel(options.Seed);
        var randomProbe = Downstream.Probe(new FashionClip.FineTuner(random, options: probeOptions), train, test, owned: random);
        LinearProbeResult? simClrProbe = null;
        if (options.Baseline)
        {
            using var baseline = new FashionSimClrBaseline.Trainer(Pretraining(options, device, log, "simclr"));
            SslDslSamples.Pretraining.Fit(baseline, train, cancel);
            simClrProbe = Downstream.Probe(new FashionSimClrBaseline.FineTuner(baseline.Model, options: probeOptions), train, test);
        }

        var summary = new ClipSummary(FashionClip.TaskName, train.Count, test.Count, fit.Epochs.Count, fit.Epochs.Count > 0 ? fit.Epochs[^1].Loss : double.NaN,
            trainer.Model.LogitScale.Value, heldOut, seen, clipProbe.Test!.Accuracy, randomProbe.Test!.Accuracy, simClrProbe?.Test!.Accuracy ?? double.NaN,
            fit.Seconds, clock.Elapsed.TotalSeconds)
        {
            ClipProbeValidationAccuracy = clipProbe.ValidationAccuracy,
            RandomProbeValidationAccuracy = randomProbe.ValidationAccuracy,
            SimClrProbeValidationAccuracy = simClrProbe?.ValidationAccuracy ?? double.NaN,
        };
        long held = (long)Math.Round(train.Count * FineTuner<ImageBatch>.ValidationFraction);
        string probed = $"{train.Count} labelled images (the last {held} choose lr and weight decay), probe only";
        var rows = new List<ResultRow>
        {
            new($"CLIP, zero-shot, {Captions.HeldOutTemplates.Count} held-out templates", new[] { heldOut, double.NaN }, "no labelled image"),
            new($"CLIP, zero-shot, the {Captions.TrainingTemplates.Count} training templates", new[] { seen, double.NaN }, "no labelled image"),
            new($"CLIP image encoder ({fit.Epochs.Count} epochs), frozen + linear probe", new[] { clipProbe.Test.Accuracy, clipProbe.ValidationAccuracy }, probed),
            new("random-init image encoder, frozen + linear probe", new[] { randomProbe.Test.Accuracy, randomProbe.ValidationAccuracy }, probed),
        };
        if (simClrProbe is not null)
        {
            rows.Add(new($"SimCLR image encoder ({fit.Epochs.Count} epochs, same images and batches), frozen + linear probe", new[] { simClrProbe.Test!.Accuracy, simClrProbe.ValidationAccuracy }, probed));
        }

        string table = ResultTable.Markdown(new[] { "test accuracy", "validation accuracy" }, rows);
        log.WriteLine();
        log.WriteLine(table);
        log.WriteLine($"Learned logit scale {summary.LogitScale:F1} (temperature {1 / summary.LogitScale:F4}); CLIP pretraining adds {Downstream.Points(clipProbe, randomProbe)} points of probe accuracy over the random initialisation.");
        log.WriteLine($"Pretraining {ConsoleProgress.FormatTime(fit.Seconds)}; total {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)}; outputs in {Path.GetFullPath(options.Output)}");
        ResultTable.Write(options.Output, summary, table);
        return summary;
    }

    /// <summary>Zero-shot accuracy on <paramref name="images"/>: each class from its prompts of <paramref name="templates"/>.</summary>
    public static double ZeroShotAccuracy(FashionClip.Model model, ByteLevelTokenizer tokenizer, IReadOnlyList<string> templates, Dataset<ImageBatch> images)
    {
        using var classifier = FashionClip.ZeroShot.Classifier(model, tokenizer, Captions.ClassNames, templates);
        long correct = 0;
        foreach (var batch in images.Batches(1_000))
        {
            using var scope = torch.NewDisposeScope();
            var predicted = FashionClip.ZeroShot.Predict(model, classifier, batch);
            correct += predicted.cpu().eq(batch.Labels!).sum().item<long>();
        }

        return correct / (double)images.Count;
    }

    private static TrainingOptions Pretraining(ClipOptions options, Device device, TextWriter log, string folder) => new()
    {
        Epochs = options.Epochs,
        BatchSize = options.BatchSize,
        Seed = options.Seed,
        Device = device,
        OutputDirectory = Path.Combine(options.Output, folder),
        ShowProgress = options.Progress,
        Log = log,
        CollapseMonitor = null,
        Resume = options.Run.Resume,
        ResumeFrom = options.Run.ResumeFrom,
        Overwrite = options.Run.Overwrite,
        Names = CliNames.Pretraining("--limit, --data"),
    };

    /// <summary>A model at the initialisation the CLIP pretraining started from (the trainer seeds the same way before building it).</summary>
    private static FashionClip.Model FreshModel(long seed)
    {
        torch.manual_seed(seed);
        return new FashionClip.Model();
    }
}
