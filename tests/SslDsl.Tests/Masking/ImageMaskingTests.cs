using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Masking;

/// <summary>Patch (MAE / SimMIM) and block (context encoder) masks.</summary>
public class ImageMaskingTests
{
    [Theory]
    [InlineData(2, 0.75, 12)]   // 8x8 image, 2x2 patches: N = 16, round(0.75 * 16) = 12
    [InlineData(4, 0.5, 2)]     // N = 4, round(2) = 2
    [InlineData(2, 0.3, 5)]     // N = 16, round(4.8) = 5
    public void HidesExactlyRoundedRatioOfPatchesPerSample(int patch, double ratio, int hidden)
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(1, 6, 3, 8, 8);
        using var g = Gen(90);
        var result = ImageMasking.PatchMask(x, patch, ratio, p: 1.0, generator: g);
        Assert.Equal(new long[] { 6, 1, 8, 8 }, result.Mask.shape);
        Assert.Equal(ScalarType.Float32, result.Mask.dtype);
        Assert.Equal(x.shape, result.Input.shape);
        int grid = 8 / patch;
        for (int i = 0; i < 6; i++)
        {
            var m = Sample(result.Mask, i);
            Assert.All(m, v => Assert.True(v == 0f || v == 1f));
            int hiddenPatches = 0;
            for (int pr = 0; pr < grid; pr++)
            {
                for (int pc = 0; pc < grid; pc++)
                {
                    float first = m[pr * patch * 8 + pc * patch];
                    for (int dy = 0; dy < patch; dy++)
                    {
                        for (int dx = 0; dx < patch; dx++)
                        {
                            Assert.Equal(first, m[(pr * patch + dy) * 8 + pc * patch + dx]);   // constant within the patch
                        }
                    }

                    hiddenPatches += first == 1f ? 1 : 0;
                }
            }

            Assert.Equal(hidden, hiddenPatches);
        }
    }

    [Fact]
    public void InputIsTheImageWithHiddenPixelsZeroed()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(2, 4, 2, 8, 12);
        using var g = Gen(91);
        var result = ImageMasking.PatchMask(x, patchSize: 4, ratio: 0.5, p: 1.0, generator: g);
        for (int i = 0; i < 4; i++)
        {
            var m = Sample(result.Mask, i);
            var before = Sample(x, i);
            var after = Sample(result.Input, i);
            for (int k = 0; k < before.Length; k++)
            {
                Assert.Equal(m[k % 96] == 1f ? 0f : before[k], after[k]);
            }
        }
    }

    [Fact]
    public void PatternsDifferAcrossSamplesAndUnselectedSamplesAreUnmasked()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(3, 32, 1, 8, 8);
        using var g = Gen(92);
        var result = ImageMasking.PatchMask(x, patchSize: 2, ratio: 0.5, p: 0.5, generator: g);
        var masks = Enumerable.Range(0, 32).Select(i => Sample(result.Mask, i)).ToArray();
        var unmasked = Enumerable.Range(0, 32).Where(i => masks[i].All(v => v == 0f)).ToArray();
        var masked = Enumerable.Range(0, 32).Except(unmasked).ToArray();
        Assert.InRange(unmasked.Length, 1, 31);
        Assert.All(unmasked, i => Assert.Equal(Sample(x, i), Sample(result.Input, i)));
        Assert.All(masked, i => Assert.Equal(8 * 4, masks[i].Count(v => v == 1f)));   // 8 of 16 patches, 4 pixels each
        Assert.True(masked.Select(i => string.Join(",", masks[i])).Distinct().Count() > 1);
    }

    [Fact]
    public void ZeroProbabilityMasksNothing()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(4, 3, 1, 8, 8);
        using var g = Gen(93);
        var result = ImageMasking.PatchMask(x, 2, 0.75, p: 0.0, generator: g);
        Assert.Equal(0f, result.Mask.sum().item<float>());
        Assert.True(Same(x, result.Input));
    }

    [Fact]
    public void PatchMaskIsDeterministicForASeed()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(4, 3, 1, 8, 8);
        using var g1 = Gen(9);
        using var g2 = Gen(9);
        using var g3 = Gen(10);
        var a = ImageMasking.PatchMask(x, 2, 0.5, 1.0, g1).Mask;
        Assert.True(Same(a, ImageMasking.PatchMask(x, 2, 0.5, 1.0, g2).Mask));
        Assert.False(Same(a, ImageMasking.PatchMask(x, 2, 0.5, 1.0, g3).Mask));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(5)]
    public void PatchMaskRejectsPatchSizesThatDoNotDivideTheImage(int patch)
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageMasking.PatchMask(torch.rand(1, 1, 8, 12), patch, 0.5, 1, g));
        Assert.Equal("patchSize", e.ParamName);
        Assert.Contains("8x12", e.Message);
    }

    [Fact]
    public void BlockMaskHidesOneSquareOfSizeSquaredPixels()
    {
        using var scope = torch.NewDisposeScope();
        const int h = 10, w = 12, size = 4;
        var x = Rand(5, 8, 2, h, w);
        using var g = Gen(94);
        var result = ImageMasking.BlockMask(x, size, p: 1.0, generator: g);
        Assert.Equal(new long[] { 8, 1, h, w }, result.Mask.shape);
        Assert.Equal(ScalarType.Float32, result.Mask.dtype);
        var tops = new System.Collections.Generic.HashSet<int>();
        for (int i = 0; i < 8; i++)
        {
            var m = Sample(result.Mask, i);
            var hidden = Enumerable.Range(0, h * w).Where(k => m[k] == 1f).ToArray();
            Assert.Equal(size * size, hidden.Length);
            int top = hidden.Min(k => k / w), left = hidden.Min(k => k % w);
            Assert.All(hidden, k => Assert.InRange(k / w - top, 0, size - 1));
            Assert.All(hidden, k => Assert.InRange(k % w - left, 0, size - 1));
            tops.Add(top * w + left);
            var before = Sample(x, i);
            var after = Sample(result.Input, i);
            for (int k = 0; k < before.Length; k++)
            {
                Assert.Equal(m[k % (h * w)] == 1f ? 0f : before[k], after[k]);
            }
        }

        Assert.True(tops.Count > 1, "the block position should vary across samples");
    }

    [Fact]
    public void BlockMaskWithZeroProbabilityMasksNothing()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(6, 3, 1, 8, 8);
        using var g = Gen(95);
        var result = ImageMasking.BlockMask(x, 3, p: 0.0, generator: g);
        Assert.Equal(0f, result.Mask.sum().item<float>());
        Assert.True(Same(x, result.Input));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(0)]
    public void BlockMaskRejectsSizesLeavingNoContext(int size)
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageMasking.BlockMask(torch.rand(1, 1, 8, 10), size, 1, g));
        Assert.Equal("size", e.ParamName);
    }
}
