using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using SslDsl;
using SslDsl.Bench.SampleRecipes;
using TorchSharp;

// Ablation bench of the MAE and MLM samples' recipes. Model selection only: every row pretrains, embeds, and
// scores a linear probe (the samples' protocol: cached features, lr and weight decay chosen on a grid) on a
// validation split carved from the training data; the test data are never loaded. --epochs 0 probes the
// untrained architecture (seeded as pretraining starts). One row per variant and seed. Without options, a row
// runs the sample's defaults: its pretraining epochs and data, and the probe its declaration sets.
//   dotnet bench/SslDsl.Bench.SampleRecipes/bin/Release/net10.0/SslDsl.Bench.SampleRecipes.dll mae sample --seeds 42,43
var names = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int Int(string name, int fallback) => Value(name) is string v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var modes = new Dictionary<string, IReadOnlyDictionary<string, Func<TrainingOptions, object>>>
{
    ["mae"] = MaeVariants.All,
    ["mlm"] = MlmVariants.All,
};
if (names.Count < 2 || !modes.TryGetValue(names[0], out var variants) || names.Skip(1).Any(n => !variants.ContainsKey(n)))
{
    Console.Error.WriteLine("usage: SslDsl.Bench.SampleRecipes mae|mlm VARIANT... [--epochs N] [--limit N] [--batch-size N] [--lr X] [--seeds 42,43] [--probe-epochs N] [--probe-batch N] [--probe-lr X]");
    foreach (var (mode, all) in modes)
    {
        Console.Error.WriteLine($"  {mode}: {string.Join(", ", all.Keys)}");
    }

    return 2;
}

var seeds = (Value("--seeds") ?? "42").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
int? epochs = Value("--epochs") is string e ? int.Parse(e, CultureInfo.InvariantCulture) : null;
// The samples' defaults: their --limit, and the probe their declaration sets (FineTune epochs and learning rate, ProbeBatchSize).
bool mae = names[0] == "mae";
var declared = mae ? FashionMaeSample.FashionMae.DeclaredFineTune! : TextMlmSample.FortuneMlm.DeclaredFineTune!;
int limit = Int("--limit", mae ? 6_000 : 8_000);
var settings = new RunSettings(
    epochs,
    Value("--batch-size") is string b ? int.Parse(b, CultureInfo.InvariantCulture) : null,
    Value("--lr") is string lr ? double.Parse(lr, CultureInfo.InvariantCulture) : null,
    Int("--probe-epochs", declared.Epochs),
    Int("--probe-batch", mae ? FashionMaeSample.FashionMae.ProbeBatchSize : TextMlmSample.FortuneMlm.ProbeBatchSize),
    Value("--probe-lr") is string plr ? double.Parse(plr, CultureInfo.InvariantCulture) : declared.LearningRate);
Console.WriteLine($"{NativeRuntimeSettings.Describe()}; {torch.get_num_threads()} torch threads; {string.Join(" ", args)}");
var rows = new List<string>();
foreach (string name in names.Skip(1))
{
    foreach (long seed in seeds)
    {
        var clock = Stopwatch.StartNew();
        var row = mae
            ? MaeVariants.Run(variants[name], settings, seed, limit)
            : MlmVariants.Run(variants[name], settings, seed, limit);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {seed} | {row.Epochs} | {row.Steps} | {row.FinalLoss:F4} | {row.ValidationAccuracy:F4} | lr {row.Probe.LearningRate:G2} wd {row.Probe.WeightDecay:G2} | {row.PretrainSeconds:F0} s | {clock.Elapsed.TotalSeconds:F0} s |");
        Console.WriteLine(line);
        rows.Add(line);
    }
}

Console.WriteLine();
Console.WriteLine("| variant | seed | epochs | steps | final loss | probe val | probe choice | pretrain | total |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
return 0;
