using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.HeadsTests;

public class ShufflingBatchNormTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 2)]
    [InlineData(16, 2)]
    [InlineData(64, 2)]
    [InlineData(128, 4)]
    [InlineData(256, 8)]
    [InlineData(1024, 8)]
    public void GroupsHold32SamplesBetween2And8GroupsAndNeverFewerThan2Samples(long batch, int groups)
    {
        Assert.Equal(groups, ShufflingBatchNorm.Groups(batch));
    }

    [Fact]
    public void QueriesAreEncodedInConsecutiveGroupsInOrder()
    {
        var sizes = new List<long>();
        using var x = arange(10 * 3, dtype: float32).view(10, 3);
        // Subtracting the group's mean (a BatchNorm without scale) shows which rows were encoded together.
        var y = ShufflingBatchNorm.EncodeQueries(g => { sizes.Add(g.shape[0]); return g - g.mean(new long[] { 0 }, keepdim: true); }, x);
        Assert.Equal(new[] { 5L, 5L }, sizes);
        var expected = cat(new[] { x.narrow(0, 0, 5) - x.narrow(0, 0, 5).mean(new long[] { 0 }, keepdim: true), x.narrow(0, 5, 5) - x.narrow(0, 5, 5).mean(new long[] { 0 }, keepdim: true) }, 0);
        Assert.True(y.allclose(expected));
    }

    [Fact]
    public void KeysAreEncodedShuffledAndReturnedInTheirOwnOrder()
    {
        var calls = new List<Tensor>();
        using var x = arange(8 * 2, dtype: float32).view(8, 2);
        using var generator = new Generator(3);
        var y = ShufflingBatchNorm.EncodeKeys(g => { calls.Add(g.clone().DetachFromDisposeScope()); return g * 10; }, x, generator);

        // A row-wise encoder: the result is exactly 10 x, row for row, whatever the shuffle.
        Assert.True(y.allclose(x * 10));
        // The encoder saw a permutation of the rows (drawn from the generator), not the identity, in 2 groups of 4.
        Assert.Equal(new[] { 4L, 4L }, calls.Select(c => c.shape[0]));
        using var replay = new Generator(3);
        var permutation = randperm(8, generator: replay);
        Assert.True(cat(calls, 0).allclose(x.index_select(0, permutation)));
        Assert.False(permutation.eq(arange(8L)).all().item<bool>());
    }

    [Fact]
    public void ASmallBatchIsEncodedWhole()
    {
        int calls = 0;
        using var x = ones(3, 2);
        using var generator = new Generator(3);
        var y = ShufflingBatchNorm.EncodeKeys(g => { calls++; return g + 1; }, x, generator);
        Assert.Equal(1, calls);
        Assert.True(y.allclose(x + 1));
    }

    [Fact]
    public void MissingArgumentsAreNamed()
    {
        using var x = ones(4, 2);
        var e = Assert.Throws<ArgumentNullException>(() => ShufflingBatchNorm.EncodeKeys(g => g, x, null!));
        Assert.Contains("generator", e.Message);
        Assert.Throws<ArgumentNullException>(() => ShufflingBatchNorm.EncodeQueries(null!, x));
    }
}
