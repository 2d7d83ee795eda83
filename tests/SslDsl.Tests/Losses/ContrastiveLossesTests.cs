using System;
using System.Collections.Generic;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class ContrastiveLossesTests
{
    private static readonly double[,] A = { { 1.0, 2.0, 0.5 }, { -1.0, 0.5, 2.0 }, { 0.3, -1.2, 0.7 } };
    private static readonly double[,] B = { { 0.8, 2.2, 0.1 }, { -0.5, 1.0, 1.5 }, { 1.0, -1.0, 0.2 } };

    [Fact]
    public void NtXentMatchesLoopReference()
    {
        const double tau = 0.5;
        int n = A.GetLength(0);
        var rows = new List<double[]>();
        for (int i = 0; i < n; i++)
        {
            rows.Add(UnitRow(A, i));
        }

        for (int i = 0; i < n; i++)
        {
            rows.Add(UnitRow(B, i));
        }

        double total = 0;
        for (int i = 0; i < 2 * n; i++)
        {
            int positive = i < n ? i + n : i - n;
            double denominator = 0;
            for (int k = 0; k < 2 * n; k++)
            {
                if (k != i)
                {
                    denominator += Math.Exp(Dot(rows[i], rows[k]) / tau);
                }
            }

            total += -Math.Log(Math.Exp(Dot(rows[i], rows[positive]) / tau) / denominator);
        }

        using var loss = Losses.NtXent(Matrix(A), Matrix(B), tau);
        Assert.Equal(total / (2 * n), Value(loss), 1e-10);
    }

    [Fact]
    public void NtXentRejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.NtXent(Matrix(A), Matrix(B), 0));
        Assert.Throws<ArgumentException>(() => Losses.NtXent(Matrix(A), torch.zeros(2, 3, torch.float64), 0.5));
        Assert.Throws<ArgumentException>(() => Losses.NtXent(torch.zeros(3), torch.zeros(3), 0.5));
    }

    [Fact]
    public void InfoNceInBatchMatchesLoopReference()
    {
        const double tau = 0.2;
        int n = A.GetLength(0);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var logits = new double[n];
            for (int j = 0; j < n; j++)
            {
                logits[j] = Dot(UnitRow(A, i), UnitRow(B, j)) / tau;
            }

            total += CrossEntropy(logits, i);
        }

        using var loss = Losses.InfoNce(Matrix(A), Matrix(B), tau);
        Assert.Equal(total / n, Value(loss), 1e-10);
    }

    [Fact]
    public void InfoNceWithQueueUsesPositiveFirstThenNegatives()
    {
        const double tau = 0.07;
        double[,] negatives = { { 0.0, 1.0, 0.0 }, { 2.0, 0.0, -1.0 }, { -0.3, 0.3, 0.9 }, { 1.0, 1.0, 1.0 } };
        int n = A.GetLength(0);
        int k = negatives.GetLength(0);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var logits = new double[1 + k];
            logits[0] = Dot(UnitRow(A, i), UnitRow(B, i)) / tau;
            for (int j = 0; j < k; j++)
            {
                logits[1 + j] = Dot(UnitRow(A, i), UnitRow(negatives, j)) / tau;
            }

            total += CrossEntropy(logits, 0);
        }

        using var loss = Losses.InfoNce(Matrix(A), Matrix(B), tau, Matrix(negatives));
        Assert.Equal(total / n, Value(loss), 1e-9);
    }

    [Fact]
    public void InfoNceRejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.InfoNce(Matrix(A), Matrix(B), -1));
        Assert.Throws<ArgumentException>(() => Losses.InfoNce(Matrix(A), torch.zeros(3, 4, torch.float64), 0.2));
        Assert.Throws<ArgumentException>(() => Losses.InfoNce(Matrix(A), Matrix(B), 0.2, torch.zeros(5, 4, torch.float64)));
        Assert.Throws<ArgumentException>(() => Losses.InfoNce(Matrix(A), Matrix(B), 0.2, torch.zeros(5, torch.float64)));
    }

    [Fact]
    public void OneSampleHasNoNegativesAndIsRefusedUnlessAQueueSuppliesThem()
    {
        // With N = 1 the only other row of NT-Xent is the positive, so -log(e^s / e^s) = 0 whatever the embeddings.
        var ntXent = Assert.Throws<BatchTooSmallException>(() => Losses.NtXent(torch.ones(1, 3, torch.float64), torch.rand(1, 3, torch.float64), 0.5));
        Assert.Equal(2, ntXent.Minimum);
        Assert.Contains("no negatives", ntXent.Message);
        var infoNce = Assert.Throws<BatchTooSmallException>(() => Losses.InfoNce(torch.ones(1, 3, torch.float64), torch.ones(1, 3, torch.float64), 0.5));
        Assert.Equal(2, infoNce.Minimum);

        // A queue supplies negatives: q = k = e1, negatives e1 and -e1, tau 0.5: logits [2, 2, -2], target 0,
        // loss = -log(e^2 / (e^2 + e^2 + e^-2)) = log(2 + e^-4).
        using var q = torch.tensor(new double[] { 1, 0, 0 }).reshape(1, 3);
        using var negatives = torch.tensor(new double[] { 1, 0, 0, -1, 0, 0 }).reshape(2, 3);
        using var loss = Losses.InfoNce(q, q, 0.5, negatives);
        Assert.Equal(Math.Log(2 + Math.Exp(-4)), Value(loss), 1e-12);
    }

    [Fact]
    public void ContrastiveMarginMatchesLoopReference()
    {
        const double margin = 3.0;
        int n = A.GetLength(0);
        int d = A.GetLength(1);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double positive = 0;
            double negative = 0;
            for (int j = 0; j < d; j++)
            {
                positive += Math.Pow(A[i, j] - B[i, j], 2);
                negative += Math.Pow(A[i, j] - B[(i + 1) % n, j], 2);
            }

            total += positive + Math.Pow(Math.Max(0, margin - Math.Sqrt(negative)), 2);
        }

        using var loss = Losses.ContrastiveMargin(Matrix(A), Matrix(B), margin);
        Assert.Equal(total / (2 * n), Value(loss), 1e-10);
    }

    [Fact]
    public void ContrastiveMarginIsZeroForIdenticalPositivesAndFarNegatives()
    {
        // Rows 10 apart: every negative distance (10 or 20) exceeds the margin 2, every positive distance is 0.
        double[,] z = { { 0, 0 }, { 10, 0 }, { 20, 0 } };
        using var loss = Losses.ContrastiveMargin(Matrix(z), Matrix(z), 2.0);
        Assert.Equal(0.0, Value(loss), 1e-12);
    }

    [Fact]
    public void ContrastiveMarginPenalizesNegativesInsideTheMargin()
    {
        // z1 = z2 = [[0,0],[1,0]]: positives contribute 0; negatives (row0,row1) and (row1,row0) have d = 1,
        // so each contributes (2 - 1)^2 = 1; loss = (0 + 0 + 1 + 1) / 4 = 0.5.
        double[,] z = { { 0, 0 }, { 1, 0 } };
        using var loss = Losses.ContrastiveMargin(Matrix(z), Matrix(z), 2.0);
        Assert.Equal(0.5, Value(loss), 1e-12);
    }

    [Fact]
    public void ContrastiveMarginHasFiniteGradientForCoincidentNegatives()
    {
        using var z1 = torch.zeros(new long[] { 2, 3 }, torch.float64, requires_grad: true);
        using var z2 = torch.zeros(2, 3, torch.float64);
        using var loss = Losses.ContrastiveMargin(z1, z2, 1.0);
        loss.backward();
        Assert.False(z1.grad!.isnan().any().item<bool>());
        // All distances are 0: each negative contributes margin^2 = 1, positives 0: (1 + 1) / 4.
        Assert.Equal(0.5, Value(loss), 1e-9);
    }

    [Fact]
    public void ContrastiveMarginRejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.ContrastiveMargin(Matrix(A), Matrix(B), 0));
        Assert.Equal(2, Assert.Throws<BatchTooSmallException>(() => Losses.ContrastiveMargin(torch.zeros(1, 3), torch.zeros(1, 3), 1)).Minimum);
        Assert.Throws<ArgumentException>(() => Losses.ContrastiveMargin(Matrix(A), torch.zeros(3, 2, torch.float64), 1));
    }
}
