using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class ClipLossTests
{
    [Fact]
    public void TwoOrthogonalPairsAtScaleOneGiveLogOfOnePlusExpMinusOne()
    {
        // u = v = I: logits = s I. Each row and column: -log(e^s / (e^s + e^0)) = log(1 + e^-s); s = 1.
        using var images = Matrix(new double[,] { { 1, 0 }, { 0, 1 } });
        using var texts = Matrix(new double[,] { { 1, 0 }, { 0, 1 } });
        using var scale = torch.tensor(1.0, torch.float64);
        using var loss = Losses.Clip(images, texts, scale);
        Assert.Equal(Math.Log(1 + Math.Exp(-1)), Value(loss), 1e-12);
    }

    [Fact]
    public void IsTheMeanOfTheImageToTextAndTextToImageCrossEntropies()
    {
        // Unnormalized 3x3 embeddings whose similarity matrix is not symmetric, so the two directions differ.
        var a = new double[,] { { 2, 0, 0 }, { 1, 1, 0 }, { 0, 3, 4 } };
        var b = new double[,] { { 1, 1, 1 }, { 0, 2, 0 }, { -1, 0, 1 } };
        const double s = 2.5;
        var logits = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                logits[i, j] = s * Dot(UnitRow(a, i), UnitRow(b, j));
            }
        }

        double rows = 0, columns = 0;
        for (int i = 0; i < 3; i++)
        {
            double rowSum = 0, columnSum = 0;
            for (int j = 0; j < 3; j++)
            {
                rowSum += Math.Exp(logits[i, j]);
                columnSum += Math.Exp(logits[j, i]);
            }

            rows += Math.Log(rowSum) - logits[i, i];
            columns += Math.Log(columnSum) - logits[i, i];
        }

        double expected = ((rows / 3) + (columns / 3)) / 2;
        Assert.NotEqual(rows, columns, 3);
        using var scale = torch.tensor(s, torch.float64);
        using var loss = Losses.Clip(Matrix(a), Matrix(b), scale);
        Assert.Equal(expected, Value(loss), 1e-10);
    }

    [Fact]
    public void RejectsOnePairMismatchedShapesAndAScaleThatIsNotAScalar()
    {
        using var scale = torch.tensor(1.0);
        Assert.Throws<BatchTooSmallException>(() => Losses.Clip(torch.ones(1, 4), torch.ones(1, 4), scale));
        Assert.Throws<ArgumentException>(() => Losses.Clip(torch.ones(2, 4), torch.ones(2, 3), scale));
        Assert.Throws<ArgumentException>(() => Losses.Clip(torch.ones(2, 4), torch.ones(2, 4), torch.ones(2)));
    }
}
