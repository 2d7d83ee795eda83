using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>TS2Vec's two overlapping crops and their timestamp masks.</summary>
public class OverlappingCropsTests
{
    [Fact]
    public void TheCropsShareTheOverlapOfEverySeries()
    {
        using var scope = torch.NewDisposeScope();
        const int batch = 16, steps = 40;
        // Value = 1000 * sample + 100 * channel + step: a crop's values name their source steps.
        var x = (torch.arange(batch).view(-1, 1, 1) * 1000 + torch.arange(2).view(1, -1, 1) * 100 + torch.arange(steps).view(1, 1, -1)).to(ScalarType.Float32);
        for (ulong seed = 0; seed < 20; seed++)
        {
            using var g = Gen(100 + seed);
            var crops = SeriesPretext.OverlappingCrops(x, temporalUnit: 1, maskRatio: 0.5, generator: g);
            long l1 = crops.First.shape[2], l2 = crops.Second.shape[2];
            Assert.InRange(crops.Overlap, 4, Math.Min(l1, l2)); // at least 2^(1+1) steps
            var first = Data(crops.First);
            var second = Data(crops.Second);
            for (int s = 0; s < batch; s++)
            {
                for (int c = 0; c < 2; c++)
                {
                    var a = Enumerable.Range(0, (int)l1).Select(t => first[(int)(((s * 2) + c) * l1) + t] - (1000 * s) - (100 * c)).ToArray();
                    var b = Enumerable.Range(0, (int)l2).Select(t => second[(int)(((s * 2) + c) * l2) + t] - (1000 * s) - (100 * c)).ToArray();
                    // Each crop is a contiguous stretch of its own series.
                    Assert.All(a.Zip(a.Skip(1)), p => Assert.Equal(p.First + 1, p.Second));
                    Assert.All(b.Zip(b.Skip(1)), p => Assert.Equal(p.First + 1, p.Second));
                    Assert.InRange(a[0], 0, steps - 1);
                    Assert.InRange(b[^1], 0, steps - 1);
                    // The first crop ends where the overlap ends, the second starts where it starts.
                    Assert.Equal(a.Skip((int)(l1 - crops.Overlap)), b.Take((int)crops.Overlap));
                }
            }

            Assert.True(Same(crops.OverlapOfFirst(crops.First.transpose(1, 2)), crops.OverlapOfSecond(crops.Second.transpose(1, 2))));
        }
    }

    [Fact]
    public void MasksKeepEachStepWithProbabilityOneMinusTheRatio()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(200, 1, 50);
        using var g = Gen(130);
        var crops = SeriesPretext.OverlappingCrops(x, temporalUnit: 0, maskRatio: 0.3, generator: g);
        Assert.Equal(new[] { 200L, crops.First.shape[2] }, crops.FirstKept.shape);
        Assert.Equal(new[] { 200L, crops.Second.shape[2] }, crops.SecondKept.shape);
        double kept = crops.FirstKept.to(ScalarType.Float64).sum().item<double>() + crops.SecondKept.to(ScalarType.Float64).sum().item<double>();
        double n = crops.FirstKept.numel() + crops.SecondKept.numel();
        // Bernoulli(0.7) over n >= 800 steps: SD <= 0.0162; tolerance 5 SD.
        Assert.InRange(kept / n, 0.7 - 0.081, 0.7 + 0.081);
    }

    [Fact]
    public void IsReproducibleFromTheSeedAndRejectsASeriesShorterThanTheShortestCrop()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(5, 4, 2, 16);
        using var g1 = Gen(131);
        using var g2 = Gen(131);
        var a = SeriesPretext.OverlappingCrops(x, 0, 0.5, g1);
        var b = SeriesPretext.OverlappingCrops(x, 0, 0.5, g2);
        Assert.True(Same(a.First, b.First) && Same(a.Second, b.Second) && a.Overlap == b.Overlap);
        Assert.True(Same(a.FirstKept.to(ScalarType.Float32), b.FirstKept.to(ScalarType.Float32)));
        Assert.Throws<ArgumentException>(() => SeriesPretext.OverlappingCrops(x, temporalUnit: 4, maskRatio: 0.5, generator: g1)); // 2^5 > 16
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesPretext.OverlappingCrops(x, 0, maskRatio: 1.0, generator: g1));
    }
}
