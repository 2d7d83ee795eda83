using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.BackboneTests;

/// <summary>Shapes and block structure of the Sequential backbones (ResNet, Mlp, Conv1d).</summary>
public class ConvolutionalBackboneTests
{
    [Theory]
    [InlineData(1, 28, 1)]
    [InlineData(1, 28, 2)]
    [InlineData(3, 32, 3)]
    [InlineData(3, 17, 2)]
    public void ResNetMapsImagesToOutputDim(int channels, int size, int depth)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var net = SslDsl.Backbones.ResNet(channels, width: 8, outputDim: 24, depth: depth);
        var output = net.forward(torch.rand(5, channels, size, size));
        Assert.Equal(new long[] { 5, 24 }, output.shape);
        Assert.True(output.isfinite().all().item<bool>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void ResNetTopLevelChildrenAreDepthBlocksAndHead(int depth)
    {
        using var net = SslDsl.Backbones.ResNet(1, width: 4, outputDim: 8, depth: depth);
        var names = net.named_children().Select(c => c.name).ToArray();
        var expected = Enumerable.Range(0, depth).Select(i => $"block{i}").Append("head").ToArray();
        Assert.Equal(expected, names);
        Assert.Equal(depth + 1, BlocksSeenByFineTuner(net, 8));
    }

    [Fact]
    public void ResNetStagesDoubleWidthAndHalveResolution()
    {
        using var scope = torch.NewDisposeScope();
        var net = SslDsl.Backbones.ResNet(1, width: 4, outputDim: 8, depth: 3);
        var x = torch.rand(2, 1, 28, 28);
        // 28 -> block0 (stride 1) 28 -> block1 (stride 2) 14 -> block2 (stride 2) 7, widths 4, 8, 16.
        var expected = new[] { new long[] { 2, 4, 28, 28 }, new long[] { 2, 8, 14, 14 }, new long[] { 2, 16, 7, 7 } };
        for (int i = 0; i < 3; i++)
        {
            x = ((nn.Module<Tensor, Tensor>)net[i]).forward(x);
            Assert.Equal(expected[i], x.shape);
        }
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(30, 2)]
    [InlineData(13, 3)]
    public void MlpMapsRowsToOutputDim(int features, int depth)
    {
        using var scope = torch.NewDisposeScope();
        var net = SslDsl.Backbones.Mlp(features, width: 16, outputDim: 12, depth: depth);
        var output = net.forward(torch.randn(7, features));
        Assert.Equal(new long[] { 7, 12 }, output.shape);
        Assert.Equal(depth + 1, net.named_children().Count());
        Assert.Equal(depth + 1, BlocksSeenByFineTuner(net, 12));
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(1, 60)]
    [InlineData(3, 17)]
    [InlineData(1, 5)]
    [InlineData(1, 3)]
    [InlineData(2, 1)]
    public void Conv1dAcceptsAnySeriesLength(int channels, int length)
    {
        using var scope = torch.NewDisposeScope();
        var net = SslDsl.Backbones.Conv1d(channels, width: 8, outputDim: 10, depth: 3);
        var output = net.forward(torch.randn(4, channels, length));
        Assert.Equal(new long[] { 4, 10 }, output.shape);
        Assert.True(output.isfinite().all().item<bool>());
    }

    [Fact]
    public void Conv1dTopLevelChildrenAreDepthBlocksAndHead()
    {
        using var net = SslDsl.Backbones.Conv1d(1, width: 4, outputDim: 8, depth: 3);
        Assert.Equal(new[] { "block0", "block1", "block2", "head" }, net.named_children().Select(c => c.name).ToArray());
        Assert.Equal(4, BlocksSeenByFineTuner(net, 8));
    }

    [Fact]
    public void HalvingMaxPoolTakesPairwiseMaximaOnlyWhenLongEnough()
    {
        using var scope = torch.NewDisposeScope();
        using var pool = new HalvingMaxPool1d();
        // Length 5 >= 4: windows (3,1) (4,1) -> 3, 4; the odd last step is dropped.
        var pooled = pool.forward(torch.tensor(new float[] { 3, 1, 4, 1, 5 }).view(1, 1, 5));
        Assert.Equal(new float[] { 3, 4 }, pooled.data<float>().ToArray());
        // Length 3 < 4: unchanged.
        var kept = pool.forward(torch.tensor(new float[] { 2, 7, 1 }).view(1, 1, 3));
        Assert.Equal(new float[] { 2, 7, 1 }, kept.data<float>().ToArray());
    }

    [Fact]
    public void BackbonesRejectNonPositiveSizesNamingTheParameter()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.ResNet(0));
        Assert.Equal("inChannels", e1.ParamName);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.Mlp(4, width: -1));
        Assert.Equal("width", e2.ParamName);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.Conv1d(1, depth: 0));
        Assert.Equal("depth", e3.ParamName);
        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.Mlp(4, outputDim: 0));
        Assert.Equal("outputDim", e4.ParamName);
        var e5 = Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.ResNet(1, width: 64, depth: 30));
        Assert.Equal("depth", e5.ParamName);
        Assert.Contains("65,536", e5.Message);
    }

    /// <summary>How many blocks PartialUnfreeze sees (FineTuner.Blocks).</summary>
    internal static int BlocksSeenByFineTuner(nn.Module<Tensor, Tensor> encoder, int outputDim)
    {
        var settings = new FineTuneSettings(2, FineTuneMode.PartialUnfreeze, 1, 1, 1e-3, 0.1, 8);
        using var tuner = new FineTuner<ImageBatch>(encoder, outputDim, settings, new TrainingOptions { Device = torch.CPU });
        return tuner.Blocks().Count;
    }
}
