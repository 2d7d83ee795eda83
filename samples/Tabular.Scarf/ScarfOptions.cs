using System;
using System.IO;
using SslDslSamples;

namespace TabularScarfSample;

/// <summary>Command-line options of the SCARF sample; every value is checked with a message that says what to pass.</summary>
public sealed record ScarfOptions
{
    /// <summary>Pretraining epochs.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Pretraining batch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Epochs of every downstream run.</summary>
    public int DownstreamEpochs { get; init; } = 50;

    /// <summary>Seed of the split, weights, shuffling and corruption.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Fraction of the rows held out for testing (stratified).</summary>
    public double TestFraction { get; init; } = 0.3;

    /// <summary>Use only the first N rows of the table (quick runs); null for all 569.</summary>
    public int? Limit { get; init; }

    /// <summary>Output folder.</summary>
    public string Output { get; init; } = Path.Combine("out", "tabular-scarf");

    /// <summary>The data folder of scripts/fetch-data.sh; null for $SSLDSL_DATA or ./.data.</summary>
    public string? Data { get; init; }

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Show progress bars.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>Print the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>The --help text.</summary>
    public const string Usage = """
        Pretrains SCARF (feature corruption + InfoNCE, MLP encoder) on the training rows of scikit-learn's
        Wisconsin breast cancer table (labels unused), then compares test accuracy on a fixed stratified split:
          - a linear probe on the frozen SCARF encoder,
          - a linear probe on the same MLP left at its random initialisation (frozen),
          - the same MLP trained from scratch with the labels (supervised, same downstream epochs),
          - logistic regression on the raw standardized features.

        Usage: dotnet run --project samples/Tabular.Scarf -c Release -- [options]
          --epochs N            pretraining epochs (default 100)
          --batch-size N        pretraining batch size (default 64)
          --downstream-epochs N epochs of each downstream run (default 50)
          --seed N              seed of split, weights, shuffling and corruption (default 42)
          --test-fraction F     fraction of rows held out for testing (default 0.3)
          --limit N             use only the first N rows (default all 569)
          --out DIR             output folder: metrics, checkpoints, summary.json, results.md (default out/tabular-scarf)
          --data DIR            data folder of scripts/fetch-data.sh (default $SSLDSL_DATA, else ./.data)
          --device D            auto, cpu or cuda (default auto)
          --quiet               no progress bars
          -h, --help            this text
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static ScarfOptions Parse(string[] args)
    {
        var o = new ScarfOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            o = arg switch
            {
                "--epochs" => o with { Epochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--batch-size" => o with { BatchSize = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--downstream-epochs" => o with { DownstreamEpochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--seed" => o with { Seed = OptionValues.Seed(arg, OptionValues.Next(args, ref i, arg)) },
                "--test-fraction" => o with { TestFraction = OptionValues.Fraction(arg, OptionValues.Next(args, ref i, arg)) },
                "--limit" => o with { Limit = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--out" => o with { Output = OptionValues.Next(args, ref i, arg) },
                "--data" => o with { Data = OptionValues.Next(args, ref i, arg) },
                "--device" => o with { Device = OptionValues.Next(args, ref i, arg) },
                "--quiet" => o with { Progress = false },
                "-h" or "--help" => o with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the list."),
            };
        }

        return o;
    }
}
