using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Text;

/// <summary>Next-token prediction checks on its first batch that the encoder is causal (a later token never moves an earlier state).</summary>
public class CausalEncodingTests
{
    private static Tensor Ids()
    {
        // Two sequences of 6 ids (1 = start, 0 = padding at the end of the second).
        return torch.tensor(new long[,] { { 1, 5, 9, 7, 6, 8 }, { 1, 4, 4, 2, 0, 0 } });
    }

    [Fact]
    public void ACausalEncoderPassesAndItsStatesAreTheEncodersOwn()
    {
        torch.manual_seed(3);
        using var encoder = Backbones.TransformerEncoder(vocabSize: 10, maxLength: 6, width: 8, outputDim: 8, depth: 1, heads: 2, causal: true);
        encoder.eval();
        using var ids = Ids();

        using var states = CausalEncoding.Encode(encoder, ids);
        using var direct = encoder.forward(ids);

        Assert.Equal(new long[] { 2, 6, 8 }, states.shape);
        Assert.True(states.allclose(direct, rtol: 0, atol: 0));
    }

    [Fact]
    public void AnEncoderThatSeesLaterTokensIsRefusedAndKeepsItsTrainingMode()
    {
        torch.manual_seed(3);
        using var encoder = Backbones.TransformerEncoder(vocabSize: 10, maxLength: 6, width: 8, outputDim: 8, depth: 1, heads: 2, causal: false);
        encoder.train();
        using var ids = Ids();

        var error = Assert.Throws<ArgumentException>(() => CausalEncoding.Encode(encoder, ids));

        Assert.StartsWith("Next-token prediction needs a causal encoder, but this one lets a position see later tokens: changing the last of 6 tokens moved the states of earlier positions by up to ", error.Message);
        Assert.True(encoder.training);
    }

    [Fact]
    public void ABatchThatCannotTellIsNotTakenForAPassAndTheNextBatchIsChecked()
    {
        torch.manual_seed(3);
        using var encoder = Backbones.TransformerEncoder(vocabSize: 10, maxLength: 6, width: 8, outputDim: 8, depth: 1, heads: 2, causal: false);
        using var same = torch.full(2, 6, 4L, dtype: ScalarType.Int64);
        using var ids = Ids();

        using var states = CausalEncoding.Encode(encoder, same); // one distinct id: no token can be swapped for another

        Assert.Equal(new long[] { 2, 6, 8 }, states.shape);
        Assert.Throws<ArgumentException>(() => CausalEncoding.Encode(encoder, ids));
    }
}
