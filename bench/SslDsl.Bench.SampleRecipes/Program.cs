using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using SslDsl;
using SslDslSamples;
using SslDsl.Bench.SampleRecipes;
using TorchSharp;

// Ablation bench of the MAE and MLM samples' recipes. Model selection only: every row pretrains, embeds, and
// scores a linear probe (the samples' protocol: cached features, lr and weight decay chosen on a grid) on a
// validation split carved from the training data; the test data are never loaded. --epochs 0 probes the
// untrained architecture (seeded as pretraining starts). One row per variant and seed. Without options, a row
// runs the sample's defaults: its pretraining epochs and data, and the probe its declaration sets. The exception is
// the "text" command: the text methods table, which also scores the test fortunes, once per model (TextTable).
//   dotnet bench/SslDsl.Bench.SampleRecipes/bin/Release/net10.0/SslDsl.Bench.SampleRecipes.dll mae sample --seeds 42,43
// Options, --help, exit codes and one-line errors: the samples' SampleCommand and SampleExit (docs/samples.md lists the codes).
return new SampleCommandSet("Ablation bench of the MAE and MLM samples' recipes on validation splits (docs/benchmarks.md section 10), and the text methods table (docs/samples.md). Run a command with --help for its options.")
    .Add(RecipeOptions.Command("mae", "FashionMnist.Mae's declaration and one-change variants", MaeVariants.All.Keys.ToArray()), (o, _) => Run(o, mae: true))
    .Add(RecipeOptions.Command("mlm", "Text.Mlm's declaration, one-change variants and the other text methods", MlmVariants.All.Keys.ToArray()), (o, _) => Run(o, mae: false))
    .Add(RecipeOptions.Command("text", "the text methods table: each method (default: sample wwm t5 next-token) pretrained as the sample, probed, the test fortunes scored once; with random-init, supervised and majority rows", MlmVariants.All.Keys.ToArray(), optionalVariants: true), (o, _) => RunTextTable(o))
    .Run(args);

static int Run(RecipeOptions options, bool mae)
{
    var variants = mae ? MaeVariants.All : MlmVariants.All;
    int limit = options.Limit ?? (mae ? 6_000 : 8_000);
    var settings = Settings(options, mae);
    Console.WriteLine($"{NativeRuntimeSettings.Describe()}; {torch.get_num_threads()} torch threads; {(mae ? "mae" : "mlm")} {string.Join(" ", options.Variants)}, seeds {string.Join(",", options.Seeds)}");
    var rows = new List<string>();
    foreach (string name in options.Variants)
    {
        foreach (long seed in options.Seeds)
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
}

static int RunTextTable(RecipeOptions options)
{
    Console.WriteLine($"{NativeRuntimeSettings.Describe()}; {torch.get_num_threads()} torch threads; text methods table");
    return TextTable.Run(options, Settings(options, mae: false), options.Limit ?? 8_000);
}

// The samples' defaults: their --limit, and the probe their declaration sets (FineTune epochs and learning rate, ProbeBatchSize).
static RunSettings Settings(RecipeOptions options, bool mae)
{
    var declared = mae ? FashionMaeSample.FashionMae.DeclaredFineTune! : TextMlmSample.FortuneMlm.DeclaredFineTune!;
    return new RunSettings(
        options.Epochs,
        options.BatchSize,
        options.LearningRate,
        options.ProbeEpochs ?? declared.Epochs,
        options.ProbeBatch ?? (mae ? FashionMaeSample.FashionMae.ProbeBatchSize : TextMlmSample.FortuneMlm.ProbeBatchSize),
        options.ProbeLearningRate ?? declared.LearningRate);
}
