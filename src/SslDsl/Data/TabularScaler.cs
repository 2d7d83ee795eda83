using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Per-feature standardization x' = (x - Mean) / Std with statistics fitted on training rows (population std;
/// a constant feature gets Std 1), so a test split is scaled with the training statistics.
/// </summary>
/// <param name="Mean">Per-feature mean.</param>
/// <param name="Std">Per-feature standard deviation (never 0).</param>
public sealed record TabularScaler(float[] Mean, float[] Std)
{
    /// <summary>Fits the statistics of every column of <paramref name="table"/>.</summary>
    public static TabularScaler Fit(TabularTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int f = table.Columns;
        var mean = new double[f];
        var squares = new double[f];
        for (int r = 0; r < table.Rows; r++)
        {
            for (int c = 0; c < f; c++)
            {
                mean[c] += table[r, c];
            }
        }

        for (int c = 0; c < f; c++)
        {
            mean[c] /= table.Rows;
        }

        for (int r = 0; r < table.Rows; r++)
        {
            for (int c = 0; c < f; c++)
            {
                double d = table[r, c] - mean[c];
                squares[c] += d * d;
            }
        }

        var std = new float[f];
        for (int c = 0; c < f; c++)
        {
            double s = Math.Sqrt(squares[c] / table.Rows);
            std[c] = s > 1e-12 ? (float)s : 1f;
        }

        return new TabularScaler(Array.ConvertAll(mean, m => (float)m), std);
    }

    /// <summary>Standardizes the rows of <paramref name="table"/> into float [N,F].</summary>
    /// <exception cref="ArgumentException">The table has a different number of columns.</exception>
    public Tensor Transform(TabularTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Columns != Mean.Length)
        {
            throw new ArgumentException($"The scaler was fitted on {Mean.Length} features; the table from {table.Source} has {table.Columns}.", nameof(table));
        }

        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(table.Values, new long[] { table.Rows, table.Columns });
        var result = x.sub(torch.tensor(Mean)).div(torch.tensor(Std));
        return result.MoveToOuterDisposeScope();
    }
}
