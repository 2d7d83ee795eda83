using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SslDsl;
using SslDsl.Bench;
using SslDsl.Bench.LabelEfficiency;
using TorchSharp;
using static TorchSharp.torch;

// Options, --help, exit codes and one-line errors: the samples' SampleCommand and SampleExit (docs/samples.md lists the codes).
return BenchOptions.CommandLine().Run(args, (options, _) => Run(options));

static int Run(BenchOptions options)
{
    var clock = Stopwatch.StartNew();
    var cpu = torch.CPU;
    using var train = FashionMnist.Load(FashionMnistSplit.Train, options.Data);
    using var test = FashionMnist.Load(FashionMnistSplit.Test, options.Data);

    Directory.CreateDirectory(options.Output);
    Console.WriteLine($"{torch.get_num_threads()} torch threads; {train.Count} training and {test.Count} test images; seeds {string.Join(",", options.Seeds)}.");

    string encoderPath;
    double pretrainSeconds = 0;
    if (options.Encoder is not null)
    {
        encoderPath = options.Encoder;
    }
    else
    {
        // No encoder given: pretrain the sample's declaration on every training image (labels unused).
        encoderPath = Path.Combine(options.Output, "fashion-simclr-encoder.bin");
        var pretrainClock = Stopwatch.StartNew();
        using var trainer = new FashionSimClr.Trainer(new TrainingOptions { Epochs = options.PretrainEpochs, Device = cpu, WritePlots = false });
        using var limited = options.PretrainLimit is int limit && limit < train.Count
            ? train.Subset(Enumerable.Range(0, limit).Select(i => (long)i).ToArray(), "pretrain")
            : null;
        var pretrainData = limited ?? train;
        var fit = trainer.Fit(pretrainData);
        trainer.ExportEncoder(encoderPath);
        pretrainSeconds = pretrainClock.Elapsed.TotalSeconds;
        Console.WriteLine($"Pretrained {options.PretrainEpochs} SimCLR epoch(s) on {pretrainData.Count} images in {ConsoleProgress.FormatTime(pretrainSeconds)}; final loss {fit.Epochs[^1].Loss:F4}; exported {encoderPath}.");
    }

    var header = EncoderFile.ReadHeader(encoderPath);

    Console.WriteLine($"Pretrained encoder: {encoderPath} (task '{header.TaskName}', {header.OutputDim} features).");

    // Every supervised run: the declared fine-tune learning rate (1e-3, AdamW, cosine), batch 256; only the encoder's start differs.
    var declared = FashionSimClr.DeclaredFineTune!;
    var probeSettings = declared with { Mode = FineTuneMode.LinearProbe, LearningRate = options.ProbeLearningRate ?? declared.LearningRate };
    var fullSettings = declared with { Mode = FineTuneMode.Full, EncoderLearningRateScale = options.EncoderLearningRateScale, LearningRate = options.FullLearningRate ?? declared.LearningRate };

    nn.Module<Tensor, Tensor> Pretrained()
    {
        // A fresh copy for each run: full fine-tuning changes the weights.
        var encoder = FashionSimClr.Encoder();
        EncoderFile.Load(encoderPath, encoder, FashionSimClr.EncoderOutputDim);
        return encoder;
    }

    nn.Module<Tensor, Tensor> Scratch(long seed)
    {
        torch.manual_seed(seed);
        return FashionSimClr.Encoder();
    }

    var methods = new (string Key, string Name, Func<long, TrainingOptions, Dataset<ImageBatch>, FineTuneResult> Run)[]
    {
        ("raw", "raw pixels, logistic regression", (seed, o, data) => { using var f = new FineTuner<ImageBatch>(nn.Flatten(), 28 * 28, probeSettings, o); return f.Fit(data, test); }),
        ("a", "(a) SmallCnn from scratch", (seed, o, data) => { using var e = Scratch(seed); using var f = new FashionSimClr.FineTuner(e, fullSettings, o); return f.Fit(data, test); }),
        ("b", "(b) SimCLR + linear probe", (seed, o, data) => { using var e = Pretrained(); using var f = new FashionSimClr.FineTuner(e, probeSettings, o); return f.Fit(data, test); }),
        ("c", "(c) SimCLR + full fine-tune", (seed, o, data) => { using var e = Pretrained(); using var f = new FashionSimClr.FineTuner(e, fullSettings, o); return f.Fit(data, test); }),
    }.Where(m => options.Methods.Contains(m.Key)).ToArray();

    var runs = new List<RunRecord>();
    foreach (double fraction in options.Fractions)
    {
        foreach (long seed in options.Seeds)
        {
            using var subset = train.Subset(LabelSubsets.Draw(train.Count, fraction, seed), $"train-{fraction:P0}-seed{seed}");
            int epochs = LabelSubsets.Epochs(subset.Count, declared.BatchSize, options.TargetSteps, options.MaxEpochs);
            var runOptions = new TrainingOptions { Epochs = epochs, BatchSize = declared.BatchSize, Seed = seed, Device = cpu, ShowProgress = false };
            foreach (var (_, name, run) in methods)
            {
                var result = run(seed, runOptions, subset);
                var record = new RunRecord(name, fraction, seed, subset.Count, epochs, result.Test!.Accuracy, result.Train.Accuracy, result.Seconds);
                runs.Add(record);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{fraction,5:P0} seed {seed}: {name,-32} {epochs,3} epochs  test {record.TestAccuracy:F4}  train {record.TrainAccuracy:F4}  {ConsoleProgress.FormatTime(record.Seconds)}  losses {string.Join(" ", result.EpochLosses.Select(l => l.ToString("F3", CultureInfo.InvariantCulture)))}  (elapsed {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)})"));
            }
        }
    }

    string table = ResultTable.Markdown(runs, options.Fractions, methods.Select(m => m.Name).ToArray());
    Console.WriteLine();
    Console.WriteLine(table);
    Console.WriteLine(ResultTable.Targets(runs));
    Console.WriteLine($"Total wall time {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)} (pretraining {ConsoleProgress.FormatTime(pretrainSeconds)}).");
    File.WriteAllText(Path.Combine(options.Output, "table.md"), table);
    File.WriteAllText(Path.Combine(options.Output, "runs.json"), JsonSerializer.Serialize(new { encoder = encoderPath, pretrainSeconds, totalSeconds = clock.Elapsed.TotalSeconds, options.TargetSteps, options.MaxEpochs, options.EncoderLearningRateScale, runs }, new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}
