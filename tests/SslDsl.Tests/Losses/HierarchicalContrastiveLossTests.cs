using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

/// <summary>TS2Vec's hierarchical contrastive loss against a hand-worked case and the reference implementation.</summary>
public class HierarchicalContrastiveLossTests
{
    /// <summary>z1[b,t,d] = ((7b + 3t + 5d) mod 11 - 5) / 5 and z2[b,t,d] = ((5b + 2t + 3d) mod 13 - 6) / 6, B = 3, T = 5, D = 2.</summary>
    private static (Tensor Z1, Tensor Z2) Pattern()
    {
        var a = new double[30];
        var b = new double[30];
        for (int s = 0; s < 3; s++)
        {
            for (int t = 0; t < 5; t++)
            {
                for (int d = 0; d < 2; d++)
                {
                    a[(s * 10) + (t * 2) + d] = ((((7 * s) + (3 * t) + (5 * d)) % 11) - 5) / 5.0;
                    b[(s * 10) + (t * 2) + d] = ((((5 * s) + (2 * t) + (3 * d)) % 13) - 6) / 6.0;
                }
            }
        }

        return (Shaped(a, 3, 5, 2), Shaped(b, 3, 5, 2));
    }

    [Fact]
    public void OneStepOneFeatureMatchesTheHandWorkedValue()
    {
        // B = 2, T = 1, D = 1, z1 = z2 = [1, 0]: only the last instance term (one scale). The 4 anchors are
        // [a1, a2, b1, b2] = [1, 0, 1, 0]; a1's similarities to the others are (a2, b1, b2) = (0, 1, 0), its positive b1:
        // -log(e / (2 + e)) = log(2 + e) - 1; a2's are all 0: log 3. b1 and b2 mirror them. The instance loss is the mean
        // (log(2 + e) - 1 + log 3) / 2 and the hierarchy gives alpha * that / 1 scale.
        using var scope = torch.NewDisposeScope();
        var z = Shaped(new[] { 1.0, 0.0 }, 2, 1, 1);
        double expected = 0.5 * (Math.Log(2 + Math.E) - 1 + Math.Log(3)) / 2;
        Assert.Equal(expected, Value(Losses.HierarchicalContrastive(z, z, alpha: 0.5, temporalUnit: 0)), 12);
        Assert.Equal(0.41251425065004016, expected, 12);
    }

    [Theory]
    // hierarchical_contrastive_loss of the reference code (github.com/yuezhihan/ts2vec, losses.py), float64, torch 1.13:
    // python3 -c '... hier(z1, z2, alpha, temporal_unit)' on Pattern(); scales: T = 5, 2, 1.
    [InlineData(0.5, 0, 1.4089795604136377)]
    [InlineData(0.5, 1, 1.0193546123571424)]
    [InlineData(0.0, 0, 1.1748628984654916)]
    [InlineData(1.0, 0, 1.643096222361784)]
    [InlineData(0.3, 2, 0.4929288667085352)]
    public void MatchesTheReferenceImplementation(double alpha, int temporalUnit, double expected)
    {
        using var scope = torch.NewDisposeScope();
        var (z1, z2) = Pattern();
        Assert.Equal(expected, Value(Losses.HierarchicalContrastive(z1, z2, alpha, temporalUnit)), 10);
    }

    [Fact]
    public void InstanceAndTemporalTermsMatchTheReference()
    {
        using var scope = torch.NewDisposeScope();
        var (z1, z2) = Pattern();
        // instance_contrastive_loss and temporal_contrastive_loss of the reference on the full-length pattern.
        Assert.Equal(1.671844191675415, Value(Losses.InstanceContrastive(z1, z2)), 10);
        Assert.Equal(2.337749688338972, Value(Losses.TemporalContrastive(z1, z2)), 10);
    }

    [Fact]
    public void InstanceTermIsZeroForOneSeriesAndTemporalTermForOneStep()
    {
        using var scope = torch.NewDisposeScope();
        var (z1, z2) = Pattern();
        Assert.Equal(0.0, Value(Losses.InstanceContrastive(z1.narrow(0, 0, 1), z2.narrow(0, 0, 1))));
        Assert.Equal(0.0, Value(Losses.TemporalContrastive(z1.narrow(1, 0, 1), z2.narrow(1, 0, 1))));
    }

    [Fact]
    public void GradientReachesBothCrops()
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = Pattern();
        var z1 = a.requires_grad_(true);
        var z2 = b.requires_grad_(true);
        Losses.HierarchicalContrastive(z1, z2, 0.5, 0).backward();
        Assert.True(z1.grad!.abs().sum().item<double>() > 0);
        Assert.True(z2.grad!.abs().sum().item<double>() > 0);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        using var scope = torch.NewDisposeScope();
        var (z1, z2) = Pattern();
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.HierarchicalContrastive(z1, z2, 1.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.HierarchicalContrastive(z1, z2, 0.5, -1));
        Assert.Throws<ArgumentException>(() => Losses.HierarchicalContrastive(z1, z2.narrow(1, 0, 4), 0.5, 0));
        Assert.Throws<ArgumentException>(() => Losses.HierarchicalContrastive(z1.flatten(1), z2.flatten(1), 0.5, 0));
    }
}
