using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.BackboneTests;

/// <summary>The ViT: shapes and children, the sine-cosine table against its formula, and MAE's encoder pass over the visible patches only.</summary>
public class VisionTransformerTests
{
    [Fact]
    public void SinCosTableMatchesTheFormula()
    {
        using var scope = torch.NewDisposeScope();
        var table = SinCosPositions.Grid(2, 3, 8);
        Assert.Equal(new long[] { 6, 8 }, table.shape);
        // Patch 5 is row 1, column 2; width 8 gives k = 2 frequencies, 1 and 10000^(-1/2) = 0.01.
        double[] expected = { Math.Sin(2), Math.Sin(0.02), Math.Cos(2), Math.Cos(0.02), Math.Sin(1), Math.Sin(0.01), Math.Cos(1), Math.Cos(0.01) };
        var row = table[5].data<float>().ToArray();
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(expected[i], row[i], 6);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SinCosPositions.Grid(2, 2, 6));
    }

    [Fact]
    public void ForwardReturnsTheProjectedClsStateAndChildrenEndWithTheHead()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var vit = Backbones.VisionTransformer(inChannels: 1, imageHeight: 8, imageWidth: 12, patchSize: 4, width: 16, outputDim: 10, depth: 2, heads: 4);
        Assert.Equal(6, vit.Patches);
        var output = vit.forward(torch.rand(3, 1, 8, 12));
        Assert.Equal(new long[] { 3, 10 }, output.shape);
        Assert.Equal(new[] { "patch_embedding", "layer0", "layer1", "head" }, vit.named_children().Select(c => c.name).ToArray());
        Assert.Contains(vit.named_parameters(), p => p.name == "cls_token");
        Assert.DoesNotContain(vit.named_parameters(), p => p.name == "positions");
        var learned = Backbones.VisionTransformer(inChannels: 1, imageHeight: 8, imageWidth: 8, patchSize: 4, width: 6, outputDim: 6, depth: 1, heads: 2, learnedPositions: true);
        Assert.Contains(learned.named_parameters(), p => p.name == "positions");
        Assert.Equal(new long[] { 2, 6 }, learned.forward(torch.rand(2, 1, 8, 8)).shape);
    }

    [Fact]
    public void InvalidConfigurationsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backbones.VisionTransformer(1, 28, 28, patchSize: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backbones.VisionTransformer(1, 28, 28, patchSize: 4, width: 64, heads: 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backbones.VisionTransformer(1, 28, 28, patchSize: 4, width: 66, heads: 2));
        using var vit = Backbones.VisionTransformer(1, 8, 8, patchSize: 4, width: 8, outputDim: 8, depth: 1, heads: 2);
        Assert.Throws<ArgumentException>(() => vit.forward(torch.rand(1, 1, 12, 12)));
    }

    [Fact]
    public void TheEncoderSeesOnlyTheVisiblePatches()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        var vit = Backbones.VisionTransformer(inChannels: 1, imageHeight: 8, imageWidth: 8, patchSize: 2, width: 16, outputDim: 16, depth: 2, heads: 2);
        var shuffle = PatchShuffle.Random(3, 16, 0.75, new Generator(5), CPU);
        var images = torch.rand(new long[] { 3, 1, 8, 8 }, generator: new Generator(6));
        var states = vit.EncodeVisible(images, shuffle.Keep);
        // CLS and N (1 - ratio) = 4 patch tokens: the blocks never get the 12 hidden ones.
        Assert.Equal(new long[] { 3, 1 + 4, 16 }, states.shape);
        // Changing every hidden patch's pixels changes nothing the encoder returns.
        var pixelMask = ImagePatches.Unpatchify(shuffle.Mask.unsqueeze(-1).expand(3, 16, 4), 2, 1, 8, 8);
        var altered = images + pixelMask * torch.rand(new long[] { 3, 1, 8, 8 }, generator: new Generator(7));
        Assert.True(vit.EncodeVisible(altered, shuffle.Keep).allclose(states, rtol: 0, atol: 1e-6));
        // ... while changing a visible one does.
        var visibleMask = 1 - pixelMask;
        Assert.False(vit.EncodeVisible(images + visibleMask * 0.5, shuffle.Keep).allclose(states, rtol: 0, atol: 1e-3));
    }

    [Fact]
    public void DecoderPredictsEveryPatchAndTrainsItsMaskToken()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var decoder = new MaeDecoder(encoderWidth: 16, rows: 4, columns: 4, patchValues: 4, hidden: 8, layers: 1, heads: 2);
        var shuffle = PatchShuffle.Random(2, 16, 0.75, new Generator(1), CPU);
        var latent = torch.randn(2, 5, 16);
        var prediction = decoder.forward(latent, shuffle.Restore);
        Assert.Equal(new long[] { 2, 16, 4 }, prediction.shape);
        // The hidden places hold the mask token, so gradients reach it.
        prediction.sum().backward();
        Assert.True(decoder.MaskToken.grad is { } g && g.abs().sum().item<float>() > 0);
        Assert.Throws<ArgumentException>(() => decoder.forward(latent, torch.zeros(new long[] { 2, 9 }, dtype: ScalarType.Int64)));
    }

    [Fact]
    public void OfNamesTheEncoderItWasGiven()
    {
        var e = Assert.Throws<InvalidOperationException>(() => VisionTransformer.Of(nn.Identity()));
        Assert.Contains("VisionTransformer", e.Message);
    }
}
