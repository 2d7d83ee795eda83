using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class DistillationLossesTests
{
    [Fact]
    public void ByolMatchesLoopReference()
    {
        double[,] online = { { 1.0, 2.0, -1.0 }, { 0.5, 0.0, 3.0 } };
        double[,] target = { { 2.0, 1.0, 0.0 }, { -1.0, 1.0, 1.0 } };
        double total = 0;
        for (int i = 0; i < 2; i++)
        {
            total += 2 - (2 * Dot(UnitRow(online, i), UnitRow(target, i)));
        }

        using var loss = Losses.Byol(Matrix(online), Matrix(target));
        Assert.Equal(total / 2, Value(loss), 1e-12);
    }

    [Fact]
    public void ByolIsZeroForAlignedAndFourForOppositeViews()
    {
        double[,] target = { { 1.0, 2.0 }, { -3.0, 0.5 } };
        double[,] scaled = { { 3.0, 6.0 }, { -1.5, 0.25 } };
        double[,] opposite = { { -1.0, -2.0 }, { 3.0, -0.5 } };
        using var aligned = Losses.Byol(Matrix(scaled), Matrix(target));
        using var flipped = Losses.Byol(Matrix(opposite), Matrix(target));
        Assert.Equal(0.0, Value(aligned), 1e-12);
        Assert.Equal(4.0, Value(flipped), 1e-12);
    }

    [Fact]
    public void ByolRejectsMismatchedShapes()
    {
        Assert.Throws<ArgumentException>(() => Losses.Byol(torch.zeros(2, 3), torch.zeros(2, 4)));
        Assert.Throws<ArgumentException>(() => Losses.Byol(torch.zeros(3), torch.zeros(3)));
    }
}
