using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.TextTests;

/// <summary>Next-sentence pairs: layout, label semantics, label rate.</summary>
public class NextSentencePairsTests
{
    private const int Cls = 1, Sep = 2, Pad = 0;

    /// <summary>
    /// Row r holds n_r content tokens 100 + 20 r + k (n_r cycles through 0..maxContent), wrapped in [CLS] ... [SEP]
    /// when <paramref name="wrap"/>, then padding.
    /// </summary>
    private static (long[] Ids, long[] Mask, int[] Content) Make(int rows, int length, int maxContent, bool wrap)
    {
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        var content = new int[rows];
        int offset = wrap ? 1 : 0;
        for (int r = 0; r < rows; r++)
        {
            int n = r % (maxContent + 1);
            content[r] = n;
            if (wrap)
            {
                ids[r * length] = Cls;
                ids[(r * length) + 1 + n] = Sep;
            }

            for (int k = 0; k < n; k++)
            {
                ids[(r * length) + offset + k] = 100 + (20L * r) + k;
            }

            for (int t = 0; t < n + (2 * offset); t++)
            {
                mask[(r * length) + t] = 1;
            }
        }

        return (ids, mask, content);
    }

    [Theory]
    [InlineData(16, 14, true)]
    [InlineData(12, 12, false)]
    public void PairsAreClsASepBSepWithLabelsThatSayWhereBCameFrom(int length, int maxContent, bool wrap)
    {
        // Unwrapped rows of up to 12 tokens in length 12 leave no room for three specials: A and B are cut to fit.
        const int rows = 300;
        var (ids, mask, content) = Make(rows, length, maxContent, wrap);
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(21);
        var labelsIn = torch.arange(rows, dtype: ScalarType.Int64);
        var batch = new TokenBatch(torch.tensor(ids, new long[] { rows, length }), torch.tensor(mask, new long[] { rows, length }), labelsIn);
        var (pairs, nsp) = TextPretext.NextSentencePairs(batch, generator, Cls, Sep, Pad);
        var outIds = pairs.Ids.data<long>().ToArray();
        var outMask = pairs.AttentionMask.data<long>().ToArray();
        var labels = nsp.data<long>().ToArray();
        Assert.Same(labelsIn, pairs.Labels);

        int kept = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = outIds.Skip(r * length).Take(length).ToArray();
            int lengthA = Math.Min(content[r] / 2, length - 3);
            Assert.Equal(Cls, row[0]);
            var a = row.Skip(1).Take(lengthA).ToArray();
            Assert.Equal(Enumerable.Range(0, lengthA).Select(k => 100 + (20L * r) + k), a);
            Assert.Equal(Sep, row[1 + lengthA]);

            int lengthB = Array.IndexOf(row, (long)Sep, 2 + lengthA) - (2 + lengthA);
            Assert.True(lengthB >= 0, $"row {r} has no closing [SEP]: {string.Join(",", row)}");
            var b = row.Skip(2 + lengthA).Take(lengthB).ToArray();
            int total = lengthA + lengthB + 3;
            Assert.All(row.Skip(total), t => Assert.Equal(Pad, t));
            Assert.Equal(Enumerable.Repeat(1L, total).Concat(Enumerable.Repeat(0L, length - total)), outMask.Skip(r * length).Take(length));

            Assert.True(labels[r] is 0 or 1);
            int source = r;
            if (labels[r] == 0)
            {
                // B's tokens name their row; an empty B (a source with under 2 tokens) cannot be traced.
                source = b.Length == 0 ? -1 : (int)((b[0] - 100) / 20);
                Assert.NotEqual(r, source);
            }
            else
            {
                kept++;
            }

            if (source >= 0)
            {
                // B is the second half of the source row, cut to the room left: L - 3 - |A|.
                int half = content[source] / 2;
                int expectedLength = Math.Min(content[source] - half, length - 3 - lengthA);
                Assert.Equal(expectedLength, lengthB);
                Assert.Equal(Enumerable.Range(half, expectedLength).Select(k => 100 + (20L * source) + k), b);
            }
        }

        // Label 1 with probability 0.5: 5 sigma of Binomial(300, 0.5).
        double sigma = Math.Sqrt(rows * 0.25);
        Assert.InRange(kept, (rows / 2.0) - (5 * sigma), (rows / 2.0) + (5 * sigma));
    }

    [Fact]
    public void PairsAreReproducibleFromTheSeed()
    {
        var (ids, mask, _) = Make(20, 16, 14, wrap: true);
        long[] Labels(ulong seed)
        {
            using var scope = torch.NewDisposeScope();
            using var g = new Generator(seed);
            var batch = new TokenBatch(torch.tensor(ids, new long[] { 20, 16 }), torch.tensor(mask, new long[] { 20, 16 }));
            var (pairs, labels) = TextPretext.NextSentencePairs(batch, g, Cls, Sep, Pad);
            return labels.data<long>().ToArray().Concat(pairs.Ids.data<long>().ToArray()).ToArray();
        }

        Assert.Equal(Labels(3), Labels(3));
        Assert.NotEqual(Labels(3), Labels(4));
    }

    [Fact]
    public void RejectsBatchesTooSmallForPairs()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(1);
        var one = new TokenBatch(torch.ones(new long[] { 1, 8 }, dtype: ScalarType.Int64), torch.ones(new long[] { 1, 8 }, dtype: ScalarType.Int64));
        Assert.Contains("at least 2 sequences", Assert.Throws<ArgumentException>(() => TextPretext.NextSentencePairs(one, g, Cls, Sep, Pad)).Message);
        var narrow = new TokenBatch(torch.ones(new long[] { 4, 2 }, dtype: ScalarType.Int64), torch.ones(new long[] { 4, 2 }, dtype: ScalarType.Int64));
        Assert.Contains("at least 3 positions", Assert.Throws<ArgumentException>(() => TextPretext.NextSentencePairs(narrow, g, Cls, Sep, Pad)).Message);
    }
}
