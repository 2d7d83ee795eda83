using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using FashionSimClrSample;
using SslDsl;
using TorchSharp;

SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

var clock = Stopwatch.StartNew();
var device = Devices.Parse(options.Device);
Dataset<ImageBatch> train, test;
try
{
    train = FashionMnist.Load(FashionMnistSplit.Train, options.Data, options.TrainLimit);
    test = FashionMnist.Load(FashionMnistSplit.Test, options.Data);
}
catch (Exception e) when (e is FileNotFoundException or DatasetFormatException)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

Console.WriteLine(FashionSimClr.Describe());
Console.WriteLine($"Device: {device}; {torch.get_num_threads()} CPU threads; {train.Count} training and {test.Count} test images.");
Console.WriteLine();

// Ctrl-C stops after the current step and keeps a resumable checkpoint (run again with --resume).
var cancel = TrainingCancellation.OnCtrlC();

// Monitors: k-NN accuracy of test embeddings against labelled training embeddings every 2 epochs,
// and a PCA scatter of test embeddings coloured by class at the end (plus the default collapse monitor).
using var knnReference = train.Subset(Enumerable.Range(0, (int)Math.Min(train.Count, 10_000)).Select(i => (long)i).ToArray(), "knn-reference");
using var knnTest = test.Subset(Enumerable.Range(0, 2_000).Select(i => (long)i).ToArray(), "knn-test");
var trainingOptions = new TrainingOptions
{
    Monitors =
    {
        new KnnMonitor<ImageBatch>(knnReference, knnTest, every: 2),
        new EmbeddingPlotMonitor<ImageBatch>(test, limit: 2_000, classNames: FashionMnist.ClassNames),
    },
    Epochs = options.Epochs,
    BatchSize = options.BatchSize,
    Seed = options.Seed,
    Device = device,
    OutputDirectory = options.Output,
    Resume = options.Resume,
};
using var trainer = new FashionSimClr.Trainer(trainingOptions);
var pretrainClock = Stopwatch.StartNew();
var fit = trainer.Fit(train, cancel);
double pretrainSeconds = pretrainClock.Elapsed.TotalSeconds;
if (fit.Interrupted)
{
    Console.WriteLine($"Interrupted after {trainer.CompletedEpochs} epoch(s); resume with --resume --out {options.Output}.");
    return 130;
}

// The trained encoder alone, for downstream use (load it with EncoderFile.Load or FineTuner).
string encoderPath = Path.Combine(options.Output, "encoder.bin");
trainer.ExportEncoder(encoderPath);
Console.WriteLine($"Encoder exported to {Path.GetFullPath(encoderPath)}");

// The same encoder for PyTorch (encoder.safetensors, encoder.pt, encoder.py) and ONNX Runtime (encoder.onnx): see docs/interop.md.
trainer.ExportEncoderInterop(options.Output, train);

var probeOptions = new TrainingOptions { Epochs = options.ProbeEpochs, Seed = options.Seed, Device = device };
var probeClock = Stopwatch.StartNew();
using var probe = new FashionSimClr.FineTuner(trainer.Model, options: probeOptions);
var probeResult = probe.Fit(train, test);
double probeSeconds = probeClock.Elapsed.TotalSeconds;

FineTuneResult? baseline = null;
double baselineSeconds = 0;
if (options.Baseline)
{
    // Logistic regression on the 784 raw pixels: the same probe (standardized inputs, same epochs) on an identity encoder.
    var baselineClock = Stopwatch.StartNew();
    using var raw = new FineTuner<ImageBatch>(torch.nn.Flatten(), 28 * 28, FashionSimClr.DeclaredFineTune!, probeOptions);
    baseline = raw.Fit(train, test);
    baselineSeconds = baselineClock.Elapsed.TotalSeconds;
}

string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| model | linear-probe test accuracy | wall time |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| SimCLR encoder ({options.Epochs} epochs, batch {options.BatchSize}) | {F(probeResult.Test!.Accuracy)} | pretrain {ConsoleProgress.FormatTime(pretrainSeconds)} + probe {ConsoleProgress.FormatTime(probeSeconds)} |");
if (baseline is not null)
{
    Console.WriteLine($"| raw pixels (logistic regression) | {F(baseline.Test!.Accuracy)} | {ConsoleProgress.FormatTime(baselineSeconds)} |");
}

Console.WriteLine($"Total wall time {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)}; metrics in {Path.GetFullPath(options.Output)}");

var summary = new
{
    task = FashionSimClr.TaskName,
    options.Epochs,
    options.BatchSize,
    options.ProbeEpochs,
    options.Seed,
    device = device.ToString(),
    trainImages = train.Count,
    testImages = test.Count,
    finalPretrainLoss = fit.Epochs.Count > 0 ? fit.Epochs[^1].Loss : double.NaN,
    probeTestAccuracy = probeResult.Test.Accuracy,
    rawPixelTestAccuracy = baseline?.Test?.Accuracy,
    pretrainSeconds,
    probeSeconds,
    baselineSeconds,
    totalSeconds = clock.Elapsed.TotalSeconds,
};
Directory.CreateDirectory(options.Output);
File.WriteAllText(Path.Combine(options.Output, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
return 0;
