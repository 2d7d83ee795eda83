using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SslDsl;
using FashionSimClrSample;
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
        using var trainer = new FashionSimClr.Trainer(new TrainingOptions { Epochs = options.PretrainEpochs, Device = cpu, WritePlots = false, Precision = options.Precision });
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

    // Model selection never sees the test images: the last 5,000 training images are the validation split on which every
    // method's learning rate (and the probes' weight decay) is chosen; label subsets are drawn from the other 55,000.
    const int validationCount = 5_000;
    using var fitPool = train.Subset(Enumerable.Range(0, (int)train.Count - validationCount).Select(i => (long)i).ToArray(), "train-55k");
    using var validation = train.Subset(Enumerable.Range((int)train.Count - validationCount, validationCount).Select(i => (long)i).ToArray(), "validation");
    var declared = FashionSimClr.DeclaredFineTune!;
    var probeSettings = declared with { Mode = FineTuneMode.LinearProbe };
    var fullSettings = declared with { Mode = FineTuneMode.Full };

    nn.Module<Tensor, Tensor> Pretrained()
    {
        // A fresh copy for each run: full fine-tuning changes the weights.
        var encoder = FashionSimClr.Encoder();
        EncoderFile.Load(encoderPath, encoder, FashionSimClr.EncoderOutputDim);
        return encoder;
    }

    nn.Module<Tensor, Tensor> Scratch(long seed)
    {
        using var saved = torch.random.get_rng_state();
        torch.manual_seed(seed);
        var encoder = FashionSimClr.Encoder();
        torch.random.set_rng_state(saved);
        return encoder;
    }

    // The validation labels choose settings only: a probe's final head is trained on the labelled fraction alone (the
    // default refit on training + validation would add 5,000 labels to the 550 of the 1 % row). The runtime's probe
    // already runs at least 500 steps per fit (ProbeSettings.MinSteps), so the 1 % row's single batch converges too.
    ProbeSettings LabelsOfTheFractionOnly(ProbeSettings probe) => probe with
    {
        RefitOnValidation = false,
        LearningRates = options.ProbeLearningRates,
        WeightDecays = options.ProbeWeightDecays,
    };

    // Probes choose their learning rate and weight decay on the validation split themselves (LinearProbe); the end-to-end
    // methods try each setting (every --full-lrs value; for (c) with every --encoder-lr-scales value, since a pretrained
    // encoder may want a gentler rate than its new head) with the first seed, keep the one with the best validation
    // accuracy, and run every seed with it.
    var fromScratch = options.FullLearningRates.Select(lr => new EndToEndSetting(lr, 1.0)).ToArray();
    var fineTune = options.FullLearningRates.SelectMany(lr => options.EncoderLearningRateScales.Select(scale => new EndToEndSetting(lr, scale))).ToArray();
    var methods = new (string Key, string Name, EndToEndSetting[] Settings, Func<long, EndToEndSetting, TrainingOptions, Dataset<ImageBatch>, FineTuneResult> Run)[]
    {
        ("raw", "raw pixels, logistic regression", Array.Empty<EndToEndSetting>(), (seed, _, o, data) => { using var f = new FineTuner<ImageBatch>(nn.Flatten(), 28 * 28, probeSettings, o); f.Probe = LabelsOfTheFractionOnly(f.Probe); return f.Fit(data, validation, test); }),
        ("a", "(a) same CNN from scratch", fromScratch, (seed, setting, o, data) => { using var e = Scratch(seed); using var f = new FashionSimClr.FineTuner(e, setting.Apply(fullSettings), o); return f.Fit(data, validation, test); }),
        ("b", "(b) SimCLR + linear probe", Array.Empty<EndToEndSetting>(), (seed, _, o, data) => { using var e = Pretrained(); using var f = new FashionSimClr.FineTuner(e, probeSettings, o); f.Probe = LabelsOfTheFractionOnly(f.Probe); return f.Fit(data, validation, test); }),
        ("c", "(c) SimCLR + full fine-tune", fineTune, (seed, setting, o, data) => { using var e = Pretrained(); using var f = new FashionSimClr.FineTuner(e, setting.Apply(fullSettings), o); return f.Fit(data, validation, test); }),
    }.Where(m => options.Methods.Contains(m.Key)).ToArray();

    var runs = new List<RunRecord>();
    foreach (double fraction in options.Fractions)
    {
        foreach (var (_, name, settings, run) in methods)
        {
            bool endToEnd = settings.Length > 0;
            EndToEndSetting? chosen = null;
            for (int s = 0; s < options.Seeds.Length; s++)
            {
                long seed = options.Seeds[s];
                using var subset = fitPool.Subset(LabelSubsets.Draw(fitPool.Count, fraction, seed), $"train-{fraction:P0}-seed{seed}");
                int epochs = endToEnd ? LabelSubsets.Epochs(subset.Count, declared.BatchSize, options.TargetSteps, options.MaxEpochs) : options.ProbeEpochs;
                var runOptions = new TrainingOptions { Epochs = epochs, BatchSize = endToEnd ? declared.BatchSize : null, Seed = seed, Device = cpu, ShowProgress = false };
                FineTuneResult result;
                if (endToEnd && s == 0)
                {
                    // Selection with the first seed: one run per setting, scored on validation only.
                    var tried = settings.Select(setting => (Setting: setting, Result: run(seed, setting, runOptions, subset))).ToArray();
                    foreach (var t in tried)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{fraction,5:P0} seed {seed}: {name,-30} {t.Setting}: validation {t.Result.Validation!.Accuracy:F4}"));
                    }

                    var best = tried.Aggregate((a, b) => b.Result.Validation!.Accuracy > a.Result.Validation!.Accuracy ? b : a);
                    chosen = best.Setting;
                    result = best.Result;
                }
                else
                {
                    result = run(seed, chosen ?? new EndToEndSetting(double.NaN, 1.0), runOptions, subset);
                }

                string choice = result.Probe is { } probe
                    ? string.Create(CultureInfo.InvariantCulture, $"lr {probe.Chosen.LearningRate:G2}, wd {probe.Chosen.WeightDecay:G2}")
                    : chosen!.ToString();
                // A probe's epochs are those its final head ran (MinSteps adds epochs on small subsets).
                var record = new RunRecord(name, fraction, seed, subset.Count, result.Probe is null ? epochs : result.EpochLosses.Count, choice, result.Validation!.Accuracy, result.Test!.Accuracy, result.Train.Accuracy, result.Seconds);
                runs.Add(record);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{fraction,5:P0} seed {seed}: {name,-30} {record.Epochs,3} epochs  {choice}  validation {record.ValidationAccuracy:F4}  test {record.TestAccuracy:F4}  train {record.TrainAccuracy:F4}  {ConsoleProgress.FormatTime(record.Seconds)}  (elapsed {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)})"));
            }
        }
    }

    string table = ResultTable.Markdown(runs, options.Fractions, methods.Select(m => m.Name).ToArray());
    Console.WriteLine();
    Console.WriteLine(table);
    Console.WriteLine(ResultTable.Targets(runs));
    Console.WriteLine($"Total wall time {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)} (pretraining {ConsoleProgress.FormatTime(pretrainSeconds)}).");
    File.WriteAllText(Path.Combine(options.Output, "table.md"), table);
    File.WriteAllText(Path.Combine(options.Output, "runs.json"), JsonSerializer.Serialize(new { encoder = encoderPath, pretrainSeconds, totalSeconds = clock.Elapsed.TotalSeconds, options.TargetSteps, options.MaxEpochs, options.EncoderLearningRateScales, options.FullLearningRates, runs }, new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}
