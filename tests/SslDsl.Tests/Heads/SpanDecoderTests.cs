using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.HeadsTests;

/// <summary>T5's decoder head: logits per target position, causal in the target, blind to the encoder's padding.</summary>
public class SpanDecoderTests
{
    private static (SpanDecoder Decoder, Tensor States, Tensor Mask, Tensor Target) Make()
    {
        torch.manual_seed(3);
        var decoder = new SpanDecoder(inputDim: 16, vocabSize: 30, maxLength: 12, layers: 2, heads: 4);
        decoder.eval();
        var states = torch.randn(2, 7, 16);
        var mask = torch.tensor(new long[] { 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1 }, new long[] { 2, 7 });
        var target = torch.tensor(new long[] { 0, 29, 5, 6, 28, 0, 27, 9, 26, 0 }, new long[] { 2, 5 });
        return (decoder, states, mask, target);
    }

    [Fact]
    public void GivesLogitsForEveryTargetPosition()
    {
        using var scope = torch.NewDisposeScope();
        var (decoder, states, mask, target) = Make();
        Assert.Equal(new long[] { 2, 5, 30 }, decoder.forward(states, mask, target).shape);
    }

    [Fact]
    public void APositionSeesOnlyEarlierTargetTokens()
    {
        using var scope = torch.NewDisposeScope();
        var (decoder, states, mask, target) = Make();
        var before = decoder.forward(states, mask, target);
        var changed = target.clone();
        changed[0, 3] = torch.tensor(17L);
        var after = decoder.forward(states, mask, changed);
        Assert.Equal(0.0, before.narrow(1, 0, 3).sub(after.narrow(1, 0, 3)).abs().max().item<float>(), 6);
        Assert.True(before[0, 3].sub(after[0, 3]).abs().max().item<float>() > 1e-4);
    }

    [Fact]
    public void TheEncodersPaddingIsIgnored()
    {
        using var scope = torch.NewDisposeScope();
        var (decoder, states, mask, target) = Make();
        var before = decoder.forward(states, mask, target);
        var changed = states.clone();
        changed[0, 5] = torch.full(16, 9.0f);
        var after = decoder.forward(changed, mask, target);
        Assert.Equal(0.0, before.sub(after).abs().max().item<float>(), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpanDecoder(inputDim: 18, vocabSize: 30, maxLength: 12, layers: 1, heads: 4));
    }
}
