using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class PredictorLossesTests
{
    private static readonly double[,] A = { { 1.0, 2.0, 0.5 }, { -1.0, 0.5, 2.0 }, { 0.3, -1.2, 0.7 } };
    private static readonly double[,] B = { { 0.8, 2.2, 0.1 }, { -0.5, 1.0, 1.5 }, { 1.0, -1.0, 0.2 } };

    [Fact]
    public void SimSiamIsTheMeanNegativeCosine()
    {
        double expected = 0;
        for (int i = 0; i < 3; i++)
        {
            expected -= Dot(UnitRow(A, i), UnitRow(B, i)) / 3;
        }

        Assert.Equal(expected, Value(Losses.SimSiam(Matrix(A), Matrix(B))), 1e-12);
        Assert.Equal(-1.0, Value(Losses.SimSiam(Matrix(A), Matrix(A).mul(3))), 1e-12);
    }

    [Fact]
    public void SimSiamStopsTheGradientAtTheTarget()
    {
        var prediction = Matrix(A).requires_grad_();
        var target = Matrix(B).requires_grad_();
        Losses.SimSiam(prediction, target).backward();
        Assert.NotNull(prediction.grad);
        Assert.True(target.grad is null || target.grad.abs().max().item<double>() == 0);
    }

    [Fact]
    public void MocoV3IsInBatchInfoNceScaledByTwiceTheTemperature()
    {
        // q = k = the unit axes, tau = 1: each query's logits are (1, 0), so CE = ln(1 + e^-1); times 2 tau = 2.
        var axes = Matrix(new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.Equal(2 * Math.Log(1 + Math.Exp(-1)), Value(Losses.MocoV3(axes, axes, temperature: 1.0)), 1e-12);

        const double tau = 0.2;
        Assert.Equal(2 * tau * InBatchInfoNce(A, B, tau), Value(Losses.MocoV3(Matrix(A), Matrix(B), tau)), 1e-10);
    }

    [Fact]
    public void NnclrContrastsNeighboursWithTheOtherPredictionsAndTrainsOnlyThePredictions()
    {
        const double tau = 0.1;
        double expected = InBatchInfoNce(A, B, tau);
        var neighbours = Matrix(A).requires_grad_();
        var predictions = Matrix(B).requires_grad_();
        var loss = Losses.Nnclr(neighbours, predictions, tau);
        Assert.Equal(expected, Value(loss), 1e-10);
        loss.backward();
        Assert.NotNull(predictions.grad);
        Assert.True(neighbours.grad is null || neighbours.grad.abs().max().item<double>() == 0);
    }

    [Fact]
    public void PredictorLossesRejectBadArguments()
    {
        Assert.Throws<ArgumentException>(() => Losses.SimSiam(Matrix(A), torch.zeros(2, 3, torch.float64)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.MocoV3(Matrix(A), Matrix(B), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Nnclr(Matrix(A), Matrix(B), -0.1));
        Assert.Throws<ArgumentException>(() => Losses.Nnclr(torch.zeros(3), torch.zeros(3)));
        Assert.Throws<BatchTooSmallException>(() => Losses.MocoV3(Matrix(new double[,] { { 1, 2 } }), Matrix(new double[,] { { 1, 2 } })));
    }

    /// <summary>The mean over rows i of -log softmax_j(u_i . v_j / tau)[i], u and v the unit rows of <paramref name="a"/> and <paramref name="b"/>.</summary>
    private static double InBatchInfoNce(double[,] a, double[,] b, double tau)
    {
        int n = a.GetLength(0);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var logits = new double[n];
            for (int j = 0; j < n; j++)
            {
                logits[j] = Dot(UnitRow(a, i), UnitRow(b, j)) / tau;
            }

            total += CrossEntropy(logits, i) / n;
        }

        return total;
    }
}
