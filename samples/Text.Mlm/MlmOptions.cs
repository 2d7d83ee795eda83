using System;
using System.IO;
using SslDsl;
using SslDslSamples;

namespace TextMlmSample;

/// <summary>Command-line options of the MLM sample; every value is checked with a message that says what to pass.</summary>
public sealed record MlmOptions
{
    /// <summary>Pretraining epochs.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Pretraining batch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Epochs of every downstream run.</summary>
    public int DownstreamEpochs { get; init; } = 5;

    /// <summary>Seed of the split, weights, shuffling and masking.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Fortunes in the unlabelled pretraining pool (all files, test entries excluded).</summary>
    public int Limit { get; init; } = 4_000;

    /// <summary>Labelled fortunes per class file at most (before the split); null for all.</summary>
    public int? PerClassLimit { get; init; }

    /// <summary>Output folder.</summary>
    public string Output { get; init; } = Path.Combine("out", "text-mlm");

    /// <summary>The fortune folder.</summary>
    public string Data { get; init; } = TextCorpus.FortunesDirectory;

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Show progress bars.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>Print the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>The --help text.</summary>
    public const string Usage = """
        Pretrains a small byte-level transformer with masked language modelling (MaskTokens 0.15/0.8/0.1) on
        fortunes (/usr/share/games/fortunes), then measures:
          - held-out masked-byte accuracy of the pretrained model vs always predicting the most frequent byte;
          - which of 5 fortune files (computers, people, politics, science, songs-poems) a fortune comes from,
            from its first 62 bytes: linear probe on the frozen MLM encoder vs a linear probe on the same
            transformer at its random initialisation vs the same transformer trained from scratch with the labels.
        The test fortunes (20% of each class file) are never seen in pretraining.

        Usage: dotnet run --project samples/Text.Mlm -c Release -- [options]
          --epochs N            pretraining epochs (default 3)
          --batch-size N        pretraining batch size (default 64)
          --downstream-epochs N epochs of each downstream run (default 5)
          --seed N              seed of split, weights, shuffling and masking (default 42)
          --limit N             fortunes in the pretraining pool (default 4000)
          --per-class-limit N   at most N labelled fortunes per class file (default all)
          --out DIR             output folder: metrics, checkpoints, summary.json, results.md (default out/text-mlm)
          --data DIR            fortune folder (default /usr/share/games/fortunes)
          --device D            auto, cpu or cuda (default auto)
          --quiet               no progress bars
          -h, --help            this text
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static MlmOptions Parse(string[] args)
    {
        var o = new MlmOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            o = arg switch
            {
                "--epochs" => o with { Epochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--batch-size" => o with { BatchSize = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--downstream-epochs" => o with { DownstreamEpochs = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--seed" => o with { Seed = OptionValues.Seed(arg, OptionValues.Next(args, ref i, arg)) },
                "--limit" => o with { Limit = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
                "--per-class-limit" => o with { PerClassLimit = OptionValues.Positive(arg, OptionValues.Next(args, ref i, arg)) },
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
