using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>Flips, random resized crop and random rotation against hand-written or loop-computed expectations.</summary>
public class ImageAugmentGeometryTests
{
    [Fact]
    public void HorizontalFlipMirrorsHandWrittenImage()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }, new long[] { 1, 1, 2, 3 });
        using var g = Gen(1);
        var y = ImageAugment.HorizontalFlip(x, p: 1.0, generator: g);
        Assert.Equal(new float[] { 0.3f, 0.2f, 0.1f, 0.6f, 0.5f, 0.4f }, Data(y));
    }

    [Fact]
    public void HorizontalFlipWithCertaintyEqualsFlipOfWidthAxis()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(3, 4, 2, 5, 6);
        using var g = Gen(2);
        Assert.True(Same(x.flip(3), ImageAugment.HorizontalFlip(x, p: 1.0, generator: g)));
    }

    [Fact]
    public void VerticalFlipMirrorsHandWrittenImage()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }, new long[] { 1, 1, 2, 3 });
        using var g = Gen(1);
        var y = ImageAugment.VerticalFlip(x, p: 1.0, generator: g);
        Assert.Equal(new float[] { 0.4f, 0.5f, 0.6f, 0.1f, 0.2f, 0.3f }, Data(y));
    }

    [Fact]
    public void FlippedSamplesAreMirrorsAndOthersUnchanged()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(4, 16, 1, 3, 4);
        using var g = Gen(3);
        var y = ImageAugment.HorizontalFlip(x, p: 0.5, generator: g);
        var flipped = x.flip(3);
        for (long i = 0; i < 16; i++)
        {
            bool same = Sample(y, i).SequenceEqual(Sample(x, i));
            bool mirror = Sample(y, i).SequenceEqual(Sample(flipped, i));
            Assert.True(same ^ mirror, $"sample {i} is neither the original nor its mirror (or both)");
        }
    }

    [Fact]
    public void RandomResizedCropOfWholeImageIsIdentity()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(5, 2, 3, 6, 8);
        using var g = Gen(4);
        // The whole image at its own aspect ratio (width / height in pixels, 8 / 6).
        var y = ImageAugment.RandomResizedCrop(x, minScale: 1.0, maxScale: 1.0, minRatio: 8.0 / 6.0, maxRatio: 8.0 / 6.0, p: 1.0, generator: g);
        Close(x, y, 1e-5);
    }

    [Fact]
    public void RandomResizedCropMatchesReferenceBilinearCropOfTheDrawnRectangle()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(6, 3, 2, 6, 8);
        using var g = Gen(21);
        var y = ImageAugment.RandomResizedCrop(x, minScale: 0.2, maxScale: 0.6, minRatio: 0.5, maxRatio: 2.0, p: 1.0, generator: g);

        // Documented draw order: B x 10 areas, B x 10 log-ratios, B centre-x and B centre-y uniforms (p = 1 draws no mask).
        using var replay = Gen(21);
        var areas = Data(torch.rand(new long[] { 30 }, generator: replay));
        var ratios = Data(torch.rand(new long[] { 30 }, generator: replay));
        var centres = Data(torch.rand(new long[] { 6 }, generator: replay));
        for (int i = 0; i < 3; i++)
        {
            // The first of 10 attempts whose rectangle (in pixels: w = sqrt(a H W r), h = sqrt(a H W / r)) fits in 6 x 8.
            double w = 0, h = 0;
            for (int k = 0; k < 10; k++)
            {
                double area = 0.2 + 0.4 * areas[i * 10 + k];
                double ratio = Math.Exp(Math.Log(0.5) + (Math.Log(2.0) - Math.Log(0.5)) * ratios[i * 10 + k]);
                double wPx = Math.Sqrt(area * 48 * ratio), hPx = Math.Sqrt(area * 48 / ratio);
                if (wPx <= 8 && hPx <= 6)
                {
                    (w, h) = (wPx / 8, hPx / 6);
                    break;
                }
            }

            Assert.True(w > 0, "with areas up to 0.6 and ratios up to 2 one of 10 attempts fits for this seed");
            double cx = centres[i] * (1 - w) + w / 2, cy = centres[3 + i] * (1 - h) + h / 2;
            var theta = new double[,] { { w, 0, 2 * cx - 1 }, { 0, h, 2 * cy - 1 } };
            Close(AffineReference(Sample(x, i), 2, 6, 8, theta, border: true), y[i], 1e-4, $"sample {i}");
        }
    }

    [Fact]
    public void LargeCropsKeepTheirAreaAndAspectRatioInsteadOfBeingClamped()
    {
        // With areas near the whole image, many drawn rectangles do not fit; torchvision draws again rather
        // than clamping a side (which would change the ratio and area). Every box here fits, has its drawn area
        // and a ratio (in pixels) inside [3/4, 4/3].
        using var scope = torch.NewDisposeScope();
        using var g = Gen(3);
        var (cx, cy, w, h) = ImageAugment.RandomResizedCropBoxes(2000, 28, 20, 0.85, 1.0, 0.75, 4.0 / 3.0, g, torch.CPU);
        var area = Data64(w * h);
        var ratio = Data64(w * 20 / (h * 28));
        var left = Data64(cx - w / 2);
        var right = Data64(cx + w / 2);
        var widths = Data64(w);
        var heights = Data64(h);
        double fallbackHeight = 20 / 0.75 / 28;
        int fallbacks = 0;
        for (int i = 0; i < area.Length; i++)
        {
            Assert.InRange(left[i], -1e-9, 1);
            Assert.InRange(right[i], 0, 1 + 1e-9);
            Assert.InRange(ratio[i], 0.75 - 1e-9, 4.0 / 3.0 + 1e-9);
            if (Math.Abs(widths[i] - 1) < 1e-12 && Math.Abs(heights[i] - fallbackHeight) < 1e-12)
            {
                fallbacks++;
                continue;
            }

            Assert.InRange(area[i], 0.85 - 1e-9, 1.0 + 1e-9);
        }

        // A 28 x 20 image (ratio 0.714) can hold a 0.85+ area crop with ratio >= 0.75 only barely: some samples
        // exhaust their 10 attempts and take the centred fallback, which is the whole width at ratio 0.75.
        Assert.True(fallbacks > 0, "expected some fallbacks for this image shape");
    }

    [Fact]
    public void WhenNoAttemptFitsTheCropIsTheCentredLargestOneWithTheRatioClamped()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(8);
        // The whole area of a square image at a ratio in [2, 3] never fits: the fallback is w = 1, h = 1/2, centred.
        var (cx, cy, w, h) = ImageAugment.RandomResizedCropBoxes(16, 10, 10, 1.0, 1.0, 2.0, 3.0, g, torch.CPU);
        Assert.All(Data64(w), v => Assert.Equal(1.0, v, 12));
        Assert.All(Data64(h), v => Assert.Equal(0.5, v, 12));
        Assert.All(Data64(cx), v => Assert.Equal(0.5, v, 12));
        Assert.All(Data64(cy), v => Assert.Equal(0.5, v, 12));
    }

    private static double[] Data64(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    [Fact]
    public void RandomRotationByZeroDegreesIsIdentity()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(7, 2, 3, 5, 7);
        using var g = Gen(5);
        Close(x, ImageAugment.RandomRotation(x, degrees: 0.0, p: 1.0, generator: g), 1e-5);
    }

    [Fact]
    public void RandomRotationMatchesReferenceBilinearRotation()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(8, 4, 2, 5, 7);
        using var g = Gen(33);
        var y = ImageAugment.RandomRotation(x, degrees: 40.0, p: 1.0, generator: g);

        // Documented draw order: B angle uniforms first. Rotation in pixel units (u right, v down): the source of
        // output (u, v) is (cos a u - sin a v, sin a u + cos a v); with u = x W/2, v = y H/2 in normalized units.
        using var replay = Gen(33);
        var u = Data(torch.rand(new long[] { 4 }, generator: replay));
        for (int i = 0; i < 4; i++)
        {
            double a = (-40.0 + 80.0 * u[i]) * Math.PI / 180.0;
            double hw = 5.0 / 7.0;
            var theta = new double[,] { { Math.Cos(a), -Math.Sin(a) * hw, 0 }, { Math.Sin(a) / hw, Math.Cos(a), 0 } };
            Close(AffineReference(Sample(x, i), 2, 5, 7, theta, border: false), y[i], 1e-4, $"sample {i}");
        }
    }

    [Fact]
    public void PositiveAnglesTurnCounterClockwise()
    {
        using var scope = torch.NewDisposeScope();
        // A bright pixel right of the centre (row 4, column 7 of a 9x9 image): a counter-clockwise turn moves it up.
        var one = new float[81];
        one[4 * 9 + 7] = 1f;
        var x = torch.tensor(Enumerable.Repeat(one, 8).SelectMany(v => v).ToArray(), new long[] { 8, 1, 9, 9 });
        using var g = Gen(12);
        var y = ImageAugment.RandomRotation(x, degrees: 80.0, p: 1.0, generator: g);
        using var replay = Gen(12);
        var u = Data(torch.rand(new long[] { 8 }, generator: replay));
        int positive = 0, negative = 0;
        for (int i = 0; i < 8; i++)
        {
            double angle = -80.0 + 160.0 * u[i];
            var img = Sample(y, i);
            double mass = img.Sum(), rowMean = Enumerable.Range(0, 81).Sum(k => img[k] * (k / 9)) / mass;
            if (Math.Abs(angle) < 5)
            {
                continue;
            }

            Assert.Equal(Math.Sign(angle), Math.Sign(4.0 - rowMean));
            if (angle > 0) { positive++; } else { negative++; }
        }

        Assert.True(positive > 0 && negative > 0, "the seed should give both turning directions");
    }

    [Fact]
    public void RandomRotationFillsCornersWithZero()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(4, 1, 9, 9);
        using var g = Gen(13);
        var y = ImageAugment.RandomRotation(x, degrees: 45.0, p: 1.0, generator: g);
        using var replay = Gen(13);
        var u = Data(torch.rand(new long[] { 4 }, generator: replay));
        for (int i = 0; i < 4; i++)
        {
            var img = Sample(y, i);
            Assert.Equal(1f, img[4 * 9 + 4], 5);           // the centre maps onto itself
            if (Math.Abs(-45.0 + 90.0 * u[i]) > 20)
            {
                // corner (0,0) at pixel offset (-4,-4) comes from a source about 5.66 px from the centre along a
                // direction turned by more than 20 degrees: outside the 9x9 square, so it is zero filled.
                Assert.True(img[0] < 0.5f, $"sample {i}: corner not filled with zeros ({img[0]})");
            }
        }
    }

    [Fact]
    public void RandomRotationRejectsNegativeDegrees()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageAugment.RandomRotation(torch.rand(1, 1, 4, 4), degrees: -1, p: 1, generator: g));
        Assert.Equal("degrees", e.ParamName);
    }
}
