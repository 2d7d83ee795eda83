using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Bench.Tabular;
using SslDslSamples;
using TabularScarfSample;
using TorchSharp;
using static TorchSharp.torch;

// Tabular methods at one budget (docs/samples.md, "Tabular methods at one budget"). Per table and seed: a stratified
// 70/30 train/test split (features standardized with training statistics), a stratified 20 % validation split carved
// from the training rows, and a stratified --label-fraction of the remaining (fit) rows as the few-label set. SCARF and
// VIME pretrain on all training rows (labels unused). Every feature row (SCARF, VIME, the untrained MLP, the raw
// features = logistic regression) goes through LinearProbe: features cached, learning rate and weight decay chosen on
// the validation split, the head trained on the labelled rows alone (no refit on validation, so the few-label setting
// keeps its labels), the test rows scored once. The MLP from scratch trains end to end on the labelled rows with each
// learning rate of a small grid; the best on validation is scored on the test rows, once.
//   dotnet bench/SslDsl.Bench.Tabular/bin/Release/net10.0/SslDsl.Bench.Tabular.dll [TABLE...] [--epochs 100] [--seeds 42,43,44] [--label-fraction 0.1] [--out out/bench-tabular]
// Options, --help and exit codes: TabularOptions (the samples' command line, docs/samples.md).
var tables = new[] { "breast-cancer", "digits" };
return TabularOptions.CommandLine(tables).Run(args, (options, _) => Run(options));

int Run(TabularOptions options)
{
    Directory.CreateDirectory(options.Output);
    string runsFile = Path.Combine(options.Output, "runs.md");
    Console.WriteLine($"{NativeRuntimeSettings.Describe()}; {torch.get_num_threads()} torch threads; {options.Epochs} pretraining epochs; seeds {string.Join(", ", options.Seeds)}");
    var scores = new Dictionary<(string Table, string Labels, string Method), List<double>>();
    foreach (string name in options.Tables.Length > 0 ? options.Tables : tables)
    {
        foreach (long seed in options.Seeds)
        {
            foreach (var (labels, method, accuracy, detail) in RunTable(name, seed, options))
            {
                string line = string.Create(CultureInfo.InvariantCulture, $"| {name} | {seed} | {labels} | {method} | {accuracy:F4} | {detail} |");
                Console.WriteLine(line);
                File.AppendAllText(runsFile, line + Environment.NewLine);
                var key = (name, labels, method);
                if (!scores.TryGetValue(key, out var list))
                {
                    scores[key] = list = new List<double>();
                }

                list.Add(accuracy);
            }
        }
    }

    var columns = scores.Keys.Select(k => (k.Table, k.Labels)).Distinct().ToList();
    var methods = scores.Keys.Select(k => k.Method).Distinct().ToList();
    var table = new List<string>
    {
        "| method | " + string.Join(" | ", columns.Select(c => $"{c.Table}, {c.Labels} labels")) + " |",
        "|---|" + string.Concat(columns.Select(_ => "---|")),
    };
    foreach (string method in methods)
    {
        table.Add($"| {method} | " + string.Join(" | ", columns.Select(c => MeanAndSpread(scores[(c.Table, c.Labels, method)]))) + " |");
    }

    Console.WriteLine();
    Console.WriteLine($"Test accuracy, mean ± sample std over seeds {string.Join(", ", options.Seeds)}:");
    table.ForEach(Console.WriteLine);
    File.WriteAllLines(Path.Combine(options.Output, "results.md"), table);
    return SampleExit.Success;
}

static string MeanAndSpread(List<double> values)
{
    double mean = values.Average();
    double std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
    return string.Create(CultureInfo.InvariantCulture, $"{mean:F4} ± {std:F4}");
}

IEnumerable<(string Labels, string Method, double Accuracy, string Detail)> RunTable(string name, long seed, TabularOptions options)
{
    bool digits = name == "digits";
    using var all = digits ? DigitsTable.Load(options.Data) : SklearnDatasets.BreastCancer(options.Data);
    int classes = digits ? 10 : 2;
    var (trainPart, testPart) = all.Split(0.3, seed);
    using var trainData = trainPart;
    using var testData = testPart;
    var train = trainData.Dataset;
    var test = testData.Dataset;
    var (fitIndices, validationIndices) = DatasetSplits.SplitIndices((int)train.Count, trainData.Table.Labels, 0.2, seed);
    using var fit = train.Subset(fitIndices, "fit");
    using var validation = train.Subset(validationIndices, "validation");
    var fitLabels = fit.Labels!.data<long>().ToArray();
    var (fewIndices, _) = DatasetSplits.SplitIndices(fitLabels.Length, fitLabels, 1 - options.LabelFraction, seed);
    using var few = fit.Subset(fewIndices, "few");
    using var fewIndex = torch.tensor(fewIndices);
    var sets = new[] { ("100 %", fit), (string.Create(CultureInfo.InvariantCulture, $"{options.LabelFraction * 100:G3} %"), few) };
    Console.WriteLine($"[{name}, seed {seed}] {train.Count} training rows ({fit.Count} fit, {validation.Count} validation, {few.Count} in the few-label set), {test.Count} test rows");

    var probe = new ProbeSettings { MinSteps = options.ProbeSteps, BatchSize = 256, Seed = seed, RefitOnValidation = false };
    var trainerOptions = new TrainingOptions { Epochs = options.Epochs, Seed = seed, Device = torch.CPU, ShowProgress = false, WritePlots = false, TensorBoard = false };
    var encoders = new (string Method, Func<PretextTrainer<TabularBatch>> Create, bool Pretrain)[]
    {
        ("SCARF, linear probe", () => digits ? new BenchDigitsScarf.Trainer(trainerOptions) : new BreastCancerScarf.Trainer(trainerOptions), true),
        ("VIME, linear probe", () => digits ? new BenchDigitsVime.Trainer(trainerOptions) : new BenchCancerVime.Trainer(trainerOptions), true),
        ("random-init MLP, linear probe", () => digits ? new BenchDigitsScarf.Trainer(trainerOptions) : new BreastCancerScarf.Trainer(trainerOptions), false),
    };
    var results = new List<(string, string, double, string)>();
    foreach (var (method, create, pretrain) in encoders)
    {
        using var trainer = create();
        string loss = "";
        if (pretrain)
        {
            var fitResult = trainer.Fit(train);
            loss = string.Create(CultureInfo.InvariantCulture, $"final loss {fitResult.Epochs[^1].Loss:F3}, {fitResult.Seconds:F0} s; ");
        }

        results.AddRange(Probe(method, trainer.Embed(fit), trainer.Embed(validation), trainer.Embed(test), loss));
    }

    results.AddRange(Probe("logistic regression on the features", fit.Tensors[0], validation.Tensors[0], test.Tensors[0], ""));
    foreach (var (labels, set) in sets)
    {
        results.Add(Scratch(labels, set));
    }

    return results;

    IEnumerable<(string, string, double, string)> Probe(string method, Tensor fitFeatures, Tensor validationFeatures, Tensor testFeatures, string prefix)
    {
        foreach (var (labels, set) in sets)
        {
            var features = set == fit ? fitFeatures : fitFeatures.index_select(0, fewIndex);
            var result = LinearProbe.Fit((features, set.Labels!), (validationFeatures, validation.Labels!), (testFeatures, test.Labels!), classes, probe);
            yield return (labels, method, result.Test!.Accuracy, string.Create(CultureInfo.InvariantCulture,
                $"{prefix}validation {result.ValidationAccuracy:F4}, lr {result.Chosen.LearningRate:G2}, wd {result.Chosen.WeightDecay:G2}"));
        }
    }

    (string, string, double, string) Scratch(string labels, Dataset<TabularBatch> set)
    {
        FineTuner<TabularBatch>? best = null;
        double bestValidation = -1, bestRate = 0;
        foreach (double rate in new[] { 1e-3, 3e-3, 1e-2 })
        {
            torch.manual_seed(seed);
            var encoder = Backbones.Mlp(inputFeatures: (int)train.Tensors[0].shape[1], width: 128, outputDim: 64, depth: 2);
            var tuner = new FineTuner<TabularBatch>(encoder, 64, new FineTuneSettings(classes, FineTuneMode.Full, 0, options.SupervisedEpochs, rate, 1.0, 64),
                new TrainingOptions { Seed = seed, Device = torch.CPU, ShowProgress = false });
            double accuracy = tuner.Fit(set, validation, null).Validation!.Accuracy;
            if (accuracy > bestValidation)
            {
                best?.Encoder.Dispose();
                best?.Dispose();
                (best, bestValidation, bestRate) = (tuner, accuracy, rate);
            }
            else
            {
                encoder.Dispose();
                tuner.Dispose();
            }
        }

        double testAccuracy = best!.Evaluate(test).Accuracy;
        best.Encoder.Dispose();
        best.Dispose();
        return (labels, "same MLP from scratch, supervised", testAccuracy, string.Create(CultureInfo.InvariantCulture, $"validation {bestValidation:F4}, lr {bestRate:G2}"));
    }
}
