using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Augmentations;

/// <summary>Normalize against (x - m) / s computed by hand.</summary>
public class ImageAugmentNormalizeTests
{
    [Fact]
    public void NormalizesEachChannelWithItsOwnStatistics()
    {
        using var scope = torch.NewDisposeScope();
        // channel 0: 0.2, 0.4; channel 1: 0.6, 1.0
        var x = torch.tensor(new float[] { 0.2f, 0.4f, 0.6f, 1.0f }, new long[] { 1, 2, 1, 2 });
        var y = ImageAugment.Normalize(x, mean: new[] { 0.5, 0.25 }, std: new[] { 0.5, 0.25 });
        // (0.2-0.5)/0.5 = -0.6, (0.4-0.5)/0.5 = -0.2, (0.6-0.25)/0.25 = 1.4, (1-0.25)/0.25 = 3
        TestTensors.Close(new[] { -0.6f, -0.2f, 1.4f, 3f }, y, 1e-6);
        Assert.Equal(x.shape, y.shape);
        Assert.Equal(ScalarType.Float32, y.dtype);
    }

    [Fact]
    public void OneValueAppliesToEveryChannel()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 0.0f, 1.0f, 0.75f }, new long[] { 1, 3, 1, 1 });
        var y = ImageAugment.Normalize(x, mean: new[] { 0.5 }, std: new[] { 0.5 });
        // (0-0.5)/0.5 = -1, (1-0.5)/0.5 = 1, (0.75-0.5)/0.5 = 0.5
        TestTensors.Close(new[] { -1f, 1f, 0.5f }, y, 1e-6);
    }

    [Fact]
    public void RejectsStatisticsThatDoNotFitTheChannels()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.rand(2, 3, 4, 4);
        var e = Assert.Throws<ArgumentException>(() => ImageAugment.Normalize(x, mean: new[] { 0.1, 0.2 }, std: new[] { 0.5 }));
        Assert.Equal("mean", e.ParamName);
        Assert.Contains("3 channels", e.Message);
        e = Assert.Throws<ArgumentException>(() => ImageAugment.Normalize(x, mean: new[] { 0.1 }, std: new[] { 0.5, 0.5 }));
        Assert.Equal("std", e.ParamName);
    }

    [Fact]
    public void RejectsZeroStd()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageAugment.Normalize(torch.rand(1, 1, 2, 2), new[] { 0.5 }, new[] { 0.0 }));
        Assert.Equal("std", e.ParamName);
    }
}
