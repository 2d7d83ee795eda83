using System.IO;
using SslDsl;
using SslDslSamples;

namespace TextMlmSample;

/// <summary>Command-line options of the MLM sample; every value is checked with a message that says what to pass.</summary>
public sealed record MlmOptions
{
    /// <summary>Pretraining epochs (fewer do not pay: see docs/samples.md).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Pretraining batch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Epochs of the supervised baseline (the linear probes train the declared FineTune epochs on cached features).</summary>
    public int DownstreamEpochs { get; init; } = 5;

    /// <summary>Seed of the split, weights, shuffling and masking.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Fortunes in the unlabelled pretraining pool (all files, test entries excluded).</summary>
    public int Limit { get; init; } = 8_000;

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

    /// <summary>What to do with a run already in <see cref="Output"/>: resume it or replace it.</summary>
    public RunControl Run { get; init; } = new();

    /// <summary>Parses <paramref name="args"/> as the command line does.</summary>
    /// <exception cref="System.ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static MlmOptions Parse(params string[] args) => CommandLine().Parse(args);

    /// <summary>The command line: every property above as an option, with its default.</summary>
    internal static SampleCommand<MlmOptions> CommandLine()
    {
        var d = new MlmOptions();
        return new SampleCommand<MlmOptions>(
            """
            Pretrains a small byte-level transformer with masked language modelling (MaskTokens 0.4/0.8/0.1) on
            fortunes (/usr/share/games/fortunes), then measures:
              - held-out masked-byte accuracy of the pretrained model vs always predicting the most frequent byte;
              - which of 5 fortune files (computers, people, politics, science, songs-poems) a fortune comes from,
                from its first 62 bytes: linear probe on the frozen MLM encoder vs a linear probe on the same
                transformer at its random initialisation vs the same transformer trained from scratch with the labels.
            The test fortunes (20% of each class file) are never seen in pretraining.
            """, d)
            .Add(CliOptions.Positive("--epochs", "pretraining epochs", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.Positive("--batch-size", "pretraining batch size", d.BatchSize), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.Positive("--downstream-epochs", "epochs of the supervised baseline (the probes train the declared 200 epochs on cached features)", d.DownstreamEpochs), (o, v) => o with { DownstreamEpochs = v })
            .Add(CliOptions.Integer("--seed", "seed of split, weights, shuffling and masking", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Positive("--limit", "fortunes in the pretraining pool", d.Limit), (o, v) => o with { Limit = v })
            .Add(CliOptions.OptionalPositive("--per-class-limit", "at most N labelled fortunes per class file (default all)"), (o, v) => o with { PerClassLimit = v })
            .Add(CliOptions.Text("--out", "output folder: metrics, checkpoints, summary.json, results.md", d.Output, "DIR"), (o, v) => o with { Output = v })
            .Add(CliOptions.Text("--data", "fortune folder", d.Data, "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Device(), (o, v) => o with { Device = v })
            .Add(CliOptions.Flag("--quiet", "no progress bars"), (o, v) => o with { Progress = !v })
            .AddRunControl((o, v) => o with { Run = v });
    }
}
