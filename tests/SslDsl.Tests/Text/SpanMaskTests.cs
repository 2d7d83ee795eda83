using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.TextTests;

/// <summary>Span masking: exact budget, specials, and span lengths against a plain C# simulation of the documented process.</summary>
public class SpanMaskTests
{
    private static readonly long[] Specials = { 0, 1, 2, 3 };

    private static (long[] Out, long[] Labels) Run(long[] ids, long[] mask, int rows, int length, double meanSpan, double ratio, double p, ulong seed)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(seed);
        var result = TokenMasking.SpanMask(TokenBatches.Tensor(ids, rows, length), TokenBatches.Tensor(mask, rows, length), meanSpan, ratio, p, generator, maskId: 3, specialIds: Specials);
        return (result.Ids.data<long>().ToArray(), result.Labels.data<long>().ToArray());
    }

    [Theory]
    [InlineData(3.0, 0.15)]
    [InlineData(1.0, 0.3)]
    [InlineData(8.0, 0.5)]
    public void MasksExactlyTheBudgetOfEachSequenceAndNothingSpecial(double meanSpan, double ratio)
    {
        const int rows = 64, length = 128;
        var (ids, mask) = TokenBatches.Make(rows, length, seed: 2);
        var (output, labels) = Run(ids, mask, rows, length, meanSpan, ratio, 1.0, seed: 9);
        for (int r = 0; r < rows; r++)
        {
            var row = Enumerable.Range(r * length, length).ToArray();
            int n = row.Count(i => TokenBatches.Maskable(ids, mask, i));
            int budget = Math.Max(1, (int)Math.Floor((ratio * n) + 0.5));
            Assert.Equal(budget, row.Count(i => labels[i] != -100));
            foreach (int i in row)
            {
                if (labels[i] != -100)
                {
                    Assert.True(TokenBatches.Maskable(ids, mask, i), $"position {i} (id {ids[i]}, mask {mask[i]}) was masked");
                    Assert.Equal(ids[i], labels[i]);
                    Assert.Equal(3, output[i]);
                }
                else
                {
                    Assert.Equal(ids[i], output[i]);
                }
            }
        }
    }

    [Fact]
    public void SingleTokenSpansFormRunsLikeARandomSubset()
    {
        // With meanSpan 1 every span is one token at a uniform unmasked position: the masked set is a uniform k-subset
        // of the n maskable (here contiguous) positions. Runs = k - (adjacent masked pairs); E[pairs] = (n-1) k(k-1) / (n(n-1)) = k(k-1)/n.
        const int rows = 400, length = 100;
        var (ids, mask) = ContiguousRows(rows, length, real: 90);
        var (_, labels) = Run(ids, mask, rows, length, meanSpan: 1, ratio: 0.2, p: 1, seed: 4);
        int n = 88, k = (int)Math.Floor((0.2 * n) + 0.5);
        double expectedPairs = rows * k * (k - 1) / (double)n;
        int pairs = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int t = 0; t + 1 < length; t++)
            {
                if (labels[(r * length) + t] != -100 && labels[(r * length) + t + 1] != -100)
                {
                    pairs++;
                }
            }
        }

        // Adjacent pairs are close to Poisson: 5 sigma = 5 sqrt(mean).
        Assert.InRange(pairs, expectedPairs - (5 * Math.Sqrt(expectedPairs)), expectedPairs + (5 * Math.Sqrt(expectedPairs)));
    }

    [Fact]
    public void GeometricSpansMatchAPlainSimulationOfTheProcess()
    {
        const int rows = 600, length = 100, real = 90;
        const double meanSpan = 3, ratio = 0.3;
        var (ids, mask) = ContiguousRows(rows, length, real);
        var (_, labels) = Run(ids, mask, rows, length, meanSpan, ratio, p: 1, seed: 8);
        var observed = Enumerable.Range(0, rows).Select(r => (double)Runs(labels.Skip(r * length).Take(length).Select(l => l != -100).ToArray())).ToArray();

        // Reference: the documented process in plain C# (uniform start among unmasked positions, length
        // 1 + floor(ln V / ln(1 - 1/meanSpan)), cut to the remaining budget), 4000 simulated sequences.
        var rng = new Random(123);
        int n = real - 2, budget = (int)Math.Floor((ratio * n) + 0.5);
        var simulated = new double[4000];
        for (int s = 0; s < simulated.Length; s++)
        {
            var masked = new bool[n];
            int count = 0;
            while (count < budget)
            {
                var free = Enumerable.Range(0, n).Where(i => !masked[i]).ToArray();
                int start = free[rng.Next(free.Length)];
                double v = 1 - rng.NextDouble();
                int span = Math.Min(1 + (int)Math.Floor(Math.Log(v) / Math.Log(1 - (1 / meanSpan))), budget - count);
                for (int i = start; i < Math.Min(n, start + span); i++)
                {
                    if (!masked[i])
                    {
                        masked[i] = true;
                        count++;
                    }
                }
            }

            simulated[s] = Runs(masked);
        }

        double meanObserved = observed.Average(), meanSimulated = simulated.Average();
        double se = Math.Sqrt((Variance(observed) / observed.Length) + (Variance(simulated) / simulated.Length));
        Assert.InRange(meanObserved - meanSimulated, -5 * se, 5 * se);

        // Contiguity: runs are on average well over one token long (27 masked tokens in far fewer runs).
        Assert.True(budget / meanObserved > 2, $"mean run length {budget / meanObserved}");
    }

    [Fact]
    public void SequenceProbabilityZeroMasksNothing()
    {
        var (ids, mask) = TokenBatches.Make(8, 64, seed: 1);
        var (output, labels) = Run(ids, mask, 8, 64, 3, 0.2, p: 0, seed: 1);
        Assert.All(labels, l => Assert.Equal(-100, l));
        Assert.Equal(ids, output);
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(1);
        var ids = torch.ones(new long[] { 2, 4 }, dtype: ScalarType.Int64);
        Assert.Equal("meanSpan", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.SpanMask(ids, ids, 0.5, 0.2, 1, g, 3, Specials)).ParamName);
        Assert.Equal("ratio", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.SpanMask(ids, ids, 3, 1.0, 1, g, 3, Specials)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.SpanMask(ids, ids, 3, 0.2, -0.1, g, 3, Specials)).ParamName);
    }

    /// <summary>Rows of [CLS], real - 2 non-special tokens, [SEP], then padding.</summary>
    private static (long[] Ids, long[] Mask) ContiguousRows(int rows, int length, int real)
    {
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        for (int r = 0; r < rows; r++)
        {
            for (int t = 0; t < real; t++)
            {
                ids[(r * length) + t] = t == 0 ? 1 : t == real - 1 ? 2 : 4 + ((t * 7) % 40);
                mask[(r * length) + t] = 1;
            }
        }

        return (ids, mask);
    }

    private static int Runs(IReadOnlyList<bool> masked)
    {
        int runs = 0;
        for (int i = 0; i < masked.Count; i++)
        {
            if (masked[i] && (i == 0 || !masked[i - 1]))
            {
                runs++;
            }
        }

        return runs;
    }

    private static double Variance(double[] xs)
    {
        double m = xs.Average();
        return xs.Sum(x => (x - m) * (x - m)) / (xs.Length - 1);
    }
}
