using System;
using System.Globalization;
using System.IO;

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
    public bool Resume { get; init; }
    public bool Baseline { get; init; } = true;
    public bool Help { get; init; }

    public const string Usage = """
        Pretrains SimCLR on Fashion-MNIST (60,000 unlabelled images), then reports the test accuracy of one linear
        probe protocol (settings chosen on the last 5,000 training images) on the pretrained encoder, on the same
        architecture untrained, and on the raw pixels.

        Usage: dotnet run --project samples/FashionMnist.SimClr -c Release -- [options]
          --epochs N          pretraining epochs (default: the declared 3)
          --batch-size N      pretraining batch size (default: the declared 256)
          --probe-epochs N    epochs of each linear probe over cached features (default 30)
          --seed N            seed of weights, shuffling and augmentations (default 42)
          --out DIR           output folder for metrics, checkpoints, plots, summary (default out/fashion-simclr)
          --data DIR          folder with the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)
          --device D          auto, cpu or cuda (default auto: CUDA when available)
          --train-limit N     use only the first N training images (quick runs)
          --resume            continue from the last checkpoint in --out
          --no-baseline       skip the untrained-architecture and raw-pixel probes
        """;

    public static SampleOptions Parse(string[] args)
    {
        var o = new SampleOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {arg} needs a value.");
            int Positive(string v) => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"Option {arg} needs a whole number >= 1; got '{v}'.");
            o = arg switch
            {
                "--epochs" => o with { Epochs = Positive(Value()) },
                "--batch-size" => o with { BatchSize = Positive(Value()) },
                "--probe-epochs" => o with { ProbeEpochs = Positive(Value()) },
                "--seed" => o with { Seed = long.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : throw new ArgumentException($"Option --seed needs an integer.") },
                "--out" => o with { Output = Value() },
                "--data" => o with { Data = Value() },
                "--device" => o with { Device = Value() },
                "--train-limit" => o with { TrainLimit = Positive(Value()) },
                "--resume" => o with { Resume = true },
                "--no-baseline" => o with { Baseline = false },
                "-h" or "--help" => o with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the list."),
            };
        }

        return o;
    }
}
