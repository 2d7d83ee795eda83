using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>Hue rotation in YIQ space against the per-pixel formula worked out by hand.</summary>
public class RotateHueTests
{
    /// <summary>RGB -> YIQ, rotate (I, Q) by the angle, YIQ -> RGB, for one pixel, with the NTSC coefficients.</summary>
    private static double[] Expected(double r, double g, double b, double turns)
    {
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        double i = 0.596 * r - 0.274 * g - 0.322 * b;
        double q = 0.211 * r - 0.523 * g + 0.312 * b;
        double a = turns * 2 * Math.PI;
        double i2 = i * Math.Cos(a) - q * Math.Sin(a);
        double q2 = i * Math.Sin(a) + q * Math.Cos(a);
        return new[] { y + 0.956 * i2 + 0.621 * q2, y - 0.272 * i2 - 0.647 * q2, y - 1.106 * i2 + 1.703 * q2 };
    }

    [Fact]
    public void EachImageIsRotatedByItsOwnAngleAsThePerPixelFormulaSays()
    {
        using var scope = torch.NewDisposeScope();
        // Image 0: pixels (0.2, 0.4, 0.6) and (1, 0, 0), a quarter turn; image 1: pixels (0.9, 0.5, 0.1) and (0, 1, 0), -0.1 turn.
        var x = torch.tensor(new float[] { 0.2f, 1f, 0.4f, 0f, 0.6f, 0f, 0.9f, 0f, 0.5f, 1f, 0.1f, 0f }, new long[] { 2, 3, 1, 2 });
        var turns = torch.tensor(new float[] { 0.25f, -0.1f });

        var y = ImageAugment.RotateHue(x, turns);

        double[] p00 = Expected(0.2, 0.4, 0.6, 0.25), p01 = Expected(1, 0, 0, 0.25);
        double[] p10 = Expected(0.9, 0.5, 0.1, -0.1), p11 = Expected(0, 1, 0, -0.1);
        var expected = new float[12];
        for (int c = 0; c < 3; c++)
        {
            expected[c * 2] = (float)p00[c];
            expected[c * 2 + 1] = (float)p01[c];
            expected[6 + c * 2] = (float)p10[c];
            expected[6 + c * 2 + 1] = (float)p11[c];
        }

        Assert.Equal(new long[] { 2, 3, 1, 2 }, y.shape);
        Close(expected, y, 1e-5);
    }

    [Fact]
    public void AFullTurnGivesTheSameImageAsNoTurnAndLumaIsKept()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(7, 4, 3, 5, 6);

        var none = ImageAugment.RotateHue(x, torch.zeros(4));
        var full = ImageAugment.RotateHue(x, torch.ones(4));
        var third = ImageAugment.RotateHue(x, torch.full(new long[] { 4 }, 1.0 / 3));

        Assert.True(none.allclose(full, rtol: 0, atol: 1e-5));
        // No turn is the identity up to the rounding of the published 3-digit NTSC coefficients.
        Assert.True(none.allclose(x, rtol: 0, atol: 2e-3));
        // Rotating the chroma plane leaves the luma Y = 0.299 R + 0.587 G + 0.114 B unchanged (same tolerance).
        Assert.True(ImageAugment.Gray(third).allclose(ImageAugment.Gray(x), rtol: 0, atol: 2e-3));
    }
}
