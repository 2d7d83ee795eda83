using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>SCARF feature corruption: values come from the same column of another row, a fixed number per row.</summary>
public class TabularAugmentTests
{
    [Fact]
    public void CorruptedValuesComeFromTheSameColumnOfAnotherRow()
    {
        using var scope = torch.NewDisposeScope();
        const int b = 8, f = 10;
        var x = Indexed(b, f);
        using var g = Gen(70);
        var y = Data(TabularAugment.FeatureCorruption(x, rate: 0.6, p: 1.0, generator: g));
        for (int i = 0; i < b; i++)
        {
            int changed = 0;
            for (int j = 0; j < f; j++)
            {
                int v = (int)y[i * f + j] - 1;
                if (v == i * f + j)
                {
                    continue;
                }

                changed++;
                Assert.Equal(j, v % f);        // same feature
                Assert.NotEqual(i, v / f);     // another row
            }

            // Fixed count per row: round(0.6 * 10) = 6 features, exactly (the entries are distinct, so every
            // replacement changes the value).
            Assert.Equal(6, changed);
        }
    }

    [Fact]
    public void FractionOfChangedEntriesIsTheRateUpToRounding()
    {
        using var scope = torch.NewDisposeScope();
        const int b = 16, f = 7;
        var x = Indexed(b, f);
        using var g = Gen(71);
        var y = TabularAugment.FeatureCorruption(x, rate: 0.3, p: 1.0, generator: g);
        double fraction = x.ne(y).sum().item<long>() / (double)(b * f);
        // Per row round(0.3 * 7) = round(2.1) = 2 features; |2/7 - 0.3| = 0.014 <= 0.5 / F = 0.071.
        Assert.Equal(2.0 / 7.0, fraction, 10);
        Assert.InRange(fraction, 0.3 - 0.5 / f, 0.3 + 0.5 / f);
    }

    [Fact]
    public void DonorRowsAreUniformOverTheOtherRows()
    {
        using var scope = torch.NewDisposeScope();
        const int b = 4, f = 1200;
        var x = Indexed(b, f);
        using var g = Gen(72);
        var y = Data(TabularAugment.FeatureCorruption(x, rate: 1.0, p: 1.0, generator: g));
        for (int i = 0; i < b; i++)
        {
            var donors = Enumerable.Range(0, f).Select(j => ((int)y[i * f + j] - 1) / f).ToArray();
            Assert.DoesNotContain(i, donors);
            foreach (int other in Enumerable.Range(0, b).Where(r => r != i))
            {
                // 1200 draws of a 1/3 frequency: SE = sqrt(1/3 · 2/3 / 1200) = 0.0136; tolerance 5 SE = 0.068.
                double share = donors.Count(d => d == other) / (double)f;
                Assert.InRange(share, 1.0 / 3 - 0.068, 1.0 / 3 + 0.068);
            }
        }
    }

    [Fact]
    public void RowsNotSelectedAreUnchanged()
    {
        using var scope = torch.NewDisposeScope();
        var x = Indexed(32, 5);
        using var g = Gen(73);
        var y = TabularAugment.FeatureCorruption(x, rate: 0.6, p: 0.5, generator: g);
        var changedRows = Enumerable.Range(0, 32).Count(i => !Sample(x, i).SequenceEqual(Sample(y, i)));
        Assert.InRange(changedRows, 1, 31);
        Assert.All(Enumerable.Range(0, 32), i =>
        {
            int changed = Sample(x, i).Zip(Sample(y, i)).Count(t => t.First != t.Second);
            Assert.True(changed == 0 || changed == 3, $"row {i}: {changed} changes (round(0.6 * 5) = 3 or none)");
        });
    }

    [Fact]
    public void ZeroProbabilityAndSingleRowBatchesAreIdentity()
    {
        using var scope = torch.NewDisposeScope();
        var x = Indexed(6, 4);
        using var g = Gen(74);
        Assert.True(Same(x, TabularAugment.FeatureCorruption(x, rate: 0.6, p: 0.0, generator: g)));
        var one = Indexed(1, 4);
        Assert.True(Same(one, TabularAugment.FeatureCorruption(one, rate: 0.6, p: 1.0, generator: g)));
    }

    [Fact]
    public void SameSeedSameOutputOtherSeedOtherOutput()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(1, 8, 6);
        using var g1 = Gen(5);
        using var g2 = Gen(5);
        using var g3 = Gen(6);
        var a = TabularAugment.FeatureCorruption(x, 0.5, 0.8, g1);
        Assert.Equal(x.shape, a.shape);
        Assert.Equal(ScalarType.Float32, a.dtype);
        Assert.True(Same(a, TabularAugment.FeatureCorruption(x, 0.5, 0.8, g2)));
        Assert.False(Same(a, TabularAugment.FeatureCorruption(x, 0.5, 0.8, g3)));
    }

    [Fact]
    public void RejectsNonTabularShapeAndBadRate()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentException>(() => TabularAugment.FeatureCorruption(torch.rand(2, 3, 4), 0.5, 1, g));
        Assert.Contains("[B,F]", e.Message);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => TabularAugment.FeatureCorruption(torch.rand(2, 3), 1.5, 1, g));
        Assert.Equal("rate", r.ParamName);
    }
}
