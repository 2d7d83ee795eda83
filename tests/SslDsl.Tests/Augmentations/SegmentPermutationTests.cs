using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>TS-TCC's permutation: a reordering of contiguous segments, every channel alike, seeded.</summary>
public class SegmentPermutationTests
{
    private const int Steps = 12;

    /// <summary>Series whose value is 100 * sample + 10 * channel + step, so an output value names its source step.</summary>
    private static Tensor Numbered(int batch, int channels) =>
        (torch.arange(batch).view(-1, 1, 1) * 100 + torch.arange(channels).view(1, -1, 1) * 10 + torch.arange(Steps).view(1, 1, -1)).to(ScalarType.Float32);

    /// <summary>The maximal runs of consecutive source steps (each segment is one run or more: two neighbours may stay in order).</summary>
    private static List<int[]> Runs(int[] source)
    {
        var runs = new List<int[]> { new[] { source[0] } };
        for (int t = 1; t < source.Length; t++)
        {
            if (source[t] == source[t - 1] + 1)
            {
                runs[^1] = runs[^1].Append(source[t]).ToArray();
            }
            else
            {
                runs.Add(new[] { source[t] });
            }
        }

        return runs;
    }

    [Fact]
    public void EverySeriesIsAReorderingOfAtMostMaxSegmentsContiguousSegments()
    {
        using var scope = torch.NewDisposeScope();
        const int batch = 400, channels = 3, maxSegments = 4;
        var x = Numbered(batch, channels);
        using var g = Gen(90);
        var y = Data(SeriesAugment.SegmentPermutation(x, maxSegments, p: 1.0, generator: g));
        var runCounts = new HashSet<int>();
        for (int s = 0; s < batch; s++)
        {
            var steps = Enumerable.Range(0, Steps).Select(t => (int)Math.Round(y[(s * channels * Steps) + t]) - (100 * s)).ToArray();
            // The same multiset of values: every step exactly once.
            Assert.Equal(Enumerable.Range(0, Steps), steps.OrderBy(v => v));
            for (int c = 1; c < channels; c++)
            {
                var other = Enumerable.Range(0, Steps).Select(t => (int)Math.Round(y[(((s * channels) + c) * Steps) + t]) - (100 * s) - (10 * c));
                Assert.Equal(steps, other); // every channel moved alike
            }

            var runs = Runs(steps);
            Assert.InRange(runs.Count, 1, maxSegments);
            runCounts.Add(runs.Count);
        }

        // 400 draws of K uniform in {1..4} and a random order: every number of runs from 1 to 4 occurs.
        Assert.Equal(new[] { 1, 2, 3, 4 }, runCounts.OrderBy(v => v));
    }

    [Fact]
    public void TheNumberOfSegmentsIsUniformUpToMaxSegments()
    {
        // With 2 segments the output is the identity (order kept) or the swap [b..T) + [0..b): one run or two runs.
        // With K uniform in {1, 2}: P(identity) = P(K = 1) + P(K = 2) / 2 = 3/4.
        using var scope = torch.NewDisposeScope();
        const int batch = 4000;
        var x = Numbered(batch, 1).remainder(100);
        using var g = Gen(91);
        var y = Data(SeriesAugment.SegmentPermutation(x, maxSegments: 2, p: 1.0, generator: g));
        int unchanged = Enumerable.Range(0, batch).Count(s => Enumerable.Range(0, Steps).All(t => y[(s * Steps) + t] == t));
        // Binomial(4000, 0.75): SD = 27.4; tolerance 5 SD.
        Assert.InRange(unchanged, 3000 - 137, 3000 + 137);
        for (int s = 0; s < batch; s++)
        {
            var steps = Enumerable.Range(0, Steps).Select(t => (int)y[(s * Steps) + t]).ToArray();
            var runs = Runs(steps);
            Assert.True(runs.Count == 1 || (runs.Count == 2 && runs[1][0] == 0 && runs[0][^1] == Steps - 1), $"series {s}: {string.Join(",", steps)}");
        }
    }

    [Fact]
    public void IsReproducibleFromTheSeedAndKeepsUnselectedSeries()
    {
        using var scope = torch.NewDisposeScope();
        var x = Numbered(64, 2);
        using var g1 = Gen(92);
        using var g2 = Gen(92);
        using var g3 = Gen(93);
        var a = SeriesAugment.SegmentPermutation(x, 5, 1.0, g1);
        Assert.True(Same(a, SeriesAugment.SegmentPermutation(x, 5, 1.0, g2)));
        Assert.False(Same(a, SeriesAugment.SegmentPermutation(x, 5, 1.0, g3)));
        using var g4 = Gen(94);
        Assert.True(Same(x, SeriesAugment.SegmentPermutation(x, 5, 0.0, g4)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    public void RejectsMaxSegmentsOutsideTwoToTheLength(int maxSegments)
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(95);
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesAugment.SegmentPermutation(Numbered(2, 1), maxSegments, 1.0, g));
    }
}
