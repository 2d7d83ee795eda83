using System.Globalization;
using SslDslSamples;

namespace SslDsl.Bench.SampleRecipes;

/// <summary>Command-line options of the sample-recipes bench (one command per sample); null keeps the sample's own value.</summary>
internal sealed record RecipeOptions
{
    public string[] Variants { get; init; } = [];
    public long[] Seeds { get; init; } = { 42 };
    public int? Epochs { get; init; }
    public int? Limit { get; init; }
    public int? BatchSize { get; init; }
    public double? LearningRate { get; init; }
    public int? ProbeEpochs { get; init; }
    public int? ProbeBatch { get; init; }
    public double? ProbeLearningRate { get; init; }

    /// <summary>
    /// The command of one sample (<paramref name="name"/>: mae, mlm or text) with its variants as positional choices
    /// (<paramref name="optionalVariants"/>: none given means the command's default rows).
    /// </summary>
    public static SampleCommand<RecipeOptions> Command(string name, string description, string[] variants, bool optionalVariants = false) =>
        new SampleCommand<RecipeOptions>(name, description, new RecipeOptions())
            .Add(CliOptions.Choices("variant", "the rows to run, in order ('sample' is the sample's own declaration)", variants, optionalVariants), (o, v) => o with { Variants = v })
            .Add(CliOptions.List("--seeds", "one row per seed", new long[] { 42 },
                s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, "integers"), (o, v) => o with { Seeds = v })
            .Add(CliOptions.OptionalNonNegative("--epochs", "pretraining epochs (default: the sample's; 0 probes the untrained architecture)"), (o, v) => o with { Epochs = v })
            .Add(CliOptions.OptionalPositive("--limit", "training examples (default: the sample's, 6,000 images or 8,000 fortunes)"), (o, v) => o with { Limit = v })
            .Add(CliOptions.OptionalPositive("--batch-size", "pretraining batch size (default: the declared one)"), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.OptionalPositiveNumber("--lr", "pretraining learning rate (default: the declared one)"), (o, v) => o with { LearningRate = v })
            .Add(CliOptions.OptionalPositive("--probe-epochs", "epochs of each probe fit (default: the declared [FineTune] epochs)"), (o, v) => o with { ProbeEpochs = v })
            .Add(CliOptions.OptionalPositive("--probe-batch", "probe batch size (default: the sample's)"), (o, v) => o with { ProbeBatch = v })
            .Add(CliOptions.OptionalPositiveNumber("--probe-lr", "the probe grid's base learning rate (default: the declared [FineTune] rate)"), (o, v) => o with { ProbeLearningRate = v });
}
