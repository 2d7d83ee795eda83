using System;
using System.Collections.Generic;

namespace SslDsl;

/// <summary>What a missing value of a series (an empty field, NA, N/A, NaN, null, ? or .) becomes.</summary>
public enum SeriesMissingPolicy
{
    /// <summary>Linear interpolation between the nearest values before and after it (the nearest value at either end of the series).</summary>
    Interpolate,

    /// <summary>A missing value stops the run with the file, the line and the column.</summary>
    Error,
}

/// <summary>
/// How a <see cref="SeriesSource"/> reads a CSV series: the timestamp column (rows must be in strictly increasing
/// time), the value columns (one channel each), the window length and stride, missing values, and the threads.
/// </summary>
/// <param name="TimestampColumn">The column holding each row's time: ISO 8601 dates and times, or numbers.</param>
/// <param name="Length">Time steps per window: the task's <c>[TimeSeriesInput(Length = ...)]</c>.</param>
public sealed record SeriesOptions(string TimestampColumn, int Length)
{
    /// <summary>The value columns, one channel each; null takes every column but the timestamp.</summary>
    public IReadOnlyList<string>? ValueColumns { get; init; }

    /// <summary>Steps between the starts of consecutive windows; 1 by default.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>What a missing value becomes; <see cref="SeriesMissingPolicy.Interpolate"/> by default.</summary>
    public SeriesMissingPolicy Missing { get; init; } = SeriesMissingPolicy.Interpolate;

    /// <summary>The CSV field separator.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Where the value cache (a temporary file, deleted on dispose) goes; null for the temporary folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The threads and read-ahead.</summary>
    public DataLoaderOptions Loader { get; init; } = DataLoaderOptions.Default;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(TimestampColumn);
        if (Length < 1 || Stride < 1)
        {
            throw new ArgumentOutOfRangeException(Length < 1 ? nameof(Length) : nameof(Stride), Length < 1 ? Length : Stride, "SeriesOptions: Length and Stride must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(Loader);
        Loader.Validate();
    }
}
