using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class DecoupledContrastiveLossesTests
{
    private static readonly double[,] A = { { 1.0, 2.0, 0.5 }, { -1.0, 0.5, 2.0 }, { 0.3, -1.2, 0.7 } };
    private static readonly double[,] B = { { 0.8, 2.2, 0.1 }, { -0.5, 1.0, 1.5 }, { 1.0, -1.0, 0.2 } };

    [Fact]
    public void DclOfTwoOrthogonalPairsIsLn2MinusOne()
    {
        // u = v = the unit axes, tau = 1: each anchor has positive -1 and two negatives of similarity 0,
        // so every term is -1 + ln(e^0 + e^0).
        var axes = Matrix(new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.Equal(Math.Log(2) - 1, Value(Losses.Dcl(axes, axes, temperature: 1.0)), 1e-12);
    }

    [Fact]
    public void DclMatchesThePaperFormula()
    {
        const double tau = 0.1;
        Assert.Equal(Reference(A, B, tau, sigma: null), Value(Losses.Dcl(Matrix(A), Matrix(B), tau)), 1e-9);
    }

    [Fact]
    public void DclwWeightsEachPositiveByTheNegativeVonMisesFisherWeight()
    {
        const double tau = 0.2;
        const double sigma = 0.5;
        Assert.Equal(Reference(A, B, tau, sigma), Value(Losses.Dclw(Matrix(A), Matrix(B), tau, sigma)), 1e-9);

        // With every positive pair equally similar the weights are all 1: DCLW equals DCL.
        var axes = Matrix(new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.Equal(Value(Losses.Dcl(axes, axes, 0.3)), Value(Losses.Dclw(axes, axes, 0.3, sigma)), 1e-12);
    }

    [Fact]
    public void DecoupledLossesRejectBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Dcl(Matrix(A), Matrix(B), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Dclw(Matrix(A), Matrix(B), 0.1, sigma: -1));
        Assert.Throws<BatchTooSmallException>(() => Losses.Dcl(Matrix(new double[,] { { 1, 2 } }), Matrix(new double[,] { { 1, 2 } })));
        Assert.Throws<ArgumentException>(() => Losses.Dcl(Matrix(A), torch.zeros(2, 3, torch.float64)));
    }

    /// <summary>
    /// Yeh et al. (2022), eq. 6, averaged over both directions: for anchor u_i, -w_i u_i.v_i / tau + log sum over
    /// k != i of exp(u_i.u_k / tau) + exp(u_i.v_k / tau), with w_i = 2 - N softmax_i(u_i.v_i / sigma) (DCLW) or 1 (DCL).
    /// </summary>
    private static double Reference(double[,] z1, double[,] z2, double tau, double? sigma) =>
        (Direction(z1, z2, tau, sigma) + Direction(z2, z1, tau, sigma)) / 2;

    private static double Direction(double[,] anchors, double[,] others, double tau, double? sigma)
    {
        int n = anchors.GetLength(0);
        var weights = new double[n];
        double normalizer = 0;
        for (int i = 0; i < n; i++)
        {
            weights[i] = sigma is double s ? Math.Exp(Dot(UnitRow(anchors, i), UnitRow(others, i)) / s) : 1;
            normalizer += weights[i];
        }

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double w = sigma is null ? 1 : 2 - (n * weights[i] / normalizer);
            double negatives = 0;
            for (int k = 0; k < n; k++)
            {
                if (k != i)
                {
                    negatives += Math.Exp(Dot(UnitRow(anchors, i), UnitRow(anchors, k)) / tau) + Math.Exp(Dot(UnitRow(anchors, i), UnitRow(others, k)) / tau);
                }
            }

            total += (-w * Dot(UnitRow(anchors, i), UnitRow(others, i)) / tau) + Math.Log(negatives);
        }

        return total / n;
    }
}
