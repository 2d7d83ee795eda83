using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>Gaussian blur against kernels computed with Math.Exp, and Gaussian noise statistics.</summary>
public class ImageAugmentFilterTests
{
    /// <summary>The normalized 1-D Gaussian taps exp(-i²/(2σ²)) / Σ for i = -r..r.</summary>
    private static double[] Taps(int size, double sigma)
    {
        int r = size / 2;
        var taps = Enumerable.Range(-r, size).Select(i => Math.Exp(-i * i / (2 * sigma * sigma))).ToArray();
        double sum = taps.Sum();
        return taps.Select(t => t / sum).ToArray();
    }

    [Fact]
    public void BlurOfImpulseIsTheNormalizedGaussianKernel()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(1, 1, 5, 5);
        x[0, 0, 2, 2] = torch.tensor(1f);
        using var g = Gen(1);
        var y = ImageAugment.GaussianBlur(x, kernelSize: 3, sigmaMin: 1.0, sigmaMax: 1.0, p: 1.0, generator: g);

        // 2-D kernel k(dy,dx) = exp(-(dx²+dy²)/2) / Σ over the 3x3 window, around the impulse; zero elsewhere.
        var expected = new float[25];
        double total = 0;
        for (int dy = -1; dy <= 1; dy++)
        {
            for (int dx = -1; dx <= 1; dx++)
            {
                total += Math.Exp(-(dx * dx + dy * dy) / 2.0);
            }
        }

        for (int dy = -1; dy <= 1; dy++)
        {
            for (int dx = -1; dx <= 1; dx++)
            {
                expected[(2 + dy) * 5 + 2 + dx] = (float)(Math.Exp(-(dx * dx + dy * dy) / 2.0) / total);
            }
        }

        Close(expected, y, 1e-6);
    }

    [Fact]
    public void BlurUsesReflectPadding()
    {
        using var scope = torch.NewDisposeScope();
        // Impulse at (1,1): reflect padding mirrors it to (-1,-1) around row/column 0, so pixel (0,0) receives the
        // corner tap twice along each axis: (2a)² with a the outer 1-D tap (zero padding would give a²).
        var x = torch.zeros(1, 1, 5, 5);
        x[0, 0, 1, 1] = torch.tensor(1f);
        using var g = Gen(1);
        var y = ImageAugment.GaussianBlur(x, kernelSize: 3, sigmaMin: 0.8, sigmaMax: 0.8, p: 1.0, generator: g);
        double a = Taps(3, 0.8)[0];
        Assert.Equal(4 * a * a, Data(y)[0], 6);
    }

    [Fact]
    public void BlurDrawsOneSigmaPerSampleAndSharesItAcrossChannels()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(3, 2, 7, 7);
        x[TensorIndex.Colon, TensorIndex.Colon, 3, 3] = torch.tensor(1f);
        using var g = Gen(50);
        var y = ImageAugment.GaussianBlur(x, kernelSize: 5, sigmaMin: 0.5, sigmaMax: 2.0, p: 1.0, generator: g);
        // Documented draw order: B sigma uniforms first; sigma = 0.5 + 1.5 u.
        using var replay = Gen(50);
        var u = Data(torch.rand(new long[] { 3 }, generator: replay));
        for (int i = 0; i < 3; i++)
        {
            var taps = Taps(5, 0.5 + 1.5 * u[i]);
            var expected = new float[2 * 49];
            for (int c = 0; c < 2; c++)
            {
                for (int dy = -2; dy <= 2; dy++)
                {
                    for (int dx = -2; dx <= 2; dx++)
                    {
                        expected[c * 49 + (3 + dy) * 7 + 3 + dx] = (float)(taps[dy + 2] * taps[dx + 2]);
                    }
                }
            }

            Close(expected, y[i], 1e-6, $"sample {i}");
        }
    }

    [Fact]
    public void BlurOfConstantImageIsConstant()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.full(2, 3, 6, 6, 0.7f);
        using var g = Gen(2);
        Close(x, ImageAugment.GaussianBlur(x, kernelSize: 5, sigmaMin: 0.1, sigmaMax: 3.0, p: 1.0, generator: g), 1e-6);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(11)]
    public void BlurRejectsEvenOrOversizedKernels(int size)
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageAugment.GaussianBlur(torch.rand(1, 1, 5, 5), size, 0.1, 2.0, 1.0, g));
        Assert.Equal("kernelSize", e.ParamName);
    }

    [Fact]
    public void BlurRejectsSigmasOutOfOrder()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        Assert.ThrowsAny<ArgumentException>(() => ImageAugment.GaussianBlur(torch.rand(1, 1, 5, 5), 3, 2.0, 1.0, 1.0, g));
    }

    [Fact]
    public void GaussianNoiseHasTheRequestedMeanAndStd()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.full(1, 1, 64, 64, 0.5f);
        using var g = Gen(3);
        var d = Data(ImageAugment.GaussianNoise(x, std: 0.1, p: 1.0, generator: g).sub(x));
        double mean = d.Average(v => (double)v);
        double std = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1));
        // n = 4096, sigma = 0.1 (clamping at 5 sigma is negligible): SE(mean) = 0.1/64 = 0.0016, SE(std) = 0.1/sqrt(2n) = 0.0011;
        // tolerances are 5 standard errors.
        Assert.InRange(mean, -0.008, 0.008);
        Assert.InRange(std, 0.1 - 0.0055, 0.1 + 0.0055);
    }
}
