using System;
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

    /// <summary>Print the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>The --help text.</summary>
    public const string Usage = """
        Pretrains the main job's SimCLR task (samples/FashionMnist.SimClr) on images read from a folder as training goes,
        then reports the test accuracy of the linear probe (settings chosen on a seeded 1/12 of the training images).
        The folder holds train/<class>/*.png and test/<class>/*.png; --export writes Fashion-MNIST that way.

        Usage: dotnet run --project samples/ImageFolder.SimClr -c Release -- --folder DIR [options]
               dotnet run --project samples/ImageFolder.SimClr -c Release -- --export DIR [--limit N] [--data DIR]
          --folder DIR        the image folder to pretrain on (train/ and test/ class folders)
          --export DIR        write Fashion-MNIST as PNG class folders into DIR/train and DIR/test, then stop
          --limit N           export only the first N images of each split (default all)
          --data DIR          folder with the Fashion-MNIST IDX files to export (default /usr/share/datasets/fashion-mnist)
          --epochs N          pretraining epochs (default: the declared 3)
          --batch-size N      pretraining batch size (default: the declared 256)
          --probe-epochs N    epochs of the linear probe over cached features (default 30)
          --seed N            seed of weights, shuffling, augmentations and the validation draw (default 42)
          --workers N         decoding threads (default: half the cores, at least 1)
          --out DIR           output folder for metrics, checkpoints, summary.json, results.md (default out/image-folder-simclr)
          --device D          auto, cpu or cuda (default auto)
          --quiet             no progress bars
          -h, --help          this text
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option, a bad value, or neither --folder nor --export; the message says which.</exception>
    public static FolderOptions Parse(string[] args)
    {
        var o = new FolderOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            o = arg switch
            {
                "--folder" => o with { Folder = OptionValues.Next(args, ref i, arg) },
                "--export" => o with { Export = OptionValues.Next(args, ref i, arg) },
                "--limit" => o with { Limit = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--data" => o with { Data = OptionValues.Next(args, ref i, arg) },
                "--epochs" => o with { Epochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--batch-size" => o with { BatchSize = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--probe-epochs" => o with { ProbeEpochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--seed" => o with { Seed = OptionValues.Seed(arg, OptionValues.Next(args, ref i, arg)) },
                "--workers" => o with { Workers = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--out" => o with { Output = OptionValues.Next(args, ref i, arg) },
                "--device" => o with { Device = OptionValues.Next(args, ref i, arg) },
                "--quiet" => o with { Progress = false },
                "-h" or "--help" => o with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the list."),
            };
        }

        if (!o.Help && (o.Folder is null) == (o.Export is null))
        {
            throw new ArgumentException("Pass either --folder DIR (pretrain on a folder) or --export DIR (write Fashion-MNIST as PNG folders). Run with --help for the list.");
        }

        return o;
    }
}
