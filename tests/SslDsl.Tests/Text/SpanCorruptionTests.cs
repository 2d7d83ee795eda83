using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.TextTests;

/// <summary>T5 span corruption: the paper's counts, sentinels in input and target, and the original rebuilt from the two.</summary>
public class SpanCorruptionTests
{
    private const int Vocab = 100;
    private static readonly long[] Specials = { 0, 1, 2, 3 };

    private static SpanCorruptionResult Run(long[] ids, long[] mask, int rows, int length, double density, double meanSpan, double p, ulong seed)
    {
        using var generator = new Generator(seed);
        return TokenMasking.SpanCorruption(TokenBatches.Tensor(ids, rows, length), TokenBatches.Tensor(mask, rows, length), density, meanSpan, p, generator, padId: 0, vocabSize: Vocab, specialIds: Specials);
    }

    /// <summary>Rows of [CLS], n tokens in [4, 50), [SEP], padding, with n = <paramref name="counts"/>[r].</summary>
    private static (long[] Ids, long[] Mask) Rows(int[] counts, int length)
    {
        var rng = new Random(11);
        var ids = new long[counts.Length * length];
        var mask = new long[counts.Length * length];
        for (int r = 0; r < counts.Length; r++)
        {
            int o = r * length;
            ids[o] = 1;
            for (int t = 1; t <= counts[r]; t++)
            {
                ids[o + t] = rng.Next(4, 50);
            }

            ids[o + counts[r] + 1] = 2;
            for (int t = 0; t < counts[r] + 2; t++)
            {
                mask[o + t] = 1;
            }
        }

        return (ids, mask);
    }

    [Theory]
    [InlineData(100, 15, 5)]   // the paper's setting: 15 noise tokens in round(15 / 3) = 5 spans
    [InlineData(512, 77, 26)]  // round(76.8) = 77, round(25.67) = 26
    [InlineData(10, 2, 1)]     // round(1.5) = 2 (half to even, as tf.round), round(0.67) = 1
    [InlineData(30, 4, 1)]     // round(4.5) = 4 (half to even), round(1.33) = 1
    [InlineData(2, 1, 1)]      // at least one noise token, at most n - 1
    public void CountsFollowT5(int n, int noise, int spans)
    {
        Assert.Equal((noise, spans), TokenMasking.SpanCounts(n, 0.15, 3.0));
    }

    [Fact]
    public void TheInputAndTargetRebuildTheOriginalWithT5sCounts()
    {
        int[] counts = { 100, 60, 30, 10, 2, 77, 45, 100 };
        const int length = 110;
        var (ids, mask) = Rows(counts, length);
        using var scope = torch.NewDisposeScope();
        var result = Run(ids, mask, counts.Length, length, 0.15, 3.0, 1.0, seed: 3);
        var input = result.Ids.data<long>().ToArray();
        var inputMask = result.AttentionMask.data<long>().ToArray();
        var decoder = result.DecoderIds.data<long>().ToArray();
        var targets = result.Targets.data<long>().ToArray();
        for (int r = 0; r < counts.Length; r++)
        {
            var (noise, spans) = TokenMasking.SpanCounts(counts[r], 0.15, 3.0);
            var row = Enumerable.Range(r * length, length);
            var corrupted = row.Where(i => inputMask[i] == 1).Select(i => input[i]).ToList();
            var target = row.Select(i => targets[i]).TakeWhile(t => t != -100).ToList();

            // Input: [CLS] kept sentinel kept sentinel ... [SEP]; the sentinels are 99, 98, ... in order; a kept segment leads.
            var sentinels = corrupted.Where(t => t >= Vocab - 10).ToList();
            Assert.Equal(Enumerable.Range(0, spans).Select(k => (long)(Vocab - 1 - k)), sentinels);
            Assert.True(corrupted[1] < Vocab - 10, $"row {r}: T5's mask starts with a kept segment");
            Assert.Equal(counts[r] + 2 - noise + spans, corrupted.Count);

            // Target: sentinel 0, span 0, ..., sentinel K-1, span K-1, closing sentinel K; noise + K + 1 tokens.
            Assert.Equal(noise + spans + 1, target.Count);
            Assert.Equal(Enumerable.Range(0, spans + 1).Select(k => (long)(Vocab - 1 - k)), target.Where(t => t >= Vocab - 10));
            Assert.Equal(Vocab - 1 - spans, target[^1]);
            Assert.All(Enumerable.Range(0, target.Count - 1).Where(j => target[j] >= Vocab - 10), j => Assert.True(target[j + 1] < Vocab - 10, $"row {r}: an empty span"));

            // The decoder reads [PAD] then the target shifted right; padding after it.
            Assert.Equal(new long[] { 0 }.Concat(target).Take(length), row.Select(i => decoder[i]).Take(target.Count + 1));

            // Each sentinel of the input stands for the span after the same sentinel in the target.
            var rebuilt = new List<long>();
            foreach (long t in corrupted)
            {
                if (t < Vocab - 10)
                {
                    rebuilt.Add(t);
                    continue;
                }

                int at = target.IndexOf(t);
                rebuilt.AddRange(target.Skip(at + 1).TakeWhile(x => x < Vocab - 10));
            }

            Assert.Equal(row.Where(i => mask[i] == 1).Select(i => ids[i]), rebuilt);
        }
    }

    [Fact]
    public void SpansAreCutAtUniformPoints()
    {
        // 15 noise tokens in 5 spans: T5 cuts at 4 of the 14 gaps uniformly, so a span's length L has
        // P(L = l) = C(15 - l - 1, 3) / C(14, 4) and a mean of 3; the first span is 1 token with probability C(13,3) / C(14,4) = 2/7.
        const int rows = 400, length = 102;
        var (ids, mask) = Rows(Enumerable.Repeat(100, rows).ToArray(), length);
        using var scope = torch.NewDisposeScope();
        var targets = Run(ids, mask, rows, length, 0.15, 3.0, 1.0, seed: 8).Targets.data<long>().ToArray();
        var firstLengths = Enumerable.Range(0, rows).Select(r => Enumerable.Range((r * length) + 1, length - 1).TakeWhile(i => targets[i] < Vocab - 10).Count()).ToArray();
        double single = firstLengths.Count(l => l == 1) / (double)rows;
        double sd = Math.Sqrt((2.0 / 7) * (5.0 / 7) / rows);
        Assert.InRange(single, (2.0 / 7) - (4 * sd), (2.0 / 7) + (4 * sd));
        Assert.InRange(firstLengths.Average(), 2.6, 3.4);
    }

    [Fact]
    public void SequencesNotTakenKeepTheirTokensAndHaveNoTarget()
    {
        int[] counts = { 40, 1, 0 };
        var (ids, mask) = Rows(counts, 50);
        using var scope = torch.NewDisposeScope();
        var taken = Run(ids, mask, 3, 50, 0.15, 3.0, 1.0, seed: 2);
        var none = Run(ids, mask, 3, 50, 0.15, 3.0, 0.0, seed: 2);
        Assert.Equal(ids, none.Ids.data<long>().ToArray());
        Assert.All(none.Targets.data<long>().ToArray(), t => Assert.Equal(-100, t));

        // One maskable token or none: nothing to corrupt (T5 needs one kept and one noise token).
        Assert.Equal(ids.Skip(50), taken.Ids.data<long>().ToArray().Skip(50));
        Assert.All(taken.Targets.data<long>().ToArray().Skip(50), t => Assert.Equal(-100, t));
    }

    [Theory]
    [InlineData(0.15, 3.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.3, 7.5)]
    [InlineData(0.9, 2.0)]
    public void SentinelCountIsTheMostOverEveryShorterLength(double density, double meanSpan)
    {
        for (int length = 0; length <= 300; length++)
        {
            int most = 0;
            for (int n = 2; n <= length; n++)
            {
                most = Math.Max(most, TokenMasking.SpanCounts(n, density, meanSpan).Spans + 1);
            }

            Assert.Equal(most, TokenMasking.SentinelCount(length, density, meanSpan));
        }
    }

    [Fact]
    public void SentinelCountOfTheLongestLengthIsTheFormula()
    {
        // int.MaxValue positions at 15 %: 322,122,547 noise tokens (round(2,147,483,647 * 0.15)) in round(/ 3) = 107,374,182 spans, + 1 closing sentinel.
        Assert.Equal(107_374_183, TokenMasking.SentinelCount(int.MaxValue, 0.15, 3.0));
    }

    [Fact]
    public void SentinelsThatReachTheSpecialIdsAreRejected()
    {
        // 100 positions need 1 + round(round(100 * 0.5) / 1) = 51 sentinels (ids 9 to 59 of 60): they reach [MASK] = 3 only with a vocabulary of 54 or less.
        Assert.Equal(51, TokenMasking.SentinelCount(100, 0.5, 1.0));
        using var ids = torch.full(2, 100, 5L);
        using var mask = torch.ones(2, 100, int64);
        using var generator = new Generator(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.SpanCorruption(ids, mask, 0.5, 1.0, 1, generator, 0, 54, Specials));
        Assert.Equal("vocabSize", e.ParamName);
        Assert.Contains("51 sentinels", e.Message);
        TokenMasking.SpanCorruption(ids, mask, 0.5, 1.0, 1, generator, 0, 55, Specials).Ids.Dispose();
        Assert.Equal("noiseDensity", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.SpanCorruption(ids, mask, 1.0, 3, 1, generator, 0, 100, Specials)).ParamName);
        Assert.Equal("meanSpan", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.SpanCorruption(ids, mask, 0.15, 0.5, 1, generator, 0, 100, Specials)).ParamName);
    }
}
