using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Bench.Recipe;
using SslDslSamples;
using TorchSharp;

// Ablation bench of the main job's SimCLR recipe. Model selection only: it pretrains on the first
// 55,000 Fashion-MNIST training images and scores the encoder on the last 5,000 (validation) with
// 20-NN accuracy and the linear probe (the sample's protocol; the row shows the chosen grid point's
// validation accuracy). The test images are never loaded. --epochs 0 probes the untrained architecture.
//   dotnet bench/SslDsl.Bench.Recipe/bin/Release/net10.0/SslDsl.Bench.Recipe.dll reference old --epochs 2
// Options, --help and exit codes: RecipeOptions (the samples' command line, docs/samples.md).
var variants = new Dictionary<string, Func<TrainingOptions, PretextTrainer<ImageBatch>>>
{
    ["old"] = o => new Old.Trainer(o),
    ["pooled"] = o => new Pooled.Trainer(o),
    ["reference"] = o => new Reference.Trainer(o),
    ["two-convs"] = o => new TwoConvs.Trainer(o), // reference with two convolutions per block: the main job until 2026-12-01
    ["main"] = o => new FashionSimClrSample.FashionSimClr.Trainer(o), // the main job (its file, linked): two-convs-crop0.6 with 3 epochs
    ["two-convs-pool-first"] = o => new TwoConvsPoolFirst.Trainer(o),
    ["two-convs-short-warmup"] = o => new TwoConvsShortWarmup.Trainer(o),
    ["two-convs-lr4e-3"] = o => new TwoConvsLr4e3.Trainer(o),
    ["pool-first"] = o => new PoolFirst.Trainer(o),
    ["two-convs-t0.1"] = o => new TwoConvsT01.Trainer(o),
    ["two-convs-t0.5"] = o => new TwoConvsT05.Trainer(o),
    ["two-convs-crop0.2"] = o => new TwoConvsCrop02.Trainer(o),
    ["two-convs-crop0.6"] = o => new TwoConvsCrop06.Trainer(o),
    ["two-convs-wd0.05"] = o => new TwoConvsWd005.Trainer(o),
    ["two-convs-batch128"] = o => new TwoConvsBatch128.Trainer(o),
};

return RecipeOptions.CommandLine(variants.Keys.ToArray()).Run(args, (options, _) =>
{
    Console.WriteLine($"{NativeRuntimeSettings.Describe()}; {torch.get_num_threads()} torch threads");
    if (options.TimeSteps > 0)
    {
        TimeSteps(options);
    }
    else
    {
        Ablation(options);
    }

    return SampleExit.Success;
});

// --time-steps N: the step benchmark bench/compare-step.sh runs interleaved with PyTorch's
// (bench/python/fashion_simclr.py --steps N): 5 warm-up steps, then N timed steps on batches of the
// first training images; prints the median.
void TimeSteps(RecipeOptions options)
{
    var (names, seed, timeSteps) = (options.Variants, options.Seed, options.TimeSteps);
    using var images = FashionMnist.Load(FashionMnistSplit.Train, limit: 4096);
    foreach (string name in names)
    {
        using var trainer = variants[name](new TrainingOptions { Seed = seed, Device = torch.CPU, ShowProgress = false, Precision = options.Precision });
        var batches = images.Batches(trainer.Settings.BatchSize, shuffle: true, seed: seed, dropLast: true).ToArray();
        var times = new List<double>();
        for (int i = 0; i < timeSteps + 5; i++)
        {
            var clock = Stopwatch.StartNew();
            trainer.Step(batches[i % batches.Length]);
            if (i >= 5)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }

        times.Sort();
        double median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median step {median:F4} s, mean {times.Average():F4} s, steps/s {1 / median:F3}, precision {trainer.Precision}"));
    }
}

void Ablation(RecipeOptions options)
{
    var (names, epochs, limit, seed, probeEpochs) = (options.Variants, options.Epochs, options.TrainLimit, options.Seed, options.ProbeEpochs);
    using var all = FashionMnist.Load(FashionMnistSplit.Train);
    using var train = all.Subset(Enumerable.Range(0, 55_000).Select(i => (long)i).ToArray(), "train-55k");
    using var validation = all.Subset(Enumerable.Range(55_000, 5_000).Select(i => (long)i).ToArray(), "validation-5k");
    using var pretrain = limit < train.Count ? train.Subset(Enumerable.Range(0, limit).Select(i => (long)i).ToArray(), "pretrain") : train.Subset(Enumerable.Range(0, (int)train.Count).Select(i => (long)i).ToArray(), "pretrain");
    var rows = new List<string>();
    foreach (string name in names)
    {
        var clock = Stopwatch.StartNew();
        using var trainer = variants[name](new TrainingOptions { Epochs = Math.Max(1, epochs), Seed = seed, Device = torch.CPU, WritePlots = false, Precision = options.Precision });
        var fit = epochs > 0 ? trainer.Fit(pretrain) : null;
        double pretrainSeconds = clock.Elapsed.TotalSeconds;
        using var trainFeatures = trainer.Embed(train);
        using var validationFeatures = trainer.Embed(validation);
        using var predicted = KnnClassifier.Predict(trainFeatures, train.Labels!, validationFeatures, k: 20);
        double knn = predicted.eq(validation.Labels!).to_type(torch.ScalarType.Float64).mean().item<double>();
        // The same protocol as the sample: the probe's grid is scored on the validation images and the best
        // point's validation accuracy is the row's number (a maximum over 4 grid points, the same for every row).
        var probe = LinearProbe.Fit((trainFeatures, train.Labels!), (validationFeatures, validation.Labels!), null, 10,
            new ProbeSettings { Epochs = probeEpochs, Seed = seed, LearningRates = options.ProbeLearningRates, WeightDecays = options.ProbeWeightDecays }, Console.Out);
        string row = string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {epochs} | {fit?.Epochs.LastOrDefault()?.Loss:F3} | {knn:F4} | {probe.ValidationAccuracy:F4} | lr {probe.Chosen.LearningRate:G2} wd {probe.Chosen.WeightDecay:G2} | {pretrainSeconds:F0} s | {fit?.Epochs.Average(e => e.Seconds):F0} s |");
        Console.WriteLine(row);
        rows.Add(row);
    }

    Console.WriteLine();
    Console.WriteLine("| variant | epochs | final loss | 20-NN val | probe val | probe choice | pretrain | s/epoch |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    rows.ForEach(Console.WriteLine);
}
