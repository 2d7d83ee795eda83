using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.BackboneTests;

/// <summary>The text transformer: shapes, structure, padding invariance, and attention against a plain-loop reference.</summary>
public class TransformerBackboneTests
{
    [Theory]
    [InlineData(16, 16)]
    [InlineData(16, 9)]
    [InlineData(8, 1)]
    public void TransformerReturnsTokenStates(int maxLength, int length)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var net = SslDsl.Backbones.TransformerEncoder(vocabSize: 50, maxLength: maxLength, width: 16, outputDim: 12, depth: 2, heads: 4);
        var ids = torch.randint(1, 50, new long[] { 3, length }, dtype: ScalarType.Int64);
        var states = net.forward(ids);
        Assert.Equal(new long[] { 3, length, 12 }, states.shape);
        Assert.True(states.isfinite().all().item<bool>());
    }

    [Fact]
    public void TransformerChildrenAreEmbeddingLayersAndHead()
    {
        using var net = SslDsl.Backbones.TransformerEncoder(vocabSize: 30, maxLength: 8, width: 8, outputDim: 4, depth: 3, heads: 2);
        Assert.Equal(new[] { "embedding", "layer0", "layer1", "layer2", "head" }, net.named_children().Select(c => c.name).ToArray());
        Assert.Equal(3 + 2, ConvolutionalBackboneTests.BlocksSeenByFineTuner(net, 4));
    }

    [Fact]
    public void StatesAtRealPositionsIgnoreHowMuchPaddingFollows()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var net = SslDsl.Backbones.TransformerEncoder(vocabSize: 40, maxLength: 12, width: 16, outputDim: 8, depth: 2, heads: 4, padId: 0);
        net.eval();
        var shortIds = torch.tensor(new long[] { 1, 17, 23, 5, 2, 0 }).view(1, 6);
        var longIds = torch.tensor(new long[] { 1, 17, 23, 5, 2, 0, 0, 0, 0, 0, 0, 0 }).view(1, 12);
        var a = net.forward(shortIds).narrow(1, 0, 5);
        var b = net.forward(longIds).narrow(1, 0, 5);
        Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-6), $"max difference {a.sub(b).abs().max().item<float>()}");
    }

    [Fact]
    public void StatesAtRealPositionsIgnoreWhatThePaddingEmbeds()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var net = SslDsl.Backbones.TransformerEncoder(vocabSize: 40, maxLength: 10, width: 16, outputDim: 8, depth: 2, heads: 2, padId: 0);
        net.eval();
        var ids = torch.tensor(new long[] { 1, 9, 33, 2, 0, 0, 0, 1, 4, 4, 4, 4, 2, 0 }).view(2, 7);
        var before = net.forward(ids);
        // Overwrite the [PAD] embedding row: padded positions now carry very different vectors.
        var padRow = net.named_parameters().Single(p => p.name == "embedding.tokens.weight").parameter;
        using (torch.no_grad())
        {
            padRow[0].copy_(torch.full(new long[] { 16 }, 7.5f));
        }

        var after = net.forward(ids);
        var real = ids.ne(0).unsqueeze(-1);
        var diffAtReal = before.sub(after).abs().masked_fill(real.logical_not(), 0).max().item<float>();
        var diffAtPad = before.sub(after).abs().masked_fill(real, 0).max().item<float>();
        Assert.True(diffAtReal < 1e-5f, $"real positions changed by {diffAtReal}");
        Assert.True(diffAtPad > 1e-2f, "the padded positions should have changed (the test would be vacuous otherwise)");
    }

    [Fact]
    public void SequenceStatesDoNotDependOnTheRestOfTheBatch()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(6);
        var net = SslDsl.Backbones.TransformerEncoder(vocabSize: 20, maxLength: 5, width: 8, outputDim: 4, depth: 1, heads: 2);
        net.eval();
        var alone = net.forward(torch.tensor(new long[] { 1, 5, 6, 2, 0 }).view(1, 5));
        var together = net.forward(torch.tensor(new long[] { 1, 5, 6, 2, 0, 1, 9, 9, 9, 2 }).view(2, 5)).narrow(0, 0, 1);
        Assert.True(alone.allclose(together, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void AttentionMatchesPlainLoopSoftmaxOverRealKeys()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        const int width = 4, heads = 2, length = 3, dh = width / heads;
        using var attention = new MaskedSelfAttention(width, heads);
        var x = torch.randn(1, length, width);
        var padding = torch.tensor(new[] { false, false, true }).view(1, length);
        var actual = attention.forward(x, padding).data<float>().ToArray();

        var p = attention.named_parameters().ToDictionary(n => n.name, n => n.parameter.data<float>().ToArray());
        float[] wqkv = p["qkv.weight"], bqkv = p["qkv.bias"], wo = p["out.weight"], bo = p["out.bias"];
        var xs = x.data<float>().ToArray();
        double Linear(float[] w, float[] b, int row, int inWidth, int t) =>
            b[row] + Enumerable.Range(0, inWidth).Sum(i => (double)w[(row * inWidth) + i] * xs[(t * width) + i]);

        // q, k, v for each token: rows 0..W-1, W..2W-1, 2W..3W-1 of the qkv projection.
        var q = new double[length, width];
        var k = new double[length, width];
        var v = new double[length, width];
        for (int t = 0; t < length; t++)
        {
            for (int j = 0; j < width; j++)
            {
                q[t, j] = Linear(wqkv, bqkv, j, width, t);
                k[t, j] = Linear(wqkv, bqkv, width + j, width, t);
                v[t, j] = Linear(wqkv, bqkv, (2 * width) + j, width, t);
            }
        }

        for (int t = 0; t < length; t++)
        {
            var context = new double[width];
            for (int h = 0; h < heads; h++)
            {
                // Softmax over the two real keys only (key 2 is padding).
                var scores = new double[2];
                for (int s = 0; s < 2; s++)
                {
                    for (int j = 0; j < dh; j++)
                    {
                        scores[s] += q[t, (h * dh) + j] * k[s, (h * dh) + j];
                    }

                    scores[s] /= Math.Sqrt(dh);
                }

                double m = scores.Max();
                double z = scores.Sum(s => Math.Exp(s - m));
                for (int s = 0; s < 2; s++)
                {
                    double weight = Math.Exp(scores[s] - m) / z;
                    for (int j = 0; j < dh; j++)
                    {
                        context[(h * dh) + j] += weight * v[s, (h * dh) + j];
                    }
                }
            }

            for (int o = 0; o < width; o++)
            {
                double expected = bo[o] + Enumerable.Range(0, width).Sum(i => wo[(o * width) + i] * context[i]);
                Assert.Equal(expected, actual[(t * width) + o], 4);
            }
        }
    }

    [Fact]
    public void MeanPoolAveragesRealTokensOnly()
    {
        using var scope = torch.NewDisposeScope();
        // Row 0: tokens 0 and 1 are real: ((1+3)/2, (2+4)/2) = (2, 3). Row 1: only token 0 real: (5, 6). Row 2: none: (0, 0).
        var states = torch.tensor(new float[] { 1, 2, 3, 4, 100, 100, 5, 6, 7, 8, 9, 9, 1, 1, 1, 1, 1, 1 }).view(3, 3, 2);
        var mask = torch.tensor(new long[] { 1, 1, 0, 1, 0, 0, 0, 0, 0 }).view(3, 3);
        var pooled = SslDsl.Backbones.MeanPool(states, mask);
        Assert.Equal(new float[] { 2, 3, 5, 6, 0, 0 }, pooled.data<float>().ToArray());
    }

    [Fact]
    public void TransformerRejectsBadConfigurationAndInputs()
    {
        var heads = Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.TransformerEncoder(10, 8, width: 30, heads: 4));
        Assert.Equal("heads", heads.ParamName);
        Assert.Contains("multiple of heads", heads.Message);
        Assert.Equal("vocabSize", Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.TransformerEncoder(0, 8)).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.TransformerEncoder(10, -2)).ParamName);
        Assert.Equal("padId", Assert.Throws<ArgumentOutOfRangeException>(() => SslDsl.Backbones.TransformerEncoder(10, 8, padId: 10)).ParamName);

        using var scope = torch.NewDisposeScope();
        var net = SslDsl.Backbones.TransformerEncoder(10, 4, width: 8, outputDim: 4, depth: 1, heads: 2);
        var tooLong = Assert.Throws<ArgumentException>(() => net.forward(torch.ones(new long[] { 1, 5 }, dtype: ScalarType.Int64)));
        Assert.Contains("maxLength 4", tooLong.Message);
        var outside = Assert.Throws<ArgumentException>(() => net.forward(torch.full(new long[] { 1, 3 }, 12L, dtype: ScalarType.Int64)));
        Assert.Contains("outside the vocabulary", outside.Message);
        Assert.Throws<ArgumentException>(() => net.forward(torch.ones(1, 3)));
    }
}
