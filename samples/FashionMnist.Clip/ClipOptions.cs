using System.IO;
using SslDslSamples;

namespace FashionClipSample;

/// <summary>Command-line options of the CLIP sample; every value is checked with a message that says what to pass.</summary>
public sealed record ClipOptions
{
    /// <summary>Pretraining epochs (CLIP and the SimCLR baseline).</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Pretraining batch size (CLIP and the SimCLR baseline).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seed of weights, shuffling, augmentations and captions.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Output folder for metrics, checkpoints and the summary.</summary>
    public string Output { get; init; } = Path.Combine("out", "fashion-clip");

    /// <summary>Folder with the Fashion-MNIST IDX files; null for the default.</summary>
    public string? Data { get; init; }

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Training images used (pretraining and probes), the first N of the training split.</summary>
    public int TrainLimit { get; init; } = 6_000;

    /// <summary>Test images evaluated, the first N of the test split; null for all 10,000.</summary>
    public int? TestLimit { get; init; }

    /// <summary>Whether to pretrain and probe the image-only SimCLR baseline too.</summary>
    public bool Baseline { get; init; } = true;

    /// <summary>Show per-epoch progress bars.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>What to do with a run already in <see cref="Output"/>: resume it or replace it.</summary>
    public RunControl Run { get; init; } = new();

    /// <summary>Parses <paramref name="args"/> as the command line does.</summary>
    /// <exception cref="System.ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static ClipOptions Parse(params string[] args) => CommandLine().Parse(args);

    /// <summary>The command line: every property above as an option, with its default.</summary>
    internal static SampleCommand<ClipOptions> CommandLine()
    {
        var d = new ClipOptions();
        return new SampleCommand<ClipOptions>(
            """
            Pretrains CLIP on Fashion-MNIST images paired with captions built from their class names and 8 templates,
            then reports, on the test images:
              - zero-shot accuracy with 3 held-out prompt templates (never captions) and with the training templates,
              - a linear probe on the frozen CLIP image encoder,
              - a linear probe on the same encoder at its random initialisation,
              - a linear probe on the same encoder pretrained with image-only SimCLR at the same budget.
            """, d)
            .Add(CliOptions.Positive("--epochs", "pretraining epochs (CLIP and SimCLR)", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.Positive("--batch-size", "pretraining batch size (CLIP and SimCLR)", d.BatchSize), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.Integer("--seed", "seed of weights, shuffling, augmentations and captions", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Text("--out", "output folder: metrics, checkpoints, summary.json, results.md", d.Output, "DIR"), (o, v) => o with { Output = v })
            .Add(CliOptions.OptionalText("--data", "folder with the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Device(), (o, v) => o with { Device = v })
            .Add(CliOptions.Positive("--limit", "use the first N training images (60000 = all)", d.TrainLimit), (o, v) => o with { TrainLimit = v })
            .Add(CliOptions.OptionalPositive("--test-limit", "evaluate on the first N test images (default all 10000)"), (o, v) => o with { TestLimit = v })
            .Add(CliOptions.Flag("--no-baseline", "skip the SimCLR baseline"), (o, v) => o with { Baseline = !v })
            .Add(CliOptions.Flag("--quiet", "no progress bars"), (o, v) => o with { Progress = !v })
            .AddRunControl((o, v) => o with { Run = v });
    }
}
