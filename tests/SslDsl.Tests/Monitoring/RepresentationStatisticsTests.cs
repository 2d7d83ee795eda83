using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Monitoring;

/// <summary>Collapse statistics against values computed by hand or with plain loops.</summary>
public class RepresentationStatisticsTests
{
    private static torch.Tensor Matrix(double[,] values)
    {
        int n = values.GetLength(0), d = values.GetLength(1);
        var flat = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                flat[(i * d) + j] = (float)values[i, j];
            }
        }

        return torch.tensor(flat, new long[] { n, d });
    }

    /// <summary>The mean over dimensions of the (n-1) standard deviation of the L2-normalized rows, with loops.</summary>
    private static double NormalizedStdByLoops(double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var z = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            double norm = Math.Sqrt(Enumerable.Range(0, d).Sum(j => x[i, j] * x[i, j]));
            for (int j = 0; j < d; j++)
            {
                z[i, j] = x[i, j] / norm;
            }
        }

        double total = 0;
        for (int j = 0; j < d; j++)
        {
            double mean = Enumerable.Range(0, n).Average(i => z[i, j]);
            double variance = Enumerable.Range(0, n).Sum(i => (z[i, j] - mean) * (z[i, j] - mean)) / (n - 1);
            total += Math.Sqrt(variance);
        }

        return total / d;
    }

    [Fact]
    public void NormalizedStdMatchesTheLoopComputation()
    {
        var x = new double[,] { { 3, 4 }, { 4, 3 }, { 0, 5 } };

        // By hand: rows become (0.6, 0.8), (0.8, 0.6), (0, 1); std of (0.6, 0.8, 0) = 0.41633,
        // std of (0.8, 0.6, 1) = 0.2; their mean is 0.30817.
        using var t = Matrix(x);
        double actual = RepresentationStatistics.NormalizedStd(t);
        Assert.Equal(NormalizedStdByLoops(x), actual, 6);
        Assert.Equal(0.30817, actual, 4);
    }

    [Fact]
    public void NormalizedStdOfIdenticalEmbeddingsIsZero()
    {
        using var t = Matrix(new double[,] { { 1, 2, 3 }, { 2, 4, 6 }, { 0.5, 1, 1.5 } });
        Assert.Equal(0.0, RepresentationStatistics.NormalizedStd(t), 6);
    }

    [Fact]
    public void EffectiveRankOfKnownSingularValues()
    {
        // Singular values 4 and 3: p = (4/7, 3/7), rank = exp(-(4/7 ln 4/7 + 3/7 ln 3/7)) = 1.9786.
        using var two = Matrix(new double[,] { { 3, 0 }, { 0, 4 } });
        double p1 = 4.0 / 7, p2 = 3.0 / 7;
        Assert.Equal(Math.Exp(-((p1 * Math.Log(p1)) + (p2 * Math.Log(p2)))), RepresentationStatistics.EffectiveRank(two), 5);

        // Rows of diag(1, 2, 3) in another order: singular values 3, 2, 1, p = (1/2, 1/3, 1/6).
        using var three = Matrix(new double[,] { { 0, 2, 0 }, { 0, 0, 3 }, { 1, 0, 0 } });
        double expected = Math.Exp(-((0.5 * Math.Log(0.5)) + (Math.Log(1.0 / 3) / 3) + (Math.Log(1.0 / 6) / 6)));
        Assert.Equal(expected, RepresentationStatistics.EffectiveRank(three), 5);
    }

    [Fact]
    public void EffectiveRankOfRankOneMatrixIsOneAndOfOrthogonalRowsIsTheirCount()
    {
        using var line = Matrix(new double[,] { { 1, 2 }, { 2, 4 }, { 3, 6 } });
        Assert.Equal(1.0, RepresentationStatistics.EffectiveRank(line), 4);
        using var eye = torch.eye(5);
        Assert.Equal(5.0, RepresentationStatistics.EffectiveRank(eye), 5);
    }

    [Fact]
    public void StatisticsRejectFewerThanTwoSamples()
    {
        using var one = torch.ones(1, 4);
        Assert.Throws<ArgumentException>(() => RepresentationStatistics.NormalizedStd(one));
        Assert.Throws<ArgumentException>(() => RepresentationStatistics.EffectiveRank(one));
    }
}
