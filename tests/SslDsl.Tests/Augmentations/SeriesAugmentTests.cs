using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>Jitter, scaling and time masking of [B,C,T] series; the forecast split.</summary>
public class SeriesAugmentTests
{
    [Fact]
    public void JitterAddsNoiseWithTheRequestedStd()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(4, 2, 1000);
        using var g = Gen(80);
        var d = Data(SeriesAugment.Jitter(x, std: 0.1, p: 1.0, generator: g));
        double mean = d.Average(v => (double)v);
        double std = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1));
        // n = 8000: SE(mean) = 0.1/sqrt(8000) = 0.0011, SE(std) = 0.1/sqrt(16000) = 0.0008; tolerance 5 SE.
        Assert.InRange(mean, -0.0056, 0.0056);
        Assert.InRange(std, 0.1 - 0.004, 0.1 + 0.004);
    }

    [Fact]
    public void ScalingMultipliesEachChannelByOneFactorNearOne()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(1, 6, dtype: ScalarType.Float32).view(1, 1, 5).expand(1000, 2, 5).contiguous();
        using var g = Gen(81);
        var y = Data(SeriesAugment.Scaling(x, std: 0.1, p: 1.0, generator: g));
        var factors = new double[2000];
        for (int s = 0; s < 2000; s++)
        {
            factors[s] = y[s * 5];                                   // value 1 times the factor
            for (int t = 0; t < 5; t++)
            {
                Assert.Equal(factors[s] * (t + 1), y[s * 5 + t], 1e-5); // the same factor at every step (float32 products)
            }
        }

        double mean = factors.Average();
        double std = Math.Sqrt(factors.Sum(v => (v - mean) * (v - mean)) / (factors.Length - 1));
        // 2000 factors ~ N(1, 0.1²): SE(mean) = 0.0022, SE(std) = 0.0016; tolerance 5 SE.
        Assert.InRange(mean, 1 - 0.011, 1 + 0.011);
        Assert.InRange(std, 0.1 - 0.008, 0.1 + 0.008);
    }

    [Theory]
    [InlineData(0.25, 5)]
    [InlineData(0.26, 5)]   // round(5.2) = 5
    [InlineData(0.1, 2)]
    public void TimeMaskZeroesOneWindowOfRoundedLength(double ratio, int length)
    {
        using var scope = torch.NewDisposeScope();
        const int t = 20;
        var x = torch.ones(8, 3, t);
        using var g = Gen(82);
        var y = SeriesAugment.TimeMask(x, ratio, p: 1.0, generator: g);
        for (int i = 0; i < 8; i++)
        {
            var v = Sample(y, i);
            var zeros = Enumerable.Range(0, t).Where(k => v[k] == 0f).ToArray();
            Assert.Equal(length, zeros.Length);
            Assert.Equal(length - 1, zeros[^1] - zeros[0]);                      // contiguous
            for (int c = 1; c < 3; c++)
            {
                Assert.Equal(v.Take(t), v.Skip(c * t).Take(t));                  // same window in every channel
            }
        }
    }

    [Fact]
    public void TimeMaskStartsVaryAcrossSamples()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(16, 1, 20);
        using var g = Gen(83);
        var y = SeriesAugment.TimeMask(x, 0.2, 1.0, g);
        var starts = Enumerable.Range(0, 16).Select(i => Array.IndexOf(Sample(y, i), 0f)).Distinct().Count();
        Assert.True(starts > 1);
    }

    public static TheoryData<string> Ops => new() { "Jitter", "Scaling", "TimeMask" };

    private static Tensor Apply(string op, Tensor x, double p, Generator g) => op switch
    {
        "Jitter" => SeriesAugment.Jitter(x, std: 0.1, p: p, generator: g),
        "Scaling" => SeriesAugment.Scaling(x, std: 0.1, p: p, generator: g),
        _ => SeriesAugment.TimeMask(x, ratio: 0.2, p: p, generator: g),
    };

    [Theory]
    [MemberData(nameof(Ops))]
    public void ContractShapeDeterminismAndProbability(string op)
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(1, 16, 2, 10).add(0.5);
        using var g1 = Gen(5);
        using var g2 = Gen(5);
        using var g3 = Gen(6);
        using var g4 = Gen(7);
        using var g5 = Gen(8);
        var a = Apply(op, x, 0.5, g1);
        Assert.Equal(x.shape, a.shape);
        Assert.Equal(ScalarType.Float32, a.dtype);
        Assert.True(Same(a, Apply(op, x, 0.5, g2)));
        Assert.False(Same(a, Apply(op, x, 0.5, g3)));
        Assert.True(Same(x, Apply(op, x, 0.0, g4)));
        var all = Apply(op, x, 1.0, g5);
        Assert.All(Enumerable.Range(0, 16), i => Assert.False(Sample(x, i).SequenceEqual(Sample(all, i))));
    }

    [Fact]
    public void RejectsNonSeriesShape()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentException>(() => SeriesAugment.Jitter(torch.rand(2, 10), 0.1, 1, g));
        Assert.Contains("[B,C,T]", e.Message);
    }

    [Fact]
    public void SplitForecastCutsTheLastHorizonSteps()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(12, dtype: ScalarType.Float32).view(2, 1, 6);
        var (context, target) = SeriesPretext.SplitForecast(x, horizon: 2);
        Assert.Equal(new long[] { 2, 1, 4 }, context.shape);
        Assert.Equal(new long[] { 2, 1, 2 }, target.shape);
        Assert.Equal(new float[] { 0, 1, 2, 3, 6, 7, 8, 9 }, Data(context));
        Assert.Equal(new float[] { 4, 5, 10, 11 }, Data(target));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(0)]
    public void SplitForecastRejectsHorizonsLeavingNoContext(int horizon)
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SeriesPretext.SplitForecast(torch.rand(2, 1, 6), horizon));
        Assert.Equal("horizon", e.ParamName);
        Assert.Contains("T = 6", e.Message);
    }
}
