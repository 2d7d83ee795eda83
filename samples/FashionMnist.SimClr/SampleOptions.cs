using System.IO;
using SslDslSamples;

namespace FashionSimClrSample;

/// <summary>Command-line options of the sample; every value is checked with a message that says what to pass.</summary>
internal sealed record SampleOptions
{
    public int? Epochs { get; init; }
    public int? BatchSize { get; init; }
    public int ProbeEpochs { get; init; } = 30;
    public long Seed { get; init; } = 42;
    public string Output { get; init; } = Path.Combine("out", "fashion-simclr");
    public string? Data { get; init; }
    public string Device { get; init; } = "auto";
    public int? TrainLimit { get; init; }
    public bool Baseline { get; init; } = true;
    public bool CheckNumerics { get; init; }
    public SslDsl.TrainingPrecision? Precision { get; init; }
    public RunControl Run { get; init; } = new();

    /// <summary>The command line: every property above as an option, with its default.</summary>
    public static SampleCommand<SampleOptions> CommandLine()
    {
        var d = new SampleOptions();
        return new SampleCommand<SampleOptions>(
            """
            Pretrains SimCLR on Fashion-MNIST (60,000 unlabelled images), then reports the test accuracy of one linear
            probe protocol (settings chosen on the last 5,000 training images) on the pretrained encoder, on the same
            architecture untrained, and on the raw pixels.
            """, d)
            .Add(CliOptions.OptionalPositive("--epochs", $"pretraining epochs (default: the declared {FashionSimClr.DeclaredTraining.Epochs})"), (o, v) => o with { Epochs = v })
            .Add(CliOptions.OptionalPositive("--batch-size", $"pretraining batch size (default: the declared {FashionSimClr.DeclaredTraining.BatchSize})"), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.Positive("--probe-epochs", "epochs of each linear probe over cached features", d.ProbeEpochs), (o, v) => o with { ProbeEpochs = v })
            .Add(CliOptions.Integer("--seed", "seed of weights, shuffling and augmentations", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Text("--out", "output folder for metrics, checkpoints, plots, summary", d.Output, "DIR"), (o, v) => o with { Output = v })
            .Add(CliOptions.OptionalText("--data", "folder with the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Device(), (o, v) => o with { Device = v })
            .Add(CliOptions.Precision(), (o, v) => o with { Precision = v })
            .Add(CliOptions.OptionalPositive("--train-limit", "use only the first N training images (quick runs)"), (o, v) => o with { TrainLimit = v })
            .Add(CliOptions.Flag("--no-baseline", "skip the untrained-architecture and raw-pixel probes"), (o, v) => o with { Baseline = !v })
            .Add(CliOptions.Flag("--check-numerics", "name the module whose output or gradient first becomes NaN or infinite (slower; docs/numerics.md)"), (o, v) => o with { CheckNumerics = v })
            .AddRunControl((o, v) => o with { Run = v });
    }
}
