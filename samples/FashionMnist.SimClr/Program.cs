using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using FashionSimClrSample;
using SslDsl;
using SslDslSamples;
using TorchSharp;

// Options, --help, exit codes and one-line errors: SampleCommand and SampleExit (docs/samples.md lists the codes).
// Ctrl-C or SIGTERM stops after the current step and keeps a resumable checkpoint (run again with --resume).
return SampleOptions.CommandLine().Run(args, Run);

static int Run(SampleOptions options, CancellationToken cancel)
{
    var clock = Stopwatch.StartNew();
    var device = Devices.Parse(options.Device, "Option --device");
    using var train = FashionMnist.Load(FashionMnistSplit.Train, options.Data, options.TrainLimit);
    using var test = FashionMnist.Load(FashionMnistSplit.Test, options.Data);

    // Model selection never sees the test images: the last 1/12 of the training images (5,000 of 60,000) are
    // the validation split for the kNN monitor and for the probes' learning rate and weight decay. Pretraining
    // uses all training images without their labels; the test set is scored once, at the end.
    long held = (long)Math.Round(train.Count * FineTuner<ImageBatch>.ValidationFraction);
    using var fit = train.Subset(Enumerable.Range(0, (int)(train.Count - held)).Select(i => (long)i).ToArray(), "train");
    using var validation = train.Subset(Enumerable.Range((int)(train.Count - held), (int)held).Select(i => (long)i).ToArray(), "validation");

    Console.WriteLine(FashionSimClr.Describe());
    Console.WriteLine($"Device: {device}; {torch.get_num_threads()} CPU threads; {NativeRuntimeSettings.Describe()}.");
    Console.WriteLine($"{train.Count} training images ({fit.Count} to fit the probes, {validation.Count} to choose their settings), {test.Count} test images.");
    Console.WriteLine();

    // Monitors: k-NN accuracy of the validation images against 10,000 labelled training images every epoch,
    // and a PCA scatter of validation embeddings coloured by class at the end (plus the default collapse monitor).
    using var knnReference = fit.Subset(Enumerable.Range(0, (int)Math.Min(fit.Count, 10_000)).Select(i => (long)i).ToArray(), "knn-reference");
    var trainingOptions = new TrainingOptions
    {
        Monitors =
        {
            new KnnMonitor<ImageBatch>(knnReference, validation, every: 1),
            new EmbeddingPlotMonitor<ImageBatch>(validation, limit: 2_000, classNames: FashionMnist.ClassNames),
        },
        Epochs = options.Epochs,
        BatchSize = options.BatchSize,
        Seed = options.Seed,
        Device = device,
        OutputDirectory = options.Output,
        Resume = options.Run.Resume,
        ResumeFrom = options.Run.ResumeFrom,
        Overwrite = options.Run.Overwrite,
        Names = CliNames.Pretraining("--train-limit, --data"),
        CheckNumerics = options.CheckNumerics,
        Precision = options.Precision,
    };
    using var trainer = new FashionSimClr.Trainer(trainingOptions);
    Console.WriteLine(trainer.DescribeSettings());
    Console.WriteLine();
    var pretrainClock = Stopwatch.StartNew();
    var pretraining = trainer.Fit(train, cancel);
    double pretrainSeconds = pretrainClock.Elapsed.TotalSeconds;
    if (pretraining.Interrupted)
    {
        Console.WriteLine($"Interrupted after {trainer.CompletedEpochs} epoch(s); resume with --resume --out {options.Output}.");
        throw new OperationCanceledException("Pretraining was stopped.");
    }

    // Under mpiexec -n N every rank pretrains its part of each batch; rank 0 alone exports and probes (docs/distributed.md).
    if (!trainer.IsMainRank)
    {
        return SampleExit.Success;
    }

    // The trained encoder alone, for downstream use (load it with EncoderFile.Load or FineTuner).
    string encoderPath = Path.Combine(options.Output, "encoder.bin");
    trainer.ExportEncoder(encoderPath);
    Console.WriteLine($"Encoder exported to {Path.GetFullPath(encoderPath)}");

    // The same encoder for PyTorch (encoder.safetensors, encoder.pt, encoder.py) and ONNX Runtime (encoder.onnx): see docs/interop.md.
    trainer.ExportEncoderInterop(options.Output, train);
    Console.WriteLine();

    // Three encoders through one probe protocol (features cached; learning rate and weight decay chosen on
    // the validation split; final head on train + validation; test scored once).
    var probeOptions = new TrainingOptions { Epochs = options.ProbeEpochs, Seed = options.Seed, Device = device, Names = CliNames.Downstream("--probe-epochs") };
    ProbeRun Probe(string name, Func<FineTuner<ImageBatch>> create, IDisposable? owned = null)
    {
        Console.WriteLine($"== Linear probe: {name}");
        var probeClock = Stopwatch.StartNew();
        using (owned)
        using (var tuner = create())
        {
            var result = tuner.Fit(fit, validation, test);
            return new ProbeRun(name, result.Probe!, probeClock.Elapsed.TotalSeconds);
        }
    }

    // The pretrained encoder's probe also writes its grid and scores to the TensorBoard log (tensorboard/fine-tune).
    var pretrained = Probe("SimCLR encoder", () => new FashionSimClr.FineTuner(trainer.Model, options: new TrainingOptions
    {
        Epochs = options.ProbeEpochs, Seed = options.Seed, Device = device, Names = CliNames.Downstream("--probe-epochs"), OutputDirectory = options.Output,
    }));
    ProbeRun? random = null, raw = null;
    if (options.Baseline)
    {
        // The same architecture, randomly initialised (seeded) and never trained: what pretraining adds over the architecture.
        FashionSimClr.Model untrained;
        using (var saved = torch.random.get_rng_state())
        {
            torch.manual_seed(options.Seed + 1);
            untrained = new FashionSimClr.Model();
            torch.random.set_rng_state(saved);
        }

        random = Probe("same architecture, random initialisation", () => new FashionSimClr.FineTuner(untrained, options: probeOptions), untrained);
        // Logistic regression on the 784 raw pixels.
        raw = Probe("raw pixels", () => new FineTuner<ImageBatch>(torch.nn.Flatten(), 28 * 28, FashionSimClr.DeclaredFineTune!, probeOptions));
    }

    string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
    string Row(ProbeRun r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {F(r.Probe.Test!.Accuracy)} | {F(r.Probe.ValidationAccuracy)} | lr {r.Probe.Chosen.LearningRate:G2}, wd {r.Probe.Chosen.WeightDecay:G2} | {ConsoleProgress.FormatTime(r.Seconds)} |");
    var table = new System.Text.StringBuilder();
    table.AppendLine($"SimCLR: {pretraining.Epochs.Count} epochs, batch {trainer.Settings.BatchSize}, pretrained in {ConsoleProgress.FormatTime(pretrainSeconds)}.");
    table.AppendLine("| linear probe on | test accuracy | validation accuracy | chosen on validation | probe time |");
    table.AppendLine("|---|---|---|---|---|");
    foreach (var run in new[] { pretrained, random, raw }.OfType<ProbeRun>())
    {
        table.AppendLine(Row(run));
    }

    if (random is not null && raw is not null)
    {
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Pretraining adds {100 * (pretrained.Probe.Test!.Accuracy - random.Probe.Test!.Accuracy):+0.00;-0.00} points over the untrained architecture and {100 * (pretrained.Probe.Test.Accuracy - raw.Probe.Test!.Accuracy):+0.00;-0.00} over raw pixels."));
    }

    Console.WriteLine();
    Console.Write(table);
    Console.WriteLine($"Total wall time {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)}; metrics in {Path.GetFullPath(options.Output)}");

    var summary = new
    {
        task = FashionSimClr.TaskName,
        epochs = pretraining.Epochs.Count,
        batchSize = trainer.Settings.BatchSize,
        options.ProbeEpochs,
        options.Seed,
        device = device.ToString(),
        precision = trainer.Precision.ToString(), // what the declared Auto resolved to on this machine
        trainImages = train.Count,
        probeFitImages = fit.Count,
        validationImages = validation.Count,
        testImages = test.Count,
        finalPretrainLoss = pretraining.Epochs.Count > 0 ? pretraining.Epochs[^1].Loss : double.NaN,
        probeTestAccuracy = pretrained.Probe.Test!.Accuracy,
        probeValidationAccuracy = pretrained.Probe.ValidationAccuracy,
        randomInitProbeTestAccuracy = random?.Probe.Test!.Accuracy,
        randomInitProbeValidationAccuracy = random?.Probe.ValidationAccuracy,
        rawPixelTestAccuracy = raw?.Probe.Test!.Accuracy,
        rawPixelValidationAccuracy = raw?.Probe.ValidationAccuracy,
        probeChoice = new { learningRate = pretrained.Probe.Chosen.LearningRate, weightDecay = pretrained.Probe.Chosen.WeightDecay },
        pretrainSeconds,
        probeSeconds = pretrained.Seconds,
        baselineSeconds = (random?.Seconds ?? 0) + (raw?.Seconds ?? 0),
        totalSeconds = clock.Elapsed.TotalSeconds,
    };
    ResultTable.Write(options.Output, summary, table.ToString());
    return 0;
}

/// <summary>One probed encoder: its name, the probe's grid, choice and scores, and the wall time.</summary>
internal sealed record ProbeRun(string Name, LinearProbeResult Probe, double Seconds);
