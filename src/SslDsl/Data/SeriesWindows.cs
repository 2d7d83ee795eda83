using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A chronological split of a series into training and test windows.</summary>
/// <param name="Train">Windows of the first part of the series.</param>
/// <param name="Test">Windows of the last part, standardized with the training statistics.</param>
/// <param name="Statistics">The statistics of the training part.</param>
public sealed record SeriesSplit(Dataset<SeriesBatch> Train, Dataset<SeriesBatch> Test, SeriesStatistics Statistics);

/// <summary>Cuts a univariate series into fixed-length windows for <see cref="SeriesBatch"/> tasks.</summary>
public static class SeriesWindows
{
    /// <summary>
    /// Windows float [N,1,length] starting at 0, stride, 2*stride, ... (N = floor((T - length) / stride) + 1),
    /// each value standardized with <paramref name="statistics"/> (fitted on <paramref name="series"/> when null:
    /// pass the training statistics when windowing test data).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">length or stride is not positive.</exception>
    /// <exception cref="ArgumentException">The series is shorter than one window.</exception>
    public static Dataset<SeriesBatch> Create(float[] series, int length, int stride, SeriesStatistics? statistics = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The window length must be > 0.");
        }

        if (stride <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "The stride must be > 0.");
        }

        if (series.Length < length)
        {
            throw new ArgumentException($"The series has {series.Length} values, fewer than one window of {length}.", nameof(series));
        }

        var stats = statistics ?? SeriesStatistics.Fit(series);
        int n = ((series.Length - length) / stride) + 1;
        var data = new float[(long)n * length];
        for (int w = 0; w < n; w++)
        {
            int start = w * stride;
            for (int t = 0; t < length; t++)
            {
                data[((long)w * length) + t] = stats.Standardize(series[start + t]);
            }
        }

        return new Dataset<SeriesBatch>(new[] { torch.tensor(data, new long[] { n, 1, length }) }, null, name ?? "series");
    }

    /// <summary>
    /// Splits the series in time: the first round(T * (1 - testFraction)) values are the training part, the rest the
    /// test part; statistics are fitted on the training part and both parts are windowed with them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">testFraction is not in (0,1), or length/stride not positive.</exception>
    /// <exception cref="ArgumentException">A part is shorter than one window.</exception>
    public static SeriesSplit ChronologicalSplit(float[] series, int length, int stride, double testFraction, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be in (0, 1).");
        }

        int cut = (int)Math.Round(series.Length * (1 - testFraction), MidpointRounding.AwayFromZero);
        if (cut < length || series.Length - cut < length)
        {
            throw new ArgumentException(
                $"Splitting {series.Length} values at {cut} leaves {cut} for training and {series.Length - cut} for testing; each part needs at least one window of {length}.",
                nameof(testFraction));
        }

        var train = series[..cut];
        var test = series[cut..];
        var stats = SeriesStatistics.Fit(train);
        string baseName = name ?? "series";
        return new SeriesSplit(Create(train, length, stride, stats, baseName + "-train"), Create(test, length, stride, stats, baseName + "-test"), stats);
    }
}
