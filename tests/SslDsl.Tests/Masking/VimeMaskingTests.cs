using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.Augmentations.TestTensors;
using static TorchSharp.torch;

namespace SslDsl.Tests.Masking;

/// <summary>
/// VIME's mask generator and corruption: masked columns come from the same column of another row, unmasked ones are
/// untouched, the mask is where values were replaced, a one-hot block moves as a whole, and a seed fixes the draws.
/// </summary>
public class VimeMaskingTests
{
    [Fact]
    public void MaskedEntriesComeFromTheSameColumnOfAnotherRowAndTheRestIsUntouched()
    {
        using var scope = torch.NewDisposeScope();
        const int b = 12, f = 9;
        using var g = Gen(90);
        var result = VimeMasking.VimeMask(Indexed(b, f), probability: 0.4, p: 1.0, generator: g);
        Assert.Equal(new long[] { b, f }, result.Mask.shape);
        Assert.Equal(ScalarType.Float32, result.Mask.dtype);
        var y = Data(result.Input);
        var m = Data(result.Mask);
        int masked = 0;
        for (int i = 0; i < b; i++)
        {
            for (int j = 0; j < f; j++)
            {
                int v = (int)y[i * f + j] - 1;
                if (m[i * f + j] == 0)
                {
                    Assert.Equal(i * f + j, v);   // unmasked: untouched
                    continue;
                }

                Assert.Equal(1f, m[i * f + j]);
                masked++;
                Assert.Equal(j, v % f);           // the same column
                Assert.NotEqual(i, v / f);        // of another row (so the mask is exactly where values changed)
            }
        }

        Assert.InRange(masked, 1, b * f - 1);
    }

    [Fact]
    public void AOneHotBlockIsReplacedAsAWholeFromOneOtherRow()
    {
        using var scope = torch.NewDisposeScope();
        // 2 numeric features, a one-hot block of 3 (features 2-4), an embedded index (feature 5): 4 columns.
        var columns = new TabularColumns(numeric: 2, oneHot: new[] { 3 }, embedded: new[] { 6 });
        Assert.Equal(new long[] { 0, 1, 2, 2, 2, 3 }, columns.ColumnOfFeature());
        const int b = 10, f = 6;
        using var g = Gen(91);
        var result = VimeMasking.VimeMask(Indexed(b, f), probability: 0.5, p: 1.0, generator: g, columns: columns);
        Assert.Equal(new long[] { b, 4 }, result.Mask.shape);
        var y = Data(result.Input);
        var m = Data(result.Mask);
        int blocks = 0;
        for (int i = 0; i < b; i++)
        {
            bool blockMasked = m[i * 4 + 2] == 1;
            var donors = Enumerable.Range(2, 3).Select(j => ((int)y[i * f + j] - 1) / f).Distinct().ToArray();
            Assert.Single(donors);                                          // every feature of the block from one row
            Assert.Equal(blockMasked, donors[0] != i);                      // another row exactly when its column is masked
            Assert.All(Enumerable.Range(2, 3), j => Assert.Equal(j, ((int)y[i * f + j] - 1) % f));
            blocks += blockMasked ? 1 : 0;
            Assert.Equal(m[i * 4 + 3] == 1, ((int)y[i * f + 5] - 1) / f != i); // the embedded index is column 3
        }

        Assert.InRange(blocks, 1, b - 1);
    }

    [Fact]
    public void TheMaskRateIsTheProbability()
    {
        using var scope = torch.NewDisposeScope();
        const int b = 500, f = 20;
        using var g = Gen(92);
        var result = VimeMasking.VimeMask(torch.randn(b, f, generator: g), probability: 0.3, p: 1.0, generator: g);
        double rate = result.Mask.mean().item<float>();
        // 10,000 Bernoulli(0.3) draws: standard deviation sqrt(0.3 · 0.7 / 10,000) = 0.0046; 4 of them is 0.018.
        Assert.InRange(rate, 0.3 - 0.018, 0.3 + 0.018);
    }

    [Fact]
    public void TheSameSeedGivesTheSameCorruptionAndAnotherSeedAnother()
    {
        using var scope = torch.NewDisposeScope();
        var x = Indexed(16, 8);
        using var g1 = Gen(93);
        using var g2 = Gen(93);
        using var g3 = Gen(94);
        var a = VimeMasking.VimeMask(x, probability: 0.3, p: 1.0, generator: g1);
        var b = VimeMasking.VimeMask(x, probability: 0.3, p: 1.0, generator: g2);
        var c = VimeMasking.VimeMask(x, probability: 0.3, p: 1.0, generator: g3);
        Assert.True(Same(a.Input, b.Input) && Same(a.Mask, b.Mask));
        Assert.False(Same(a.Input, c.Input));
    }

    [Fact]
    public void RowsLeftOutByPAndSingleRowBatchesKeepTheirValuesAndAnEmptyMask()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(95);
        var x = Indexed(8, 5);
        var none = VimeMasking.VimeMask(x, probability: 0.9, p: 0.0, generator: g);
        Assert.True(Same(x, none.Input));
        Assert.Equal(0f, none.Mask.sum().item<float>());

        var some = VimeMasking.VimeMask(Indexed(64, 5), probability: 0.9, p: 0.5, generator: g);
        var rowsMasked = Data(some.Mask.sum(1).gt(0).to(ScalarType.Float32));
        Assert.Contains(0f, rowsMasked);   // some rows are left out
        Assert.Contains(1f, rowsMasked);   // and some corrupted

        var one = VimeMasking.VimeMask(Indexed(1, 5), probability: 0.9, p: 1.0, generator: g);
        Assert.True(Same(Indexed(1, 5), one.Input));
        Assert.Equal(0f, one.Mask.sum().item<float>());
    }

    [Fact]
    public void ArgumentsOutOfRangeAreRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(96);
        var x = Indexed(4, 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => VimeMasking.VimeMask(x, probability: 0.0, p: 1.0, generator: g));
        Assert.Throws<ArgumentOutOfRangeException>(() => VimeMasking.VimeMask(x, probability: 1.0, p: 1.0, generator: g));
        Assert.Throws<ArgumentOutOfRangeException>(() => VimeMasking.VimeMask(x, probability: 0.3, p: 1.5, generator: g));
        Assert.Throws<ArgumentException>(() => VimeMasking.VimeMask(x, probability: 0.3, p: 1.0, generator: g, columns: TabularColumns.Plain(5)));
        Assert.Throws<ArgumentException>(() => new TabularColumns(numeric: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TabularColumns(numeric: 1, oneHot: new[] { 0 }));
    }

    [Fact]
    public void ColumnsCountFeaturesAndOutputs()
    {
        var columns = new TabularColumns(numeric: 3, oneHot: new[] { 4, 2 }, embedded: new[] { 7 });
        Assert.Equal(6, columns.Count);          // 3 numeric + 2 one-hot + 1 embedded
        Assert.Equal(10, columns.Features);      // 3 + 4 + 2 + 1
        Assert.Equal(16, columns.Outputs);       // 3 + 4 + 2 + 7
    }
}
