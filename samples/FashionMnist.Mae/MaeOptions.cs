using System;
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

    /// <summary>Epochs of every downstream run (linear probes and the supervised baseline).</summary>
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

    /// <summary>Print the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>The --help text.</summary>
    public const string Usage = """
        Pretrains an MAE-style masked autoencoder (75% of 4x4 patches hidden, pixels of the hidden patches
        reconstructed) on Fashion-MNIST training images without labels, then compares, on the test images:
          - a linear probe on the frozen MAE encoder,
          - a linear probe on the same encoder left at its random initialisation (frozen),
          - the same encoder trained from scratch with the labels (supervised, same downstream epochs).

        Usage: dotnet run --project samples/FashionMnist.Mae -c Release -- [options]
          --epochs N            pretraining epochs (default 3)
          --batch-size N        pretraining batch size (default 128)
          --downstream-epochs N epochs of each probe and of the supervised baseline (default 5)
          --seed N              seed of weights, shuffling and masks (default 42)
          --out DIR             output folder: metrics.csv, checkpoints, summary.json, results.md (default out/fashion-mae)
          --data DIR            folder with the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)
          --device D            auto, cpu or cuda (default auto)
          --limit N             use the first N training images (default 6000; 60000 = all)
          --test-limit N        evaluate on the first N test images (default all 10000)
          --quiet               no progress bars
          -h, --help            this text
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static MaeOptions Parse(string[] args)
    {
        var o = new MaeOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            o = arg switch
            {
                "--epochs" => o with { Epochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--batch-size" => o with { BatchSize = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--downstream-epochs" => o with { DownstreamEpochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--seed" => o with { Seed = OptionValues.Seed(arg, OptionValues.Next(args, ref i, arg)) },
                "--out" => o with { Output = OptionValues.Next(args, ref i, arg) },
                "--data" => o with { Data = OptionValues.Next(args, ref i, arg) },
                "--device" => o with { Device = OptionValues.Next(args, ref i, arg) },
                "--limit" => o with { TrainLimit = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--test-limit" => o with { TestLimit = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--quiet" => o with { Progress = false },
                "-h" or "--help" => o with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the list."),
            };
        }

        return o;
    }
}
