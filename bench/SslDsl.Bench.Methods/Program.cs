using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using FashionSimClrSample;
using SslDsl;
using SslDsl.Bench.Methods;
using SslDslSamples;
using TorchSharp;

// Every image method at one budget on Fashion-MNIST (docs/samples.md): each method pretrains the main job's
// encoder (PooledCnn, 1,024 features) for the same number of epochs on the first --train-limit training images
// (labels unused; 3 epochs of 20,000 by default, what a shared 2-core machine runs for 12 methods in a few hours),
// then its frozen features are scored two ways next to raw pixels and the untrained encoder:
//   - 20-NN (cosine, weighted vote, T = 0.07; fixed, nothing chosen) of the 10,000 test images against the first 55,000
//     training images;
//   - the runtime's linear probe (LinearProbe: features cached, learning rate and weight decay chosen on the last
//     5,000 training images, refit on all 60,000, the test images scored once).
//   dotnet bench/SslDsl.Bench.Methods/bin/Release/net10.0/SslDsl.Bench.Methods.dll [METHOD...] [--epochs 3] [--train-limit 20000] [--probe-epochs 30] [--seed 42] [--out out/bench-methods]
// Options, --help and exit codes: MethodsOptions (the samples' command line, docs/samples.md).
var methods = new Dictionary<string, Func<TrainingOptions, PretextTrainer<ImageBatch>>>
{
    ["simclr"] = o => new FashionSimClr.Trainer(o),
    ["moco"] = o => new BenchMoco.Trainer(o),
    ["byol"] = o => new BenchByol.Trainer(o),
    ["barlow"] = o => new BenchBarlow.Trainer(o),
    ["vicreg"] = o => new BenchVicReg.Trainer(o),
    ["simsiam"] = o => new BenchSimSiam.Trainer(o),
    ["nnclr"] = o => new BenchNnclr.Trainer(o),
    ["mocov3"] = o => new BenchMocoV3.Trainer(o),
    ["dcl"] = o => new BenchDcl.Trainer(o),
    ["dclw"] = o => new BenchDclw.Trainer(o),
    ["dino"] = o => new BenchDino.Trainer(o),
    ["swav"] = o => new BenchSwav.Trainer(o),
    ["rotation"] = o => new BenchRotation.Trainer(o),
    ["jigsaw"] = o => new BenchJigsaw.Trainer(o),
    ["simmim"] = o => new BenchSimMim.Trainer(o),
    ["denoising"] = o => new BenchDenoising.Trainer(o),
    ["inpainting"] = o => new BenchInpainting.Trainer(o),
};
var baselines = new[] { "raw-pixels", "random-init" };

return MethodsOptions.CommandLine(baselines.Concat(methods.Keys).ToArray()).Run(args, (options, _) => Run(options));

int Run(MethodsOptions options)
{
    var (names, epochs, limit, probeEpochs, seed, output) = (options.Names.Length > 0 ? options.Names : baselines.Concat(methods.Keys).ToArray(),
        options.Epochs, options.TrainLimit, options.ProbeEpochs, options.Seed, options.Output);
    Directory.CreateDirectory(output);
    Console.WriteLine($"{NativeRuntimeSettings.Describe()}; {torch.get_num_threads()} torch threads; {epochs} epochs on {limit} images per method");
    using var all = FashionMnist.Load(FashionMnistSplit.Train);
    using var test = FashionMnist.Load(FashionMnistSplit.Test);
    long held = (long)Math.Round(all.Count * FineTuner<ImageBatch>.ValidationFraction);
    using var fit = all.Subset(Enumerable.Range(0, (int)(all.Count - held)).Select(i => (long)i).ToArray(), "fit");
    using var validation = all.Subset(Enumerable.Range((int)(all.Count - held), (int)held).Select(i => (long)i).ToArray(), "validation");
    using var pretrain = all.Subset(Enumerable.Range(0, Math.Min(limit, (int)all.Count)).Select(i => (long)i).ToArray(), "pretrain");

    string resultsFile = Path.Combine(output, "results.md");
    var rows = new List<string>();
    foreach (string name in names)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        FitResult? result = null;
        Func<Dataset<ImageBatch>, torch.Tensor> embed;
        PretextTrainer<ImageBatch>? trainer = null;
        if (name == "raw-pixels")
        {
            embed = data => data.Tensors[0].flatten(1).to_type(torch.ScalarType.Float32);
        }
        else
        {
            // The untrained row is the SimCLR declaration's encoder at the initialization its pretraining starts from.
            trainer = (name == "random-init" ? methods["simclr"] : methods[name])(new TrainingOptions
            {
                Epochs = epochs, Seed = seed, Device = torch.CPU, WritePlots = false, TensorBoard = false,
                OutputDirectory = name == "random-init" ? null : Path.Combine(output, name),
            });
            if (name != "random-init")
            {
                result = trainer.Fit(pretrain);
            }

            embed = data => trainer.Embed(data);
        }

        double pretrainSeconds = clock.Elapsed.TotalSeconds;
        double pretrainCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        using var fitFeatures = embed(fit);
        using var validationFeatures = embed(validation);
        using var testFeatures = embed(test);
        using var predicted = KnnClassifier.Predict(fitFeatures, fit.Labels!, testFeatures, k: 20);
        double knn = predicted.eq(test.Labels!).to_type(torch.ScalarType.Float64).mean().item<double>();
        var probe = LinearProbe.Fit((fitFeatures, fit.Labels!), (validationFeatures, validation.Labels!), (testFeatures, test.Labels!), 10,
            new ProbeSettings { Epochs = probeEpochs, Seed = seed }, Console.Out);
        trainer?.Dispose();
        string loss = result?.Epochs.LastOrDefault() is { } last ? last.Loss.ToString("F3", CultureInfo.InvariantCulture) : "-";
        string row = string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(result is null ? 0 : epochs)} | {loss} | {knn:F4} | {probe.Test!.Accuracy:F4} | {probe.ValidationAccuracy:F4} | lr {probe.Chosen.LearningRate:G2}, wd {probe.Chosen.WeightDecay:G2} | {(result is null ? "-" : ConsoleProgress.FormatTime(pretrainSeconds))} | {(result is null ? "-" : pretrainCpu.ToString("F0", CultureInfo.InvariantCulture) + " s")} |");
        Console.WriteLine(row);
        rows.Add(row);
        File.AppendAllText(resultsFile, row + Environment.NewLine);
    }

    Console.WriteLine();
    Console.WriteLine("| method | epochs | final loss | 20-NN test | linear probe test | probe validation | probe choice | pretrain wall time | pretrain CPU time |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    rows.ForEach(Console.WriteLine);
    return SampleExit.Success;
}
