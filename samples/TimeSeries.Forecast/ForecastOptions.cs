using System.IO;
using SslDslSamples;

namespace TimeSeriesForecastSample;

/// <summary>Command-line options of the forecasting sample; every value is checked with a message that says what to pass.</summary>
public sealed record ForecastOptions
{
    /// <summary>Pretraining epochs.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Batch size of every run.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Epochs of the fine-tuning run and of the from-scratch run with the same budget.</summary>
    public int DownstreamEpochs { get; init; } = 5;

    /// <summary>Seed of weights, shuffling and augmentations.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Fraction of the series (its end) held out for testing.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Use only the first N weeks of the series (quick runs); null for all 2,284.</summary>
    public int? Limit { get; init; }

    /// <summary>Output folder.</summary>
    public string Output { get; init; } = Path.Combine("out", "timeseries-forecast");

    /// <summary>The data folder of scripts/fetch-data.sh; null for $SSLDSL_DATA or ./.data.</summary>
    public string? Data { get; init; }

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Show progress bars.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>What to do with the pretraining run already in <see cref="Output"/>: resume it or replace it (the downstream runs are always recomputed).</summary>
    public RunControl Run { get; init; } = new();

    /// <summary>Parses <paramref name="args"/> as the command line does.</summary>
    /// <exception cref="System.ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static ForecastOptions Parse(params string[] args) => CommandLine().Parse(args);

    /// <summary>The command line: every property above as an option, with its default.</summary>
    internal static SampleCommand<ForecastOptions> CommandLine()
    {
        var d = new ForecastOptions();
        return new SampleCommand<ForecastOptions>(
            """
            Forecasting on Mauna Loa weekly CO2 (statsmodels' co2, 1958-2001): windows of 64 weeks, the last 8 forecast
            from the first 56; the last 20% of the series is the test period. Pretrains a Conv1d encoder on augmented
            windows (Scaling, Jitter, TimeMask + ForecastLoss), fine-tunes it with a new head on clean windows, and
            compares the test MSE and MAE (ppm) with:
              - the same model trained from scratch for the fine-tuning epochs, and for pretraining + fine-tuning epochs,
              - the naive forecast (last observed value) and the seasonal naive forecast (the value 52 weeks earlier).
            """, d)
            .Add(CliOptions.Positive("--epochs", "pretraining epochs", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.Positive("--batch-size", "batch size", d.BatchSize), (o, v) => o with { BatchSize = v })
            .Add(CliOptions.Positive("--downstream-epochs", "fine-tuning epochs", d.DownstreamEpochs), (o, v) => o with { DownstreamEpochs = v })
            .Add(CliOptions.Integer("--seed", "seed of weights, shuffling and augmentations", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Fraction("--test-fraction", "fraction of the series held out at its end", d.TestFraction), (o, v) => o with { TestFraction = v })
            .Add(CliOptions.OptionalPositive("--limit", "use only the first N weeks of the series (default all 2284)"), (o, v) => o with { Limit = v })
            .Add(CliOptions.Text("--out", "output folder: metrics, checkpoints, summary.json, results.md", d.Output, "DIR"), (o, v) => o with { Output = v })
            .Add(CliOptions.OptionalText("--data", "data folder of scripts/fetch-data.sh (default $SSLDSL_DATA, else ./.data)", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Device(), (o, v) => o with { Device = v })
            .Add(CliOptions.Flag("--quiet", "no progress bars"), (o, v) => o with { Progress = !v })
            .AddRunControl((o, v) => o with { Run = v });
    }
}
