using System;
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

    /// <summary>Print the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>The --help text.</summary>
    public const string Usage = """
        Forecasting on Mauna Loa weekly CO2 (statsmodels' co2, 1958-2001): windows of 64 weeks, the last 8 forecast
        from the first 56; the last 20% of the series is the test period. Pretrains a Conv1d encoder on augmented
        windows (Scaling, Jitter, TimeMask + ForecastLoss), fine-tunes it with a new head on clean windows, and
        compares the test MSE and MAE (ppm) with:
          - the same model trained from scratch for the fine-tuning epochs, and for pretraining + fine-tuning epochs,
          - the naive forecast (last observed value) and the seasonal naive forecast (the value 52 weeks earlier).

        Usage: dotnet run --project samples/TimeSeries.Forecast -c Release -- [options]
          --epochs N            pretraining epochs (default 10)
          --batch-size N        batch size (default 64)
          --downstream-epochs N fine-tuning epochs (default 5)
          --seed N              seed of weights, shuffling and augmentations (default 42)
          --test-fraction F     fraction of the series held out at its end (default 0.2)
          --limit N             use only the first N weeks of the series (default all 2284)
          --out DIR             output folder: metrics, checkpoints, summary.json, results.md (default out/timeseries-forecast)
          --data DIR            data folder of scripts/fetch-data.sh (default $SSLDSL_DATA, else ./.data)
          --device D            auto, cpu or cuda (default auto)
          --quiet               no progress bars
          -h, --help            this text
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static ForecastOptions Parse(string[] args)
    {
        var o = new ForecastOptions();
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
