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

    /// <summary>What to do with a run already in <see cref="Output"/>: resume it or replace it.</summary>
    public RunControl Run { get; init; } = new();

    /// <summary>Parses <paramref name="args"/> as the command line does.</summary>
    /// <exception cref="System.ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static ScarfOptions Parse(params string[] args) => CommandLine().Parse(args);

    /// <summary>The command line: every property above as an option, with its default.</summary>
    internal static SampleCommand<ScarfOptions> CommandLine()
    {
        var d = new ScarfOptions();
        return new SampleCommand<ScarfOptions>(
            """
            Pretrains SCARF (feature corruption + InfoNCE, MLP encoder) on the training rows of scikit-learn's
            Wisconsin breast cancer table (labels unused), then compares test accuracy on a fixed stratified split:
              - a linear probe on the frozen SCARF encoder,
              - a linear probe on the same MLP left at its random initialisation (frozen),
              - the same MLP trained from scratch with the labels (supervised, same downstream epochs),
              - logistic regression on the raw standardized features.
            """, d)
            .Add(CliOptions.Positive("--epochs", "pretraining epochs", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.Positive("--batch-size", "pretraining batch size", d.BatchSize), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.Positive("--downstream-epochs", "epochs of each downstream run (a linear probe runs at least 500 steps: more epochs on few rows)", d.DownstreamEpochs), (o, v) => o with { DownstreamEpochs = v })
            .Add(CliOptions.Integer("--seed", "seed of split, weights, shuffling and corruption", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Fraction("--test-fraction", "fraction of rows held out for testing", d.TestFraction), (o, v) => o with { TestFraction = v })
            .Add(CliOptions.OptionalPositive("--limit", "use only the first N rows (default all 569)"), (o, v) => o with { Limit = v })
            .Add(CliOptions.Text("--out", "output folder: metrics, checkpoints, summary.json, results.md", d.Output, "DIR"), (o, v) => o with { Output = v })
            .Add(CliOptions.OptionalText("--data", "data folder of scripts/fetch-data.sh (default $SSLDSL_DATA, else ./.data)", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Device(), (o, v) => o with { Device = v })
            .Add(CliOptions.Flag("--quiet", "no progress bars"), (o, v) => o with { Progress = !v })
            .AddRunControl((o, v) => o with { Run = v });
    }
}
