using System.IO;
using SslDslSamples;

namespace FashionMaeSample;

/// <summary>Command-line options of the MAE sample; every value is checked with a message that says what to pass.</summary>
public sealed record MaeOptions
{
    /// <summary>Pretraining epochs.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Pretraining batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Epochs of the supervised baseline (the linear probes train the declared FineTune epochs on cached features).</summary>
    public int DownstreamEpochs { get; init; } = 5;

    /// <summary>Seed of weights, shuffling and masks.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Output folder for metrics, checkpoints and the summary.</summary>
    public string Output { get; init; } = Path.Combine("out", "fashion-mae");

    /// <summary>Folder with the Fashion-MNIST IDX files; null for the default.</summary>
    public string? Data { get; init; }

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Training images used (pretraining and downstream), the first N of the training split.</summary>
    public int TrainLimit { get; init; } = 6_000;

    /// <summary>Test images evaluated, the first N of the test split; null for all 10,000.</summary>
    public int? TestLimit { get; init; }

    /// <summary>Show per-epoch progress bars.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>What to do with a run already in <see cref="Output"/>: resume it or replace it.</summary>
    public RunControl Run { get; init; } = new();

    /// <summary>Parses <paramref name="args"/> as the command line does.</summary>
    /// <exception cref="System.ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static MaeOptions Parse(params string[] args) => CommandLine().Parse(args);

    /// <summary>The command line: every property above as an option, with its default.</summary>
    internal static SampleCommand<MaeOptions> CommandLine()
    {
        var d = new MaeOptions();
        return new SampleCommand<MaeOptions>(
            """
            Pretrains an MAE-style masked autoencoder (75% of 4x4 patches hidden, pixels of the hidden patches
            reconstructed) on Fashion-MNIST training images without labels, then compares, on the test images:
              - a linear probe on the frozen MAE encoder,
              - a linear probe on the same encoder left at its random initialisation (frozen),
              - the same encoder trained from scratch with the labels (supervised, its own epochs).
            """, d)
            .Add(CliOptions.Positive("--epochs", "pretraining epochs", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.Positive("--batch-size", "pretraining batch size", d.BatchSize), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.Positive("--downstream-epochs", "epochs of the supervised baseline (the probes train the declared 300 epochs on cached features)", d.DownstreamEpochs), (o, v) => o with { DownstreamEpochs = v })
            .Add(CliOptions.Integer("--seed", "seed of weights, shuffling and masks", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Text("--out", "output folder: metrics, checkpoints, summary.json, results.md", d.Output, "DIR"), (o, v) => o with { Output = v })
            .Add(CliOptions.OptionalText("--data", "folder with the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Device(), (o, v) => o with { Device = v })
            .Add(CliOptions.Positive("--limit", "use the first N training images (60000 = all)", d.TrainLimit), (o, v) => o with { TrainLimit = v })
            .Add(CliOptions.OptionalPositive("--test-limit", "evaluate on the first N test images (default all 10000)"), (o, v) => o with { TestLimit = v })
            .Add(CliOptions.Flag("--quiet", "no progress bars"), (o, v) => o with { Progress = !v })
            .AddRunControl((o, v) => o with { Run = v });
    }
}
