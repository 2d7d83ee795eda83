using System.IO;
using SslDslSamples;

namespace ImageFolderSample;

/// <summary>Command-line options of the image-folder sample; every value is checked with a message that says what to pass.</summary>
public sealed record FolderOptions
{
    /// <summary>The folder with train/ and test/ class folders to pretrain on and probe; null when only exporting.</summary>
    public string? Folder { get; init; }

    /// <summary>Write Fashion-MNIST as PNG class folders here (train/ and test/) instead of training.</summary>
    public string? Export { get; init; }

    /// <summary>Export at most this many images of each split (the first ones); null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>The folder with the Fashion-MNIST IDX files to export; null for the default.</summary>
    public string? Data { get; init; }

    /// <summary>Pretraining epochs; null keeps the declared value.</summary>
    public int? Epochs { get; init; }

    /// <summary>Pretraining batch size; null keeps the declared value.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Epochs of the linear probe over cached features.</summary>
    public int ProbeEpochs { get; init; } = 30;

    /// <summary>Seed of weights, shuffling, augmentations and the validation draw.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Decoding threads.</summary>
    public int Workers { get; init; } = SslDsl.DataLoaderOptions.Default.Workers;

    /// <summary>Output folder.</summary>
    public string Output { get; init; } = Path.Combine("out", "image-folder-simclr");

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Show progress bars.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>What to do with a run already in <see cref="Output"/>: resume it or replace it.</summary>
    public RunControl Run { get; init; } = new();

    /// <summary>Parses <paramref name="args"/> as the command line does.</summary>
    /// <exception cref="System.ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static FolderOptions Parse(params string[] args) => CommandLine().Parse(args);

    /// <summary>The command line: every property above as an option, with its default.</summary>
    internal static SampleCommand<FolderOptions> CommandLine()
    {
        var d = new FolderOptions();
        return new SampleCommand<FolderOptions>(
            """
            Pretrains the main job's SimCLR task (samples/FashionMnist.SimClr) on images read from a folder as training
            goes, then reports the test accuracy of the linear probe (settings chosen on a seeded 1/12 of the training
            images). The folder holds train/<class>/*.png and test/<class>/*.png; --export writes Fashion-MNIST that way
            (scripts/fashion-mnist-png.sh runs it).
            """, d)
            .Add(CliOptions.OptionalText("--folder", "the image folder to pretrain on (train/ and test/ class folders)", "DIR"), (o, v) => o with { Folder = v })
            .Add(CliOptions.OptionalText("--export", "write Fashion-MNIST as PNG class folders into DIR/train and DIR/test, then stop", "DIR"), (o, v) => o with { Export = v })
            .Add(CliOptions.OptionalPositive("--limit", "export only the first N images of each split (default all)"), (o, v) => o with { Limit = v })
            .Add(CliOptions.OptionalText("--data", "folder with the Fashion-MNIST IDX files to export (default /usr/share/datasets/fashion-mnist)", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.OptionalPositive("--epochs", "pretraining epochs (default: the declared value)"), (o, v) => o with { Epochs = v })
            .Add(CliOptions.OptionalPositive("--batch-size", "pretraining batch size (default: the declared value)"), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.Positive("--probe-epochs", "epochs of the linear probe over cached features", d.ProbeEpochs), (o, v) => o with { ProbeEpochs = v })
            .Add(CliOptions.Integer("--seed", "seed of weights, shuffling, augmentations and the validation draw", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Positive("--workers", "decoding threads", d.Workers), (o, v) => o with { Workers = v })
            .Add(CliOptions.Text("--out", "output folder: metrics, checkpoints, summary.json, results.md", d.Output, "DIR"), (o, v) => o with { Output = v })
            .Add(CliOptions.Device(), (o, v) => o with { Device = v })
            .Add(CliOptions.Flag("--quiet", "no progress bars"), (o, v) => o with { Progress = !v })
            .AddRunControl((o, v) => o with { Run = v });
    }
}
