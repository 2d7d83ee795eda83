using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>The resized crops of multi-crop views: the rectangles of RandomResizedCrop, resampled to another size.</summary>
public class MultiCropTests
{
    [Fact]
    public void CropToTheImageSizeEqualsTheCropThatKeepsTheSize()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(3, 4, 1, 10, 10);
        using var a = Gen(7);
        using var b = Gen(7);
        var kept = ImageAugment.RandomResizedCrop(x, minScale: 0.2, maxScale: 0.9, minRatio: 0.75, maxRatio: 4.0 / 3.0, p: 1.0, generator: a);
        var sized = ImageAugment.RandomResizedCrop(x, size: 10, minScale: 0.2, maxScale: 0.9, minRatio: 0.75, maxRatio: 4.0 / 3.0, p: 1.0, generator: b);
        Close(kept, sized, 1e-6);
    }

    [Fact]
    public void TheWholeImageIsResizedBilinearly()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(5, 2, 3, 12, 12);
        using var g = Gen(1);
        var local = ImageAugment.RandomResizedCrop(x, size: 5, minScale: 1.0, maxScale: 1.0, minRatio: 1.0, maxRatio: 1.0, p: 1.0, generator: g);
        var expected = nn.functional.interpolate(x, size: new long[] { 5, 5 }, mode: InterpolationMode.Bilinear, align_corners: false);
        Assert.Equal(new long[] { 2, 3, 5, 5 }, local.shape);
        Close(expected, local, 1e-5);
    }

    [Fact]
    public void SamplesNotSelectedAreTheWholeImageResized()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(9, 3, 1, 8, 8);
        using var g = Gen(2);
        var y = ImageAugment.RandomResizedCrop(x, size: 4, minScale: 0.1, maxScale: 0.2, minRatio: 1.0, maxRatio: 1.0, p: 0.0, generator: g);
        Close(nn.functional.interpolate(x, size: new long[] { 4, 4 }, mode: InterpolationMode.Bilinear, align_corners: false), y, 1e-5);
    }

    [Fact]
    public void ASizeBelowOneIsRejected()
    {
        using var g = Gen(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageAugment.RandomResizedCrop(torch.zeros(1, 1, 4, 4), size: 0, 0.5, 1.0, 0.75, 4.0 / 3.0, 1.0, g));
    }
}
