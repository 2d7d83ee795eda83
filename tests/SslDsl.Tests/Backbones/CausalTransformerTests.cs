using TorchSharp;
using Xunit;

namespace SslDsl.Tests.BackboneTests;

/// <summary>A causal transformer lets each token see only itself and earlier tokens.</summary>
public class CausalTransformerTests
{
    [Fact]
    public void ChangingALaterTokenLeavesEarlierStatesUnchangedOnlyWhenCausal()
    {
        torch.manual_seed(1);
        using var causal = Backbones.TransformerEncoder(vocabSize: 20, maxLength: 8, width: 16, outputDim: 8, depth: 2, heads: 4, causal: true);
        torch.manual_seed(1);
        using var bidirectional = Backbones.TransformerEncoder(vocabSize: 20, maxLength: 8, width: 16, outputDim: 8, depth: 2, heads: 4);
        causal.eval();
        bidirectional.eval();
        using var ids = torch.tensor(new long[] { 5, 6, 7, 8, 9, 10 }).view(1, 6);
        using var edited = ids.clone();
        edited[0, 4] = 11;

        using var a = causal.forward(ids);
        using var b = causal.forward(edited);
        // Positions 0..3 come before the edit: identical; position 4 sees it.
        Assert.True(a[0, ..4].allclose(b[0, ..4], rtol: 0, atol: 1e-6));
        Assert.False(a[0, 4].allclose(b[0, 4], rtol: 0, atol: 1e-4));

        using var c = bidirectional.forward(ids);
        using var d = bidirectional.forward(edited);
        Assert.False(c[0, 0].allclose(d[0, 0], rtol: 0, atol: 1e-4));
        Assert.True(causal.Causal);
        Assert.False(bidirectional.Causal);
    }
}
