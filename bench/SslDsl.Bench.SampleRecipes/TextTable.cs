using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using SslDsl;
using SslDslSamples;
using TextMlmSample;
using TorchSharp;

namespace SslDsl.Bench.SampleRecipes;

/// <summary>
/// The text methods table (docs/samples.md, Text.Mlm section): each method's transformer pretrained on the Text.Mlm
/// sample's pool for the same number of steps, then the sample's probe protocol on the source-file task (features
/// cached; lr and weight decay chosen on a stratified twelfth of the labelled training fortunes; the final head trained
/// on all of them; the test fortunes scored once per model, after the choice), next to the transformer at random
/// initialisation, the same transformer trained from scratch with the labels, and the majority class. The data (test
/// split, pool, probe validation split) are the sample's at its default seed 42 for every run, so every row sees the
/// same fortunes; the run's seed sets the weights, the masking, the batch order and the probe.
/// </summary>
internal static class TextTable
{
    /// <summary>The methods when none is named: the sample's MLM, whole-word masking, T5 span corruption, next-token prediction.</summary>
    public static readonly string[] DefaultMethods = { "sample", "wwm", "t5", "next-token" };

    /// <summary>The seed of the sample's data split, pool and probe validation split (the sample's default --seed).</summary>
    public const long DataSeed = 42;

    /// <summary>Runs every row for every seed, printing each result as it comes and the table at the end; the exit code.</summary>
    public static int Run(RecipeOptions options, RunSettings settings, int limit)
    {
        var methods = options.Variants.Length > 0 ? options.Variants : DefaultMethods;
        var data = FortuneData.Load(TextCorpus.FortunesDirectory, limit, perClassLimit: null, DataSeed);
        var tokenizer = ByteLevelTokenizer.BytesOnly();
        using var pool = tokenizer.ToDataset(data.PretrainTexts, FortuneMlm.MaxLength, name: "fortune-pool");
        using var train = tokenizer.ToDataset(data.TrainTexts, FortuneMlm.MaxLength, data.TrainLabels, "fortune-train");
        using var test = tokenizer.ToDataset(data.TestTexts, FortuneMlm.MaxLength, data.TestLabels, "fortune-test");
        var (fit, validation) = train.Split(FineTuner<TokenBatch>.ValidationFraction, DataSeed);
        using var fitPart = fit;
        using var validationPart = validation;
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}; {pool.Count} fortunes to pretrain on, {fit.Count} + {validation.Count} labelled (fit + validation), {test.Count} test");

        var rows = new List<(string Name, Func<long, Result> Run)>();
        foreach (string method in methods)
        {
            rows.Add((method, seed => Probed(MlmVariants.All[method], settings, pretrain: true, pool, fit, validation, test, seed)));
        }

        rows.Add(("random init", seed => Probed(MlmVariants.All["sample"], settings, pretrain: false, pool, fit, validation, test, seed)));
        if (methods.Contains("next-token"))
        {
            rows.Add(("random init, causal", seed => Probed(MlmVariants.All["next-token"], settings, pretrain: false, pool, fit, validation, test, seed)));
        }

        rows.Add(("supervised from scratch", seed => Supervised(train, test, seed)));
        long majorityClass = data.TrainLabels.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        double majority = data.TestLabels.Count(l => l == majorityClass) / (double)data.TestLabels.Count;

        var results = rows.ToDictionary(r => r.Name, _ => new List<Result>());
        foreach (long seed in options.Seeds)
        {
            foreach (var (name, run) in rows)
            {
                var result = run(seed);
                results[name].Add(result);
                Console.WriteLine(Invariant($"{name}, seed {seed}: {result.Steps} steps, loss {result.FinalLoss:F4}, {result.CpuSeconds:F0} s CPU; validation {result.ValidationAccuracy:F4}, test {result.TestAccuracy:F4}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}; seeds {string.Join(", ", options.Seeds)}; mean ± sample standard deviation over the seeds");
        Console.WriteLine();
        Console.WriteLine("| model | pretraining steps | pretraining CPU s | final pretext loss | probe validation accuracy | source-file test accuracy | test, each seed |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, list) in results)
        {
            Console.WriteLine(Invariant(
                $"| {name} | {list[0].Steps} | {list.Average(r => r.CpuSeconds):F0} | {MeanSpread(list.Select(r => r.FinalLoss))} | {MeanSpread(list.Select(r => r.ValidationAccuracy))} | {MeanSpread(list.Select(r => r.TestAccuracy))} | {string.Join(", ", list.Select(r => r.TestAccuracy.ToString("F4", CultureInfo.InvariantCulture)))} |"));
        }

        Console.WriteLine(Invariant($"| majority class | 0 | 0 | - | - | {majority:F4} | - |"));
        return 0;
    }

    /// <summary>One run: pretrains (unless <paramref name="pretrain"/> is false), embeds the three splits and probes; the test split is scored once, after the choice.</summary>
    private static Result Probed(Func<TrainingOptions, object> create, RunSettings settings, bool pretrain, Dataset<TokenBatch> pool,
        Dataset<TokenBatch> fit, Dataset<TokenBatch> validation, Dataset<TokenBatch> test, long seed)
    {
        using var trainer = (PretextTrainer<TokenBatch>)create(settings.Options(seed));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = pretrain && settings.Epochs is not 0 ? trainer.Fit(pool) : null;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        using var fitFeatures = trainer.Embed(fit);
        using var validationFeatures = trainer.Embed(validation);
        using var testFeatures = trainer.Embed(test);
        var probe = LinearProbe.Fit((fitFeatures, fit.Labels!), (validationFeatures, validation.Labels!), (testFeatures, test.Labels!),
            FortuneData.ClassFiles.Count, settings.Probe(seed));
        return new Result(trainer.GlobalStep, result?.Epochs.LastOrDefault()?.Loss ?? double.NaN, result is null ? 0 : cpuSeconds, probe.ValidationAccuracy, probe.Test!.Accuracy);
    }

    /// <summary>The sample's supervised baseline: its transformer and a linear head trained from scratch on all labelled fortunes (Full, AdamW 1e-3, 5 epochs).</summary>
    private static Result Supervised(Dataset<TokenBatch> train, Dataset<TokenBatch> test, long seed)
    {
        torch.manual_seed(seed);
        var scratch = new FortuneMlm.Model();
        var options = new TrainingOptions { Epochs = 5, Seed = seed, Device = torch.CPU, ShowProgress = false };
        var settings = FortuneMlm.DeclaredFineTune! with { Mode = FineTuneMode.Full, EncoderLearningRateScale = 1.0, LearningRate = 1e-3 };
        double accuracy = Downstream.TestAccuracy(new FortuneMlm.FineTuner(scratch, settings, options), train, test, owned: scratch);
        return new Result(0, double.NaN, 0, double.NaN, accuracy);
    }

    /// <summary>"mean ± sd" (sample standard deviation; the mean alone for one value, "-" for none).</summary>
    private static string MeanSpread(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0)
        {
            return "-";
        }

        double mean = v.Average();
        if (v.Length == 1)
        {
            return Invariant($"{mean:F4}");
        }

        double sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return Invariant($"{mean:F4} ± {sd:F4}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One row of one seed: pretraining steps, final pretext loss, pretraining CPU time, probe validation and test accuracy.</summary>
    private sealed record Result(long Steps, double FinalLoss, double CpuSeconds, double ValidationAccuracy, double TestAccuracy);
}
