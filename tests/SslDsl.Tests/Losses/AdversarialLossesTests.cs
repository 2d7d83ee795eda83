using System;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class AdversarialLossesTests
{
    /// <summary>-log sigmoid(x) = log(1 + e^-x).</summary>
    private static double MinusLogSigmoid(double x) => Math.Log(1 + Math.Exp(-x));

    [Fact]
    public void GeneratorLossIsBceAgainstOne()
    {
        // mean(-log sigmoid(0), -log sigmoid(2)) = (ln 2 + ln(1 + e^-2)) / 2.
        using var loss = Losses.AdversarialGenerator(Shaped(new double[] { 0, 2 }, 2));
        Assert.Equal((Math.Log(2) + Math.Log(1 + Math.Exp(-2))) / 2, Value(loss), 1e-12);
    }

    [Fact]
    public void DiscriminatorLossIsBceRealToOnePlusFakeToZero()
    {
        double[] real = { 1, -1 };
        double[] fake = { 0.5, -2, 3 };
        double expected = ((MinusLogSigmoid(1) + MinusLogSigmoid(-1)) / 2)
            + ((MinusLogSigmoid(-0.5) + MinusLogSigmoid(2) + MinusLogSigmoid(-3)) / 3);
        using var loss = Losses.AdversarialDiscriminator(Shaped(real, 2), Shaped(fake, 3));
        Assert.Equal(expected, Value(loss), 1e-12);
    }

    [Fact]
    public void ConfidentCorrectDiscriminatorHasNearZeroLoss()
    {
        // log(1 + e^-40) ~ 4e-18 for each term.
        using var loss = Losses.AdversarialDiscriminator(Shaped(new double[] { 40, 40 }, 2), Shaped(new double[] { -40 }, 1));
        Assert.Equal(0.0, Value(loss), 1e-15);
    }

    [Fact]
    public void RejectsEmptyOrIntegerLogits()
    {
        Assert.Throws<ArgumentException>(() => Losses.AdversarialGenerator(torch.zeros(0)));
        Assert.Throws<ArgumentException>(() => Losses.AdversarialDiscriminator(torch.zeros(new long[] { 2 }, torch.int64), torch.zeros(2)));
        Assert.Throws<ArgumentException>(() => Losses.AdversarialDiscriminator(torch.zeros(2), torch.zeros(0)));
    }
}
