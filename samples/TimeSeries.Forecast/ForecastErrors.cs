using System;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace TimeSeriesForecastSample;

/// <summary>Mean squared and mean absolute error of a forecast, in the series' units.</summary>
/// <param name="Mse">Mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
public sealed record ForecastError(double Mse, double Mae);

/// <summary>Window preparation and forecast errors of models and naive forecasts on windows [N,1,Length].</summary>
public static class ForecastErrors
{
    /// <summary>Weeks in a year: the season of the seasonal naive forecast.</summary>
    public const int Season = 52;

    /// <summary>
    /// Subtracts from every window the mean of its context (its first <see cref="Co2Windows.Context"/> values), so a
    /// model forecasts the change from the recent level; the test period's level lies above every training level, which
    /// a model of absolute values could not extrapolate to. Only the context is used, so nothing of the future leaks.
    /// </summary>
    public static Dataset<SeriesBatch> CenterOnContext(Dataset<SeriesBatch> windows)
    {
        using var scope = torch.NewDisposeScope();
        var values = windows.Tensors[0];
        var level = values.narrow(-1, 0, Co2Windows.Context).mean(new long[] { -1 }, keepdim: true);
        var centered = values.sub(level).MoveToOuterDisposeScope();
        return new Dataset<SeriesBatch>(new[] { centered }, null, windows.Name + "-centered");
    }

    /// <summary>Errors of <paramref name="model"/>'s forecasts on <paramref name="windows"/>, scaled by <paramref name="scale"/> (the series' std).</summary>
    public static ForecastError OfModel(Co2Forecaster.Model model, Dataset<SeriesBatch> windows, Device device, double scale)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var values = windows.Tensors[0].to(device);
            var (context, future) = SeriesPretext.SplitForecast(values, Co2Windows.Horizon);
            var predicted = model.ForecastHead.call(model.Encoder.call(context)).view(-1, 1, Co2Windows.Horizon);
            return Errors(predicted, future, scale);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Errors of repeating the last observed value over the horizon.</summary>
    public static ForecastError OfLastValue(Dataset<SeriesBatch> windows, double scale)
    {
        using var scope = torch.NewDisposeScope();
        var (context, future) = SeriesPretext.SplitForecast(windows.Tensors[0], Co2Windows.Horizon);
        var last = context.narrow(-1, Co2Windows.Context - 1, 1).expand_as(future);
        return Errors(last, future, scale);
    }

    /// <summary>Errors of forecasting each week by the value <see cref="Season"/> weeks earlier (inside the context).</summary>
    public static ForecastError OfSeasonalNaive(Dataset<SeriesBatch> windows, double scale)
    {
        using var scope = torch.NewDisposeScope();
        var (context, future) = SeriesPretext.SplitForecast(windows.Tensors[0], Co2Windows.Horizon);
        var seasonal = context.narrow(-1, Co2Windows.Context - Season, Co2Windows.Horizon);
        return Errors(seasonal, future, scale);
    }

    private static ForecastError Errors(Tensor predicted, Tensor target, double scale)
    {
        var diff = predicted.sub(target);
        double mse = diff.square().mean().item<float>() * scale * scale;
        double mae = diff.abs().mean().item<float>() * scale;
        return new ForecastError(mse, mae);
    }
}
