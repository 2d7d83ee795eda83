using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>Random erasing: one zero rectangle per selected sample, of the requested area fraction.</summary>
public class ImageAugmentErasingTests
{
    [Fact]
    public void ErasesOneRectangleOfTheRequestedAreaInEveryChannel()
    {
        using var scope = torch.NewDisposeScope();
        const int h = 32, w = 32;
        const double minArea = 0.1, maxArea = 0.3;
        var x = Rand(1, 16, 2, h, w).add(0.01).clamp(0, 1);   // strictly positive, so erased pixels are the zeros
        using var g = Gen(60);
        var y = ImageAugment.RandomErasing(x, minArea, maxArea, p: 1.0, generator: g);
        for (int i = 0; i < 16; i++)
        {
            var before = Sample(x, i);
            var after = Sample(y, i);
            var erased = new bool[h * w];
            for (int k = 0; k < h * w; k++)
            {
                erased[k] = after[k] == 0f;
                Assert.Equal(erased[k], after[h * w + k] == 0f);           // both channels erased together
                if (!erased[k])
                {
                    Assert.Equal(before[k], after[k]);
                    Assert.Equal(before[h * w + k], after[h * w + k]);
                }
            }

            var rows = Enumerable.Range(0, h).Where(r => Enumerable.Range(0, w).Any(c => erased[r * w + c])).ToArray();
            var cols = Enumerable.Range(0, w).Where(c => Enumerable.Range(0, h).Any(r => erased[r * w + c])).ToArray();
            int count = erased.Count(e => e);
            int eh = rows.Length, ew = cols.Length;
            Assert.Equal(eh * ew, count);                                     // a full rectangle...
            Assert.Equal(eh - 1, rows[^1] - rows[0]);                          // ...of contiguous rows
            Assert.Equal(ew - 1, cols[^1] - cols[0]);                          // ...and columns

            // Sides are round(h*) and round(w*) of an exact rectangle with area a·H·W, so
            // |h·w - h*·w*| <= 0.5 h* + 0.5 w* + 0.25 <= 0.5 (h + 0.5) + 0.5 (w + 0.5) + 0.25 pixels.
            double slack = (0.5 * (eh + 0.5) + 0.5 * (ew + 0.5) + 0.25) / (h * w);
            double fraction = count / (double)(h * w);
            Assert.InRange(fraction, minArea - slack, maxArea + slack);
        }
    }

    [Fact]
    public void ErasedFractionsAreInsideTheRangeOnAverage()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(64, 1, 40, 40);
        using var g = Gen(61);
        var y = ImageAugment.RandomErasing(x, minArea: 0.2, maxArea: 0.2, p: 1.0, generator: g);
        var fractions = Enumerable.Range(0, 64).Select(i => Sample(y, i).Count(v => v == 0f) / 1600.0).ToArray();
        // With min = max = 0.2 (320 pixels) only the rounding of the sides moves the area; its bound is
        // 0.5 (h* + w*) + 0.25 with h* + w* <= sqrt(320/0.3) + sqrt(320*0.3) ≈ 32.7 + 9.8, i.e. 21.5 px = 0.0134.
        Assert.All(fractions, f => Assert.InRange(f, 0.2 - 0.0135, 0.2 + 0.0135));
        Assert.InRange(fractions.Average(), 0.19, 0.21);
    }

    [Fact]
    public void RejectsAreasOutOfOrderOrAboveOne()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var x = torch.rand(1, 1, 8, 8);
        Assert.ThrowsAny<ArgumentException>(() => ImageAugment.RandomErasing(x, 0.5, 0.2, 1, g));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageAugment.RandomErasing(x, 0.5, 1.2, 1, g));
        Assert.Equal("maxArea", e.ParamName);
    }
}
