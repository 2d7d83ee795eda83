using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>Colour jitter, grayscale and solarize against hand-computed pixels.</summary>
public class ImageAugmentColorTests
{
    [Fact]
    public void GrayscaleReplicatesLumaToEveryChannel()
    {
        using var scope = torch.NewDisposeScope();
        // Two pixels: (R,G,B) = (0.2, 0.4, 0.6) and (1, 0, 0).
        var x = torch.tensor(new float[] { 0.2f, 1f, 0.4f, 0f, 0.6f, 0f }, new long[] { 1, 3, 1, 2 });
        using var g = Gen(1);
        var y = ImageAugment.Grayscale(x, p: 1.0, generator: g);
        // 0.299*0.2 + 0.587*0.4 + 0.114*0.6 = 0.0598 + 0.2348 + 0.0684 = 0.363; 0.299*1 = 0.299.
        Close(new[] { 0.363f, 0.299f, 0.363f, 0.299f, 0.363f, 0.299f }, y, 1e-6);
    }

    [Fact]
    public void GrayscaleOfSingleChannelImageIsIdentity()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(2, 3, 1, 4, 4);
        using var g = Gen(2);
        Assert.True(Same(x, ImageAugment.Grayscale(x, p: 1.0, generator: g)));
    }

    [Fact]
    public void GrayscaleOfTwoChannelImageUsesChannelMean()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 0.2f, 0.6f }, new long[] { 1, 2, 1, 1 });
        using var g = Gen(2);
        Close(new[] { 0.4f, 0.4f }, ImageAugment.Grayscale(x, p: 1.0, generator: g), 1e-6);
    }

    [Fact]
    public void SolarizeInvertsPixelsAtOrAboveThreshold()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 0.1f, 0.5f, 0.7f, 0.49f, 1f, 0f }, new long[] { 1, 1, 2, 3 });
        using var g = Gen(3);
        var y = ImageAugment.Solarize(x, threshold: 0.5, p: 1.0, generator: g);
        // below 0.5 kept; 0.5 -> 0.5, 0.7 -> 0.3, 1 -> 0.
        Close(new[] { 0.1f, 0.5f, 0.3f, 0.49f, 0f, 0f }, y, 1e-6);
    }

    [Fact]
    public void BrightnessJitterScalesEachSampleByItsDrawnFactor()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(4, 3, 1, 4, 4).mul(0.5);
        using var g = Gen(40);
        var y = ImageAugment.ColorJitter(x, brightness: 0.4, contrast: 0, saturation: 0, hue: 0, p: 1.0, generator: g);
        // p = 1 draws no mask; then B brightness uniforms, factor = 0.6 + 0.8 u.
        using var replay = Gen(40);
        var u = Data(torch.rand(new long[] { 3 }, generator: replay));
        for (int i = 0; i < 3; i++)
        {
            double f = 0.6 + 0.8 * u[i];
            var expected = Sample(x, i).Select(v => (float)Math.Clamp(v * f, 0, 1)).ToArray();
            Close(expected, y[i], 1e-6, $"sample {i}");
        }
    }

    [Fact]
    public void ContrastJitterScalesAroundTheImageMean()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(5, 2, 1, 3, 3).mul(0.4).add(0.3);
        using var g = Gen(41);
        var y = ImageAugment.ColorJitter(x, brightness: 0, contrast: 0.5, saturation: 0, hue: 0, p: 1.0, generator: g);
        using var replay = Gen(41);
        var u = Data(torch.rand(new long[] { 2 }, generator: replay));
        for (int i = 0; i < 2; i++)
        {
            double f = 0.5 + 1.0 * u[i];
            var s = Sample(x, i);
            double mean = s.Average(v => (double)v);
            Close(s.Select(v => (float)Math.Clamp((v - mean) * f + mean, 0, 1)).ToArray(), y[i], 1e-5, $"sample {i}");
        }
    }

    [Fact]
    public void BrightnessAndContrastRunInARandomOrderPerSample()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(9, 12, 1, 3, 3).mul(0.8).add(0.1);
        using var g = Gen(44);
        var y = ImageAugment.ColorJitter(x, brightness: 0.9, contrast: 0.9, saturation: 0, hue: 0, p: 1.0, generator: g);
        // p = 1 draws no mask; then 12 brightness and 12 contrast uniforms, then 12 x 2 order keys (lower key first).
        using var replay = Gen(44);
        var u = Data(torch.rand(new long[] { 24 }, generator: replay));
        var keys = Data(torch.rand(new long[] { 24 }, generator: replay));
        int brightnessFirst = 0;
        for (int i = 0; i < 12; i++)
        {
            double fb = 0.1 + 1.8 * u[i], fc = 0.1 + 1.8 * u[12 + i];
            double[] Brightness(double[] v) => v.Select(a => Math.Clamp(a * fb, 0, 1)).ToArray();
            double[] Contrast(double[] v)
            {
                double mean = v.Average();
                return v.Select(a => Math.Clamp((a - mean) * fc + mean, 0, 1)).ToArray();
            }

            var s = Sample(x, i).Select(v => (double)v).ToArray();
            bool bFirst = keys[2 * i] < keys[2 * i + 1];
            brightnessFirst += bFirst ? 1 : 0;
            var expected = bFirst ? Contrast(Brightness(s)) : Brightness(Contrast(s));
            Close(expected.Select(v => (float)v).ToArray(), y[i], 1e-5, $"sample {i}");
        }

        Assert.InRange(brightnessFirst, 1, 11); // both orders occur in this batch
    }

    [Fact]
    public void SaturationAndHueLeaveGrayPixelsUnchanged()
    {
        using var scope = torch.NewDisposeScope();
        // R = G = B: zero chroma, so neither the saturation blend nor the hue rotation can change it.
        var x = Rand(6, 4, 1, 5, 5).expand(4, 3, 5, 5).contiguous();
        using var g = Gen(42);
        var y = ImageAugment.ColorJitter(x, brightness: 0, contrast: 0, saturation: 0.8, hue: 0.4, p: 1.0, generator: g);
        Close(x, y, 1e-5);
    }

    [Fact]
    public void HueJitterChangesColouredPixels()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(7, 4, 3, 5, 5);
        using var g = Gen(43);
        var y = ImageAugment.ColorJitter(x, brightness: 0, contrast: 0, saturation: 0, hue: 0.4, p: 1.0, generator: g);
        Assert.True(x.sub(y).abs().max().item<float>() > 1e-3f);
    }

    [Fact]
    public void ColorJitterRejectsHueAboveHalfTurn()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageAugment.ColorJitter(torch.rand(1, 3, 2, 2), 0, 0, 0, hue: 0.6, p: 1, generator: g));
        Assert.Equal("hue", e.ParamName);
    }
}
