using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

/// <summary>VIME's loss against values worked out by hand (and checked in float64 with PyTorch 1.13's functional losses).</summary>
public class VimeLossTests
{
    private static double Softplus(double z) => Math.Log(1 + Math.Exp(z));

    // Two rows of a table with 2 numeric columns, a one-hot column of 3 categories and an embedded column of 2:
    // C = 4 columns, F = 2 + 3 + 1 = 6 features, 2 + 3 + 2 = 7 reconstruction outputs.
    private static readonly TabularColumns Mixed = new(numeric: 2, oneHot: new[] { 3 }, embedded: new[] { 2 });

    private static readonly double[] Target = { 0.5, -1.0, 0, 1, 0, 1, /* row 1 */ 2.0, 0.0, 1, 0, 0, 0 };
    private static readonly double[] Reconstruction = { 0.0, -0.5, 0.2, 1.0, -1.0, 0.3, 0.7, /* row 1 */ 1.0, 0.5, 2.0, 0.0, 0.5, 1.5, -0.5 };
    private static readonly double[] MaskLogits = { 0.0, 1.0, -2.0, 0.5, /* row 1 */ 2.0, -1.0, 0.0, 3.0 };
    private static readonly double[] Mask = { 1, 0, 0, 1, /* row 1 */ 0, 1, 1, 0 };

    /// <summary>
    /// l_r by column, each averaged over the two rows:
    /// numeric 0: ((0 - 0.5)² + (1 - 2)²) / 2 = 0.625; numeric 1: ((-0.5 + 1)² + (0.5 - 0)²) / 2 = 0.25;
    /// one-hot (row 0 is category 1, row 1 category 0): (CE([0.2, 1, -1], 1) + CE([2, 0, 0.5], 0)) / 2;
    /// embedded (indices 1 and 0): (CE([0.3, 0.7], 1) + CE([1.5, -0.5], 0)) / 2 = (softplus(-0.4) + softplus(-2)) / 2;
    /// l_r is their mean over the 4 columns. PyTorch (float64): one-hot 0.3833641328982325, embedded 0.3199716317214626,
    /// l_r 0.3945839411549238.
    /// </summary>
    [Fact]
    public void ReconstructionIsTheMeanOverColumnsOfSquaredErrorAndCrossEntropy()
    {
        double oneHot = (CrossEntropy(new[] { 0.2, 1.0, -1.0 }, 1) + CrossEntropy(new[] { 2.0, 0.0, 0.5 }, 0)) / 2;
        double embedded = (Softplus(-0.4) + Softplus(-2.0)) / 2;
        double expected = (0.625 + 0.25 + oneHot + embedded) / 4;
        Assert.Equal(0.3833641328982325, oneHot, 1e-12);
        Assert.Equal(0.3199716317214626, embedded, 1e-12);

        using var loss = Losses.VimeReconstruction(Shaped(Reconstruction, 2, 7), Shaped(Target, 2, 6), Mixed);
        Assert.Equal(expected, Value(loss), 1e-12);
        Assert.Equal(0.3945839411549238, Value(loss), 1e-12);
    }

    /// <summary>
    /// l_m: binary cross-entropy with logits, softplus(-z) where m = 1 and softplus(z) where m = 0, averaged over the 8
    /// entries; total l_m + α l_r with α = 2 (PyTorch float64: l_m 1.2236672617495161, total 2.0128351440593635).
    /// </summary>
    [Fact]
    public void TotalIsMaskCrossEntropyPlusAlphaTimesReconstruction()
    {
        double maskTerm = 0;
        for (int k = 0; k < 8; k++)
        {
            maskTerm += Mask[k] == 1 ? Softplus(-MaskLogits[k]) : Softplus(MaskLogits[k]);
        }

        maskTerm /= 8;
        Assert.Equal(1.2236672617495161, maskTerm, 1e-12);
        using var loss = Losses.Vime(Shaped(MaskLogits, 2, 4), Shaped(Reconstruction, 2, 7), Shaped(Mask, 2, 4), Shaped(Target, 2, 6), Mixed, alpha: 2.0);
        Assert.Equal(maskTerm + 2 * 0.3945839411549238, Value(loss), 1e-12);
        Assert.Equal(2.0128351440593635, Value(loss), 1e-12);
    }

    /// <summary>
    /// Numeric columns only: l_r is the plain mean squared error, (0.25 + 0 + 1 + 0 + 1 + 0.25) / 6 = 5/12, and with
    /// α = 0.5 the total is l_m + 5/24 (PyTorch float64: l_m 0.6869213708488983, total 0.8952547041822316).
    /// </summary>
    [Fact]
    public void NumericColumnsOnlyGiveTheMeanSquaredError()
    {
        double[] target = { 1.0, 2.0, 3.0, 0.0, -1.0, 0.5 };
        double[] reconstruction = { 1.5, 2.0, 2.0, 0.0, 0.0, 0.0 };
        using var mse = Losses.VimeReconstruction(Shaped(reconstruction, 2, 3), Shaped(target, 2, 3), TabularColumns.Plain(3));
        Assert.Equal(5.0 / 12, Value(mse), 1e-12);
        using var loss = Losses.Vime(Shaped(new[] { 0.3, -0.3, 1.0, 0.0, 0.0, -1.0 }, 2, 3), Shaped(reconstruction, 2, 3), Shaped(new double[] { 1, 0, 1, 0, 0, 1 }, 2, 3), Shaped(target, 2, 3), columns: null, alpha: 0.5);
        Assert.Equal(0.8952547041822316, Value(loss), 1e-12);
    }

    [Fact]
    public void ShapesThatDoNotFitTheColumnsAndNegativeAlphaAreRejected()
    {
        using var target = Shaped(Target, 2, 6);
        Assert.Throws<ArgumentException>(() => Losses.VimeReconstruction(Shaped(Reconstruction, 2, 7).narrow(1, 0, 6), target, Mixed));
        Assert.Throws<ArgumentException>(() => Losses.Vime(Shaped(MaskLogits, 2, 4).narrow(1, 0, 3), Shaped(Reconstruction, 2, 7), Shaped(Mask, 2, 4).narrow(1, 0, 3), target, Mixed));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Vime(Shaped(MaskLogits, 2, 4), Shaped(Reconstruction, 2, 7), Shaped(Mask, 2, 4), target, Mixed, alpha: -0.1));
        var badIndex = (double[])Target.Clone();
        badIndex[5] = 2; // the embedded column has 2 categories: index 2 is outside
        Assert.Throws<ArgumentException>(() => Losses.VimeReconstruction(Shaped(Reconstruction, 2, 7), Shaped(badIndex, 2, 6), Mixed));
    }
}
