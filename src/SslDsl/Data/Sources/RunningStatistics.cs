using System;

namespace SslDsl;

/// <summary>
/// Mean and population standard deviation of a stream of values in one pass (Welford's algorithm): numerically
/// stable, constant memory. NaN values (missing) are not counted.
/// </summary>
internal sealed class RunningStatistics
{
    private double _mean;
    private double _squares;

    /// <summary>Values counted.</summary>
    public long Count { get; private set; }

    /// <summary>The mean (0 before any value).</summary>
    public double Mean => _mean;

    /// <summary>The population standard deviation; 1 when it is 0 (a constant column) or nothing was counted.</summary>
    public double Std => Count > 0 && Math.Sqrt(_squares / Count) is var s && s > 1e-12 ? s : 1.0;

    /// <summary>Counts <paramref name="value"/> unless it is NaN.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        Count++;
        double delta = value - _mean;
        _mean += delta / Count;
        _squares += delta * (value - _mean);
    }
}
