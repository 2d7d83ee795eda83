using System;

namespace SslDsl;

/// <summary>Mean and (population) standard deviation of a training series, used to standardize windows.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Std">The standard deviation (1 for a constant series, never 0).</param>
public sealed record SeriesStatistics(double Mean, double Std)
{
    /// <summary>Fits the statistics of <paramref name="series"/>.</summary>
    /// <exception cref="ArgumentException">The series is empty.</exception>
    public static SeriesStatistics Fit(ReadOnlySpan<float> series)
    {
        if (series.Length == 0)
        {
            throw new ArgumentException("Cannot fit statistics on an empty series.", nameof(series));
        }

        double mean = 0;
        foreach (float v in series)
        {
            mean += v;
        }

        mean /= series.Length;
        double squares = 0;
        foreach (float v in series)
        {
            squares += (v - mean) * (v - mean);
        }

        double std = Math.Sqrt(squares / series.Length);
        return new SeriesStatistics(mean, std > 1e-12 ? std : 1);
    }

    /// <summary>(value - Mean) / Std.</summary>
    public float Standardize(float value) => (float)((value - Mean) / Std);
}
