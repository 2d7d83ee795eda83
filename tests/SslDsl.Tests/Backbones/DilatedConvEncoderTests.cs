using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.BackboneTests;

/// <summary>TS2Vec's dilated convolutional encoder: per-step states, masking of latent steps, max-pooled forward.</summary>
public class DilatedConvEncoderTests
{
    [Fact]
    public void KeepsTheTimeAxisAndMaxPoolsItInForward()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        using var encoder = Backbones.DilatedConv(inChannels: 3, width: 8, outputDim: 6, depth: 3);
        encoder.eval();
        var x = torch.randn(4, 3, 21);
        var states = encoder.EncodeTimestamps(x);
        Assert.Equal(new[] { 4L, 21, 6 }, states.shape);
        var pooled = encoder.forward(x);
        Assert.Equal(new[] { 4L, 6 }, pooled.shape);
        Assert.True(pooled.allclose(states.amax(1)));
    }

    [Fact]
    public void AMaskedStepEncodesLikeAZeroLatentVectorAndReachesItsNeighbours()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        using var encoder = Backbones.DilatedConv(inChannels: 1, width: 4, outputDim: 4, depth: 2);
        encoder.eval();
        var x = torch.randn(1, 1, 16);
        var kept = torch.ones(1, 16, ScalarType.Bool);
        kept[0, 5] = torch.tensor(false);
        var masked = encoder.EncodeTimestamps(x, kept);
        var plain = encoder.EncodeTimestamps(x);
        // Blocks of dilation 1, 2, 4 with two kernel-3 convolutions each see 2 * (1 + 2 + 4) = 14 steps to each side,
        // so the masked step 5 changes its own state and its neighbours'.
        Assert.False(masked.select(1, 5).allclose(plain.select(1, 5)));
        Assert.False(masked.select(1, 6).allclose(plain.select(1, 6)));
        // The mask zeroes the latent vector, not the input: setting the input at step 5 to any value changes nothing.
        var changed = x.clone();
        changed[0, 0, 5] = torch.tensor(100f);
        Assert.True(encoder.EncodeTimestamps(changed, kept).allclose(masked, rtol: 1e-5, atol: 1e-6));
        Assert.Throws<ArgumentException>(() => encoder.EncodeTimestamps(x, torch.ones(1, 15, ScalarType.Bool)));
    }

    [Fact]
    public void ThePlainModuleHelperRefusesAPoolingEncoder()
    {
        using var scope = torch.NewDisposeScope();
        using var pooled = Backbones.Conv1d(inChannels: 1, width: 4, outputDim: 4, depth: 1);
        var e = Assert.Throws<ArgumentException>(() => TimestampEncoders.Encode(pooled, torch.zeros(2, 1, 8), null));
        Assert.Contains("ITimestampEncoder", e.Message);
    }
}
