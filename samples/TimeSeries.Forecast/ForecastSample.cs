using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using SslDsl;
using SslDslSamples;
using TorchSharp;

namespace TimeSeriesForecastSample;

/// <summary>What one run of the forecasting sample measured (also written to summary.json). Errors are in ppm (MSE in ppm^2).</summary>
/// <param name="PretextTask">The pretext task's name.</param>
/// <param name="Weeks">Weeks of the series used.</param>
/// <param name="TrainWindows">Training windows.</param>
/// <param name="TestWindows">Test windows (from the held-out end of the series).</param>
/// <param name="PretrainEpochs">Pretraining epochs run.</param>
/// <param name="DownstreamEpochs">Fine-tuning epochs.</param>
/// <param name="FinalPretrainLoss">Mean forecast loss (on augmented windows) of the last pretraining epoch.</param>
/// <param name="Pretrained">Errors of the pretrained encoder fine-tuned with a new head.</param>
/// <param name="Scratch">Errors of the same model trained from scratch for the fine-tuning epochs.</param>
/// <param name="ScratchLong">Errors of the same model trained from scratch for pretraining + fine-tuning epochs.</param>
/// <param name="LastValue">Errors of the naive forecast (last observed value).</param>
/// <param name="SeasonalNaive">Errors of the seasonal naive forecast (52 weeks earlier).</param>
/// <param name="PretrainSeconds">Wall time of pretraining.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record ForecastSummary(
    string PretextTask, int Weeks, long TrainWindows, long TestWindows, int PretrainEpochs, int DownstreamEpochs, double FinalPretrainLoss,
    ForecastError Pretrained, ForecastError Scratch, ForecastError ScratchLong, ForecastError LastValue, ForecastError SeasonalNaive,
    double PretrainSeconds, double TotalSeconds);

/// <summary>The forecasting sample: window the series, pretrain, fine-tune, train the baselines, compare, write the summary.</summary>
public static class ForecastSample
{
    /// <summary>Runs the sample with <paramref name="options"/>, printing to <paramref name="log"/>; writes summary.json and results.md to the output folder.</summary>
    /// <exception cref="FileNotFoundException">co2.csv is missing (run scripts/fetch-data.sh).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped the pretraining (a resumable checkpoint was saved).</exception>
    public static ForecastSummary Run(ForecastOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var device = Devices.Parse(options.Device);
        var series = StatsmodelsDatasets.Co2(options.Data);
        if (options.Limit is int limit && limit < series.Length)
        {
            series = series[..limit];
        }

        var split = SeriesWindows.ChronologicalSplit(series, Co2Windows.Length, stride: 1, options.TestFraction, "co2");
        using var rawTrain = split.Train;
        using var rawTest = split.Test;
        using var train = ForecastErrors.CenterOnContext(rawTrain);
        using var test = ForecastErrors.CenterOnContext(rawTest);
        double scale = split.Statistics.Std;

        log.WriteLine(Co2ForecastPretext.Describe());

        // 1. Self-supervised pretraining: forecasting on augmented training windows. --resume / --overwrite apply to it;
        //    the downstream runs below are recomputed from it every time (they overwrite their own folders).
        using var pretrainer = new Co2ForecastPretext.Trainer(Options(options, options.Epochs, Path.Combine(options.Output, "pretrain"), device, log, options.Run));
        log.WriteLine(pretrainer.DescribeSettings());
        log.WriteLine($"Device: {device}; {series.Length} weeks; {train.Count} training and {test.Count} test windows of {Co2Windows.Length} weeks (stride 1), forecast {Co2Windows.Horizon} from {Co2Windows.Context}.");
        log.WriteLine();
        var fit = Pretraining.Fit(pretrainer, train, cancel);

        // 2. Fine-tuning: the pretrained encoder with a new head, on clean windows.
        ForecastError pretrained, scratch, scratchLong;
        using (var model = NewForecaster(options.Seed, pretrainer.Model.Encoder))
        using (var tuner = new Co2Forecaster.Trainer(model, Options(options, options.DownstreamEpochs, Path.Combine(options.Output, "finetune"), device, log)))
        {
            tuner.Fit(train);
            pretrained = ForecastErrors.OfModel(model, test, device, scale);
        }

        // 3. From scratch, with the fine-tuning budget and with the whole budget (pretraining + fine-tuning epochs).
        scratch = TrainFromScratch(options, options.DownstreamEpochs, "scratch", train, test, device, scale, log);
        scratchLong = TrainFromScratch(options, options.Epochs + options.DownstreamEpochs, "scratch-long", train, test, device, scale, log);
        var lastValue = ForecastErrors.OfLastValue(test, scale);
        var seasonal = ForecastErrors.OfSeasonalNaive(test, scale);

        var summary = new ForecastSummary(Co2ForecastPretext.TaskName, series.Length, train.Count, test.Count, fit.Epochs.Count, options.DownstreamEpochs,
            fit.Epochs.Count > 0 ? fit.Epochs[^1].Loss : double.NaN, pretrained, scratch, scratchLong, lastValue, seasonal, fit.Seconds, clock.Elapsed.TotalSeconds);
        static double[] V(ForecastError e) => new[] { e.Mse, e.Mae };
        string markdown = ResultTable.Markdown(new[] { "test MSE (ppm^2)", "test MAE (ppm)" }, new[]
        {
            new ResultRow("pretrained encoder + new head, fine-tuned", V(pretrained), $"{fit.Epochs.Count} pretraining + {options.DownstreamEpochs} fine-tuning epochs"),
            new ResultRow("same model from scratch", V(scratch), $"{options.DownstreamEpochs} epochs"),
            new ResultRow("same model from scratch, whole budget", V(scratchLong), $"{options.Epochs + options.DownstreamEpochs} epochs"),
            new ResultRow("naive: last observed value", V(lastValue), "nothing"),
            new ResultRow("seasonal naive: value 52 weeks earlier", V(seasonal), "nothing"),
        });
        log.WriteLine();
        log.WriteLine(markdown);
        log.WriteLine($"Pretraining {ConsoleProgress.FormatTime(fit.Seconds)}; total {ConsoleProgress.FormatTime(clock.Elapsed.TotalSeconds)}; outputs in {Path.GetFullPath(options.Output)}");
        ResultTable.Write(options.Output, summary, markdown);
        return summary;
    }

    private static ForecastError TrainFromScratch(ForecastOptions options, int epochs, string name, Dataset<SeriesBatch> train, Dataset<SeriesBatch> test, TorchSharp.torch.Device device, double scale, TextWriter log)
    {
        using var model = NewForecaster(options.Seed, null);
        using var trainer = new Co2Forecaster.Trainer(model, Options(options, epochs, Path.Combine(options.Output, name), device, log));
        trainer.Fit(train);
        return ForecastErrors.OfModel(model, test, device, scale);
    }

    /// <summary>A forecaster around <paramref name="encoder"/> (or a fresh one at the pretraining's initialisation), its head drawn from the seed.</summary>
    private static Co2Forecaster.Model NewForecaster(long seed, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>? encoder)
    {
        torch.manual_seed(seed);
        return encoder is null ? new Co2Forecaster.Model() : new Co2Forecaster.Model(encoder);
    }

    /// <summary>The options of one of the sample's runs; <paramref name="run"/> null for a downstream run, which replaces its earlier result.</summary>
    private static TrainingOptions Options(ForecastOptions options, int epochs, string output, TorchSharp.torch.Device device, TextWriter log, RunControl? run = null) => new()
    {
        Epochs = epochs,
        BatchSize = options.BatchSize,
        Seed = options.Seed,
        Device = device,
        OutputDirectory = output,
        ShowProgress = options.Progress,
        Log = log,
        CollapseMonitor = null,
        CheckpointEvery = Math.Max(1, epochs),
        Resume = run?.Resume ?? false,
        ResumeFrom = run?.ResumeFrom,
        Overwrite = run?.Overwrite ?? true,
        Names = CliNames.Pretraining("--limit, --test-fraction, --data"),
    };
}
