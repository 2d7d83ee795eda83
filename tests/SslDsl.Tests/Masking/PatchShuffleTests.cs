using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.MaskingTests;

/// <summary>MAE's random masking: how many patches stay visible, and that shuffle, gather and unshuffle restore the order exactly.</summary>
public class PatchShuffleTests
{
    [Theory]
    [InlineData(49, 0.75, 12)]
    [InlineData(16, 0.75, 4)]
    [InlineData(16, 0.5, 8)]
    [InlineData(4, 0.9, 0)]
    [InlineData(10, 0.01, 9)]
    public void KeptIsTheFloorOfTheVisibleFraction(int patches, double ratio, int kept) =>
        Assert.Equal(kept, PatchShuffle.Kept(patches, ratio));

    [Fact]
    public void EverySampleGetsAPermutationWhoseFirstKeptPatchesAreTheVisibleOnes()
    {
        using var scope = torch.NewDisposeScope();
        var shuffle = PatchShuffle.Random(5, 16, 0.75, new Generator(3), CPU);
        Assert.Equal(new long[] { 5, 4 }, shuffle.Keep.shape);
        Assert.Equal(new long[] { 5, 16 }, shuffle.Restore.shape);
        Assert.Equal(new long[] { 5, 16 }, shuffle.Mask.shape);
        for (int b = 0; b < 5; b++)
        {
            // Restore is a permutation of 0..15.
            Assert.True(shuffle.Restore[b].sort().Values.eq(torch.arange(16L)).all().item<bool>());
            // Exactly 12 hidden, and the kept ones are the visible (mask 0) patches.
            Assert.Equal(12f, shuffle.Mask[b].sum().item<float>());
            Assert.True(shuffle.Mask[b].index_select(0, shuffle.Keep[b]).eq(0).all().item<bool>());
        }

        // Different samples are shuffled differently.
        Assert.False(shuffle.Restore[0].eq(shuffle.Restore[1]).all().item<bool>());
    }

    [Fact]
    public void GatheringTheVisibleAndHiddenTokensThenUnshufflingRestoresTheOrderExactly()
    {
        using var scope = torch.NewDisposeScope();
        var tokens = torch.randn(new long[] { 3, 9, 5 }, generator: new Generator(1));
        var shuffle = PatchShuffle.Random(3, 9, 0.6, new Generator(2), CPU);
        var order = shuffle.Restore.argsort(1);
        int kept = PatchShuffle.Kept(9, 0.6);
        var visible = shuffle.Visible(tokens);
        var hidden = PatchShuffle.Gather(tokens, order.narrow(1, kept, 9 - kept));
        Assert.True(visible.eq(PatchShuffle.Gather(tokens, order.narrow(1, 0, kept))).all().item<bool>());
        var restored = shuffle.Unshuffle(torch.cat(new[] { visible, hidden }, 1));
        Assert.True(restored.eq(tokens).all().item<bool>(), "unshuffle(gather) should restore every token bit for bit");
        // The visible tokens sit where the mask is 0.
        var visibleInPlace = restored.masked_select(shuffle.Mask.eq(0).unsqueeze(-1)).view(3, kept, 5);
        Assert.True(visibleInPlace.sort(1).Values.eq(visible.sort(1).Values).all().item<bool>());
    }

    [Fact]
    public void TheSameGeneratorSeedDrawsTheSameShuffle()
    {
        using var scope = torch.NewDisposeScope();
        var a = PatchShuffle.Random(4, 16, 0.75, new Generator(9), CPU);
        var b = PatchShuffle.Random(4, 16, 0.75, new Generator(9), CPU);
        Assert.True(a.Keep.eq(b.Keep).all().item<bool>());
        Assert.True(a.Restore.eq(b.Restore).all().item<bool>());
    }

    [Fact]
    public void ARatioThatKeepsNoPatchIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PatchShuffle.Random(2, 4, 0.9, new Generator(1), CPU));
        Assert.Contains("keeps none visible", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PatchShuffle.Random(2, 4, 1.0, new Generator(1), CPU));
    }

    [Fact]
    public void PatchifyCutsRowMajorPatchesAndUnpatchifyInvertsIt()
    {
        using var scope = torch.NewDisposeScope();
        var image = torch.arange(16f).view(1, 1, 4, 4);
        var patches = ImagePatches.Patchify(image, 2);
        Assert.Equal(new long[] { 1, 4, 4 }, patches.shape);
        // Patch 1 is row 0, column 1: pixels (0,2), (0,3), (1,2), (1,3).
        Assert.Equal(new[] { 2f, 3f, 6f, 7f }, patches[0, 1].data<float>().ToArray());
        Assert.Equal(new[] { 8f, 9f, 12f, 13f }, patches[0, 2].data<float>().ToArray());
        var rgb = torch.randn(new long[] { 2, 3, 6, 4 }, generator: new Generator(4));
        Assert.True(ImagePatches.Unpatchify(ImagePatches.Patchify(rgb, 2), 2, 3, 6, 4).eq(rgb).all().item<bool>());
        Assert.Throws<ArgumentException>(() => ImagePatches.Patchify(rgb, 4));
    }
}
