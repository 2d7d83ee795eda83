using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.TextTests;

/// <summary>BERT masking: rates against binomial tolerances, specials and padding, labels.</summary>
public class MaskTokensTests
{
    private static readonly long[] Specials = { 0, 1, 2, 3 };
    private const int Rows = 300, Length = 128;

    private static (long[] Ids, long[] Mask, long[] Out, long[] Labels) Run(double probability, double toMask, double toRandom, double p, ulong seed)
    {
        using var scope = torch.NewDisposeScope();
        var (ids, mask) = TokenBatches.Make(Rows, Length, seed: 5);
        using var generator = new Generator(seed);
        var result = TokenMasking.MaskTokens(TokenBatches.Tensor(ids, Rows, Length), TokenBatches.Tensor(mask, Rows, Length),
            probability, toMask, toRandom, p, generator, maskId: 3, vocabSize: TokenBatches.Vocab, specialIds: Specials);
        return (ids, mask, result.Ids.data<long>().ToArray(), result.Labels.data<long>().ToArray());
    }

    [Fact]
    public void SelectionRateAndReplacementSplitMatchTheBinomialExpectations()
    {
        var (ids, mask, output, labels) = Run(0.15, 0.8, 0.1, 1.0, seed: 42);
        int eligible = 0, selected = 0, masked = 0, randomDifferent = 0, unchanged = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            if (!TokenBatches.Maskable(ids, mask, i))
            {
                continue;
            }

            eligible++;
            if (labels[i] == -100)
            {
                continue;
            }

            selected++;
            if (output[i] == 3)
            {
                masked++;
            }
            else if (output[i] != ids[i])
            {
                randomDifferent++;
            }
            else
            {
                unchanged++;
            }
        }

        Assert.True(eligible > 20_000, $"only {eligible} eligible tokens");

        // Selection ~ Binomial(eligible, 0.15): tolerance 5 sigma.
        double rate = (double)selected / eligible;
        double sigma = Math.Sqrt(0.15 * 0.85 / eligible);
        Assert.InRange(rate, 0.15 - (5 * sigma), 0.15 + (5 * sigma));

        // Among the selected: [MASK] with 0.8; a random id from the 46 non-special ids with 0.1, which equals the
        // original (itself one of the 46) with probability 1/46; unchanged with 0.1 (+ 0.1/46 from those draws).
        double pMask = 0.8, pRandomDifferent = 0.1 * 45 / 46, pUnchanged = 0.1 + (0.1 / 46);
        foreach (var (count, expected) in new[] { (masked, pMask), (randomDifferent, pRandomDifferent), (unchanged, pUnchanged) })
        {
            double s = Math.Sqrt(expected * (1 - expected) / selected);
            Assert.InRange((double)count / selected, expected - (5 * s), expected + (5 * s));
        }
    }

    [Fact]
    public void SpecialsAndPaddingAreNeverSelectedAndLabelsHoldOriginals()
    {
        var (ids, mask, output, labels) = Run(0.5, 0.5, 0.5, 1.0, seed: 7);
        for (int i = 0; i < ids.Length; i++)
        {
            if (!TokenBatches.Maskable(ids, mask, i))
            {
                Assert.Equal(-100, labels[i]);
                Assert.Equal(ids[i], output[i]);
            }
            else if (labels[i] == -100)
            {
                Assert.Equal(ids[i], output[i]);
            }
            else
            {
                Assert.Equal(ids[i], labels[i]);
                // Either [MASK] or a random non-special id: never pad, cls or sep.
                Assert.True(output[i] == 3 || (output[i] >= 4 && output[i] < TokenBatches.Vocab), $"position {i} became {output[i]}");
            }
        }
    }

    [Fact]
    public void RandomReplacementsCoverTheNonSpecialIdsOnly()
    {
        // Everything selected and replaced at random: each of the 46 non-special ids should appear, no special id.
        var (_, _, output, labels) = Run(1.0, 0.0, 1.0, 1.0, seed: 3);
        var drawn = output.Where((_, i) => labels[i] != -100).ToArray();
        Assert.Equal(Enumerable.Range(4, 46).Select(i => (long)i), drawn.Distinct().OrderBy(x => x));
    }

    [Fact]
    public void SequenceProbabilityGatesWholeSequences()
    {
        const double p = 0.3;
        var (ids, mask, _, labels) = Run(0.15, 0.8, 0.1, p, seed: 11);
        int withLabels = 0;
        double expected = 0, variance = 0;
        for (int r = 0; r < Rows; r++)
        {
            int eligible = Enumerable.Range(r * Length, Length).Count(i => TokenBatches.Maskable(ids, mask, i));
            // A row shows labels when it is gated in (p) and at least one of its tokens is selected.
            double q = p * (1 - Math.Pow(0.85, eligible));
            expected += q;
            variance += q * (1 - q);
            if (Enumerable.Range(r * Length, Length).Any(i => labels[i] != -100))
            {
                withLabels++;
            }
        }

        Assert.InRange(withLabels, expected - (5 * Math.Sqrt(variance)), expected + (5 * Math.Sqrt(variance)));

        var none = Run(0.15, 0.8, 0.1, 0.0, seed: 11);
        Assert.All(none.Labels, l => Assert.Equal(-100, l));
        Assert.Equal(none.Ids, none.Out);
    }

    [Fact]
    public void SameSeedSameMaskDifferentSeedDifferentMask()
    {
        var a = Run(0.15, 0.8, 0.1, 1.0, seed: 5);
        var b = Run(0.15, 0.8, 0.1, 1.0, seed: 5);
        var c = Run(0.15, 0.8, 0.1, 1.0, seed: 6);
        Assert.Equal(a.Out, b.Out);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Labels, c.Labels);
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(1);
        var ids = torch.ones(new long[] { 2, 4 }, dtype: ScalarType.Int64);
        var mask = torch.ones(new long[] { 2, 4 }, dtype: ScalarType.Int64);
        var sum = Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.MaskTokens(ids, mask, 0.15, 0.8, 0.3, 1, g, 3, 10, Specials));
        Assert.Contains("at most 1", sum.Message);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.MaskTokens(ids, mask, 1.5, 0.8, 0.1, 1, g, 3, 10, Specials)).ParamName);
        Assert.Equal("maskId", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.MaskTokens(ids, mask, 0.15, 0.8, 0.1, 1, g, 10, 10, Specials)).ParamName);
        Assert.Throws<ArgumentException>(() => TokenMasking.MaskTokens(ids, torch.ones(2, 3), 0.15, 0.8, 0.1, 1, g, 3, 10, Specials));
        Assert.Throws<ArgumentException>(() => TokenMasking.MaskTokens(torch.ones(2, 4), mask, 0.15, 0.8, 0.1, 1, g, 3, 10, Specials));
    }
}
