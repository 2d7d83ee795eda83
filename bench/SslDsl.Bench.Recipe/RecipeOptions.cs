using SslDsl;
using SslDslSamples;

namespace SslDsl.Bench.Recipe;

/// <summary>Command-line options of the recipe ablation; each value is checked with a message that says what to pass.</summary>
internal sealed record RecipeOptions
{
    public string[] Variants { get; init; } = [];
    public int Epochs { get; init; } = 2;
    public int TrainLimit { get; init; } = 55_000;
    public long Seed { get; init; } = 42;
    public int ProbeEpochs { get; init; } = 30;
    public int TimeSteps { get; init; }
    public TrainingPrecision? Precision { get; init; }
    public double[] ProbeLearningRates { get; init; } = [1e-3, 4e-3];
    public double[] ProbeWeightDecays { get; init; } = [1e-4, 1e-1];

    /// <summary>The command line: the variants to run, then every option above with its default.</summary>
    public static SampleCommand<RecipeOptions> CommandLine(string[] variants)
    {
        var d = new RecipeOptions();
        return new SampleCommand<RecipeOptions>(
            """
            Ablation of the main job's SimCLR recipe. Model selection only: pretrains each variant on the first 55,000
            Fashion-MNIST training images and scores its encoder on the last 5,000 (validation) with 20-NN accuracy and the
            linear probe (the row shows the chosen grid point's validation accuracy); the test images are never loaded.
            With --time-steps N it times N training steps of each variant instead (bench/compare-step.sh).
            """, d)
            .Add(CliOptions.Choices("variant", "the variants to run, in order", variants), (o, v) => o with { Variants = v })
            .Add(CliOptions.NonNegative("--epochs", "pretraining epochs; 0 probes the untrained architecture", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.Positive("--train-limit", "pretrain on the first N of the 55,000 training images", d.TrainLimit), (o, v) => o with { TrainLimit = v })
            .Add(CliOptions.Integer("--seed", "seed of weights, shuffling, augmentations and the probe", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Positive("--probe-epochs", "epochs of each linear probe over cached features", d.ProbeEpochs), (o, v) => o with { ProbeEpochs = v })
            .Add(CliOptions.List("--probe-lrs", "the linear probe's learning rates to choose from on validation", d.ProbeLearningRates, CliOptions.PositiveNumber, "numbers > 0"), (o, v) => o with { ProbeLearningRates = v })
            .Add(CliOptions.List("--probe-wds", "the linear probe's weight decays to choose from on validation", d.ProbeWeightDecays, CliOptions.NonNegativeNumber, "numbers >= 0"), (o, v) => o with { ProbeWeightDecays = v })
            .Add(CliOptions.NonNegative("--time-steps", "time N training steps (after 5 warm-up steps) on the first 4,096 training images and print the median; 0 runs the ablation", d.TimeSteps), (o, v) => o with { TimeSteps = v })
            .Add(CliOptions.Precision(), (o, v) => o with { Precision = v });
    }
}
