using System;
using System.Linq;
using SslDsl;
using TimeSeriesForecastSample;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.SeriesMethods;

/// <summary>What the ridge head scored: the penalty chosen on validation, its validation MSE, and the test errors.</summary>
/// <param name="Lambda">The penalty chosen on the validation windows.</param>
/// <param name="ValidationMse">MSE (ppm^2) on the validation windows with that penalty.</param>
/// <param name="Test">Errors on the test windows of the head refit on every training window.</param>
public sealed record RidgeResult(double Lambda, double ValidationMse, ForecastError Test);

/// <summary>
/// The downstream protocol of the series table: a frozen feature map of the 56-week context, a ridge regression from the
/// standardized features to the 8 future weeks, its penalty chosen on the last 20% of the training windows (in time
/// order) from a fixed grid, refit on every training window, and the test windows scored once.
/// </summary>
public static class RidgeForecast
{
    /// <summary>Penalties tried, times the number of training rows (features standardized).</summary>
    public static readonly double[] Lambdas = { 1e-4, 1e-3, 1e-2, 1e-1, 1, 10 };

    /// <summary>Fits and scores the head on <paramref name="features"/> of the context (null: the raw context values).</summary>
    public static RidgeResult Score(Func<Tensor, Tensor>? features, Dataset<SeriesBatch> train, Dataset<SeriesBatch> test, double scale)
    {
        using var scope = torch.NewDisposeScope();
        var (trainX, trainY) = Rows(features, train);
        var (testX, testY) = Rows(features, test);
        long fit = (long)(trainX.shape[0] * 0.8);
        var (fitX, fitY, validX, validY) = (trainX.narrow(0, 0, fit), trainY.narrow(0, 0, fit), trainX.narrow(0, fit, trainX.shape[0] - fit), trainY.narrow(0, fit, trainY.shape[0] - fit));
        var chosen = Lambdas
            .Select(l => (Lambda: l, Mse: Mse(Predict(fitX, fitY, validX, l), validY) * scale * scale))
            .OrderBy(r => r.Mse)
            .First();
        var predicted = Predict(trainX, trainY, testX, chosen.Lambda);
        var diff = predicted.sub(testY);
        var error = new ForecastError(diff.square().mean().item<double>() * scale * scale, diff.abs().mean().item<double>() * scale);
        return new RidgeResult(chosen.Lambda, chosen.Mse, error);
    }

    /// <summary>Features of every window's context [N, F] and its future [N, 8], float64.</summary>
    private static (Tensor X, Tensor Y) Rows(Func<Tensor, Tensor>? features, Dataset<SeriesBatch> windows)
    {
        var (context, future) = SeriesPretext.SplitForecast(windows.Tensors[0], Co2Windows.Horizon);
        using var noGrad = torch.no_grad();
        var x = features is null ? context.flatten(1) : features(context.contiguous());
        return (x.to(ScalarType.Float64), future.flatten(1).to(ScalarType.Float64));
    }

    /// <summary>Ridge regression fitted on (x, y) with the features standardized and both sides centred, applied to <paramref name="query"/>.</summary>
    private static Tensor Predict(Tensor x, Tensor y, Tensor query, double lambda)
    {
        var mean = x.mean(new long[] { 0 }, keepdim: true);
        var std = x.std(0, keepdim: true).clamp_min(1e-8);
        var xs = x.sub(mean).div(std);
        var yMean = y.mean(new long[] { 0 }, keepdim: true);
        var gram = xs.t().matmul(xs).add(torch.eye(xs.shape[1], dtype: ScalarType.Float64).mul(lambda * xs.shape[0]));
        var weights = torch.linalg.solve(gram, xs.t().matmul(y.sub(yMean)));
        return query.sub(mean).div(std).matmul(weights).add(yMean);
    }

    private static double Mse(Tensor predicted, Tensor target) => predicted.sub(target).square().mean().item<double>();
}
