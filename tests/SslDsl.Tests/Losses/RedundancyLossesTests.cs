using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class RedundancyLossesTests
{
    private static readonly double[,] Z1 = { { 1.0, 2.0, -0.5 }, { 0.3, -1.0, 0.8 }, { -0.7, 0.4, 1.9 }, { 2.2, 0.1, -1.3 }, { 0.0, -0.6, 0.4 } };
    private static readonly double[,] Z2 = { { 0.9, 1.5, 0.0 }, { 0.1, -0.8, 1.1 }, { -1.2, 0.9, 1.5 }, { 1.8, -0.2, -0.9 }, { 0.4, -0.1, 0.2 } };

    /// <summary>Column-standardized copy with the biased variance and BatchNorm's 1e-5.</summary>
    private static double[,] Standardized(double[,] z)
    {
        int n = z.GetLength(0);
        int d = z.GetLength(1);
        var result = new double[n, d];
        for (int j = 0; j < d; j++)
        {
            double mean = ColumnMean(z, j);
            double variance = 0;
            for (int i = 0; i < n; i++)
            {
                variance += Math.Pow(z[i, j] - mean, 2);
            }

            variance /= n;
            for (int i = 0; i < n; i++)
            {
                result[i, j] = (z[i, j] - mean) / Math.Sqrt(variance + 1e-5);
            }
        }

        return result;
    }

    /// <summary>(sum_i (1 - C_ii)^2, sum_{i != j} C_ij^2) for C = z1n^T z2n / N.</summary>
    private static (double On, double Off) BarlowParts(double[,] z1, double[,] z2)
    {
        var a = Standardized(z1);
        var b = Standardized(z2);
        int n = z1.GetLength(0);
        int d = z1.GetLength(1);
        double on = 0;
        double off = 0;
        for (int p = 0; p < d; p++)
        {
            for (int q = 0; q < d; q++)
            {
                double c = 0;
                for (int i = 0; i < n; i++)
                {
                    c += a[i, p] * b[i, q];
                }

                c /= n;
                if (p == q)
                {
                    on += Math.Pow(1 - c, 2);
                }
                else
                {
                    off += c * c;
                }
            }
        }

        return (on, off);
    }

    [Theory]
    [InlineData(0.0051)]
    [InlineData(0.5)]
    public void BarlowTwinsMatchesLoopReference(double lambda)
    {
        var (on, off) = BarlowParts(Z1, Z2);
        using var loss = Losses.BarlowTwins(Matrix(Z1), Matrix(Z2), lambda);
        Assert.Equal(on + (lambda * off), Value(loss), 1e-10);
    }

    [Fact]
    public void BarlowTwinsOfIdenticalViewsKeepsOnlyTheOffDiagonalTerm()
    {
        var (on, off) = BarlowParts(Z1, Z1);
        Assert.True(on < 1e-8, $"on-diagonal term {on} should vanish for identical standardized views");
        using var loss = Losses.BarlowTwins(Matrix(Z1), Matrix(Z1), 0.25);
        Assert.Equal(0.25 * off, Value(loss), 1e-8);
        Assert.True(off > 0.01);
    }

    [Fact]
    public void BarlowTwinsOfIdenticalDecorrelatedViewsIsZero()
    {
        // Columns are orthogonal +-1 patterns with mean 0 and biased variance 1: C = I / (1 + 1e-5),
        // so the loss is 3 * (1e-5 / (1 + 1e-5))^2 ~ 3e-10.
        double[,] z = { { 1, 1, 1 }, { -1, 1, -1 }, { 1, -1, -1 }, { -1, -1, 1 } };
        using var loss = Losses.BarlowTwins(Matrix(z), Matrix(z), 0.0051);
        Assert.Equal(3 * Math.Pow(1e-5 / (1 + 1e-5), 2), Value(loss), 1e-14);
    }

    [Fact]
    public void BarlowTwinsRejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.BarlowTwins(Matrix(Z1), Matrix(Z2), -0.1));
        Assert.Equal(2, Assert.Throws<BatchTooSmallException>(() => Losses.BarlowTwins(torch.ones(1, 3), torch.ones(1, 3), 0.1)).Minimum);
        Assert.Throws<ArgumentException>(() => Losses.BarlowTwins(Matrix(Z1), torch.ones(5, 2, torch.float64), 0.1));
    }

    private static double VarianceTerm(double[,] z, double eps)
    {
        int n = z.GetLength(0);
        int d = z.GetLength(1);
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double mean = ColumnMean(z, j);
            double variance = 0;
            for (int i = 0; i < n; i++)
            {
                variance += Math.Pow(z[i, j] - mean, 2);
            }

            variance /= n - 1;
            sum += Math.Max(0, 1 - Math.Sqrt(variance + eps));
        }

        return sum / d;
    }

    private static double CovarianceTerm(double[,] z)
    {
        int n = z.GetLength(0);
        int d = z.GetLength(1);
        double sum = 0;
        for (int p = 0; p < d; p++)
        {
            for (int q = 0; q < d; q++)
            {
                if (p == q)
                {
                    continue;
                }

                double mp = ColumnMean(z, p);
                double mq = ColumnMean(z, q);
                double c = 0;
                for (int i = 0; i < n; i++)
                {
                    c += (z[i, p] - mp) * (z[i, q] - mq);
                }

                c /= n - 1;
                sum += c * c;
            }
        }

        return sum / d;
    }

    [Fact]
    public void VicRegMatchesLoopReference()
    {
        const double eps = 1e-4;
        int n = Z1.GetLength(0);
        int d = Z1.GetLength(1);
        double invariance = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                invariance += Math.Pow(Z1[i, j] - Z2[i, j], 2);
            }
        }

        invariance /= n * d;
        double variance = VarianceTerm(Z1, eps) + VarianceTerm(Z2, eps);
        double covariance = CovarianceTerm(Z1) + CovarianceTerm(Z2);
        Assert.True(variance > 0, "the data should make the variance hinge active");

        var terms = Losses.VicRegTerms(Matrix(Z1), Matrix(Z2), 25, 15, 2, eps);
        Assert.Equal(invariance, Value(terms.Invariance), 1e-12);
        Assert.Equal(variance, Value(terms.Variance), 1e-12);
        Assert.Equal(covariance, Value(terms.Covariance), 1e-12);
        double expected = (25 * invariance) + (15 * variance) + (2 * covariance);
        Assert.Equal(expected, Value(terms.Total), 1e-10);
        using var loss = Losses.VicReg(Matrix(Z1), Matrix(Z2), 25, 15, 2, eps);
        Assert.Equal(expected, Value(loss), 1e-10);
    }

    [Fact]
    public void VicRegIsZeroForIdenticalSpreadDecorrelatedViews()
    {
        // Columns are orthogonal +-2 patterns: unbiased variance 16/3 (std > 1, no hinge), zero covariance, same views.
        double[,] z = { { 2, 2 }, { -2, 2 }, { 2, -2 }, { -2, -2 } };
        using var loss = Losses.VicReg(Matrix(z), Matrix(z), 25, 25, 1, 1e-4);
        Assert.Equal(0.0, Value(loss), 1e-12);
    }

    [Fact]
    public void VicRegOfCollapsedViewsIsTheVarianceHinge()
    {
        // Constant embeddings: each dimension's std is sqrt(0 + 1e-4) = 0.01, hinge 0.99, mean 0.99 per branch,
        // 1.98 for both branches; times the variance weight 25 = 49.5. Invariance and covariance are 0.
        using var z = torch.full(new long[] { 4, 3 }, 0.7, torch.float64);
        using var loss = Losses.VicReg(z, z, 25, 25, 1, 1e-4);
        Assert.Equal(49.5, Value(loss), 1e-10);
    }

    [Fact]
    public void VicRegRejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.VicReg(Matrix(Z1), Matrix(Z2), -1, 25, 1, 1e-4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.VicReg(Matrix(Z1), Matrix(Z2), 25, 25, 1, 0));
        Assert.Equal(2, Assert.Throws<BatchTooSmallException>(() => Losses.VicReg(torch.ones(1, 3), torch.ones(1, 3), 25, 25, 1, 1e-4)).Minimum);
        Assert.Throws<ArgumentException>(() => Losses.VicRegTerms(Matrix(Z1), Matrix(Z1).t(), 25, 25, 1, 1e-4));
    }
}
