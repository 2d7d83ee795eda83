using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class ReconstructionLossesTests
{
    // [1, 2, 2, 2]: channel 0 then channel 1, row-major.
    private static readonly double[] Prediction = { 1, 2, 3, 4, 0, 0, 0, 0 };
    private static readonly double[] Target = { 0, 2, 5, 4, 1, 1, 1, 3 };

    [Fact]
    public void FullMeanWithoutMask()
    {
        // Squared errors: channel 0: 1, 0, 4, 0; channel 1: 1, 1, 1, 9. Sum 17 over 8 elements.
        using var loss = Losses.Reconstruction(Shaped(Prediction, 1, 2, 2, 2), Shaped(Target, 1, 2, 2, 2));
        Assert.Equal(17.0 / 8, Value(loss), 1e-12);
    }

    [Fact]
    public void MaskAveragesOnlyHiddenElementsAcrossChannels()
    {
        // Mask [1,1,2,2] hides pixels 1 and 2 of both channels: errors 0, 4 (channel 0) and 1, 1 (channel 1) -> 6 / 4.
        using var mask = Shaped(new double[] { 0, 1, 1, 0 }, 1, 1, 2, 2);
        using var loss = Losses.Reconstruction(Shaped(Prediction, 1, 2, 2, 2), Shaped(Target, 1, 2, 2, 2), mask);
        Assert.Equal(1.5, Value(loss), 1e-12);
    }

    [Fact]
    public void BooleanMaskMatchesFloatMask()
    {
        // Hidden pixel 0 only: errors 1 (channel 0) and 1 (channel 1) -> 2 / 2.
        using var mask = torch.tensor(new[] { true, false, false, false }, new long[] { 1, 1, 2, 2 });
        using var loss = Losses.Reconstruction(Shaped(Prediction, 1, 2, 2, 2), Shaped(Target, 1, 2, 2, 2), mask);
        Assert.Equal(1.0, Value(loss), 1e-12);
    }

    [Fact]
    public void AllZeroMaskFallsBackToTheFullMean()
    {
        using var mask = torch.zeros(new long[] { 1, 1, 2, 2 }, torch.float64);
        using var prediction = Shaped(Prediction, 1, 2, 2, 2).requires_grad_();
        using var loss = Losses.Reconstruction(prediction, Shaped(Target, 1, 2, 2, 2), mask);
        Assert.Equal(17.0 / 8, Value(loss), 1e-12);
        loss.backward();
        Assert.False(prediction.grad!.isnan().any().item<bool>());
    }

    [Fact]
    public void NormalizedTargetsUsePatchStatisticsOverEveryChannelAsMaesPatchify()
    {
        const int c = 2;
        const int side = 4;
        const int p = 2;
        var target = Enumerable.Range(0, c * side * side).Select(i => Math.Sin(i * 1.7) * 3 + (i % 5)).ToArray();
        var prediction = Enumerable.Range(0, c * side * side).Select(i => Math.Cos(i * 0.9)).ToArray();
        var hidden = new double[side * side];
        for (int i = 0; i < hidden.Length; i++)
        {
            hidden[i] = (i % 3 == 0) ? 1 : 0;
        }

        // A patch is its p x p pixels in both channels (C * p^2 = 8 values): one mean, one unbiased variance.
        var normalized = new double[target.Length];
        for (int py = 0; py < side; py += p)
        {
            for (int px = 0; px < side; px += p)
            {
                var index = (from ch in Enumerable.Range(0, c) from y in Enumerable.Range(py, p) from x in Enumerable.Range(px, p) select (ch * side * side) + (y * side) + x).ToArray();
                double mean = index.Average(i => target[i]);
                double variance = index.Sum(i => Math.Pow(target[i] - mean, 2)) / (index.Length - 1);
                foreach (int i in index)
                {
                    normalized[i] = (target[i] - mean) / Math.Sqrt(variance + 1e-6);
                }
            }
        }

        double full = 0;
        double masked = 0;
        double count = 0;
        for (int i = 0; i < target.Length; i++)
        {
            double e = Math.Pow(prediction[i] - normalized[i], 2);
            full += e;
            double m = hidden[i % (side * side)];
            masked += m * e;
            count += m;
        }

        using var pred = Shaped(prediction, 1, c, side, side);
        using var goal = Shaped(target, 1, c, side, side);
        using var mask = Shaped(hidden, 1, 1, side, side);
        using var fullLoss = Losses.Reconstruction(pred, goal, normalizeTargets: true, patchSize: p);
        using var maskedLoss = Losses.Reconstruction(pred, goal, mask, normalizeTargets: true, patchSize: p);
        Assert.Equal(full / target.Length, Value(fullLoss), 1e-10);
        Assert.Equal(masked / count, Value(maskedLoss), 1e-10);
    }

    [Fact]
    public void TabularMaskAndRowNormalization()
    {
        // [2, 4] features; row 0 hidden at features 1 and 3, row 1 at feature 0.
        double[] target = { 1, 3, 5, 7, 2, 2, 4, 8 };
        double[] prediction = { 0, 0, 0, 0, 1, 1, 1, 1 };
        double[] hidden = { 0, 1, 0, 1, 1, 0, 0, 0 };

        // Masked raw: errors 9, 49 (row 0) and 1 (row 1) -> 59 / 3.
        using var masked = Losses.Reconstruction(Shaped(prediction, 2, 4), Shaped(target, 2, 4), Shaped(hidden, 2, 4));
        Assert.Equal(59.0 / 3, Value(masked), 1e-12);

        // Whole-row normalization (patchSize 0), no mask.
        double expected = 0;
        for (int r = 0; r < 2; r++)
        {
            var row = target.Skip(r * 4).Take(4).ToArray();
            double mean = row.Average();
            double variance = row.Sum(v => Math.Pow(v - mean, 2)) / 3;
            for (int j = 0; j < 4; j++)
            {
                expected += Math.Pow(prediction[(r * 4) + j] - ((row[j] - mean) / Math.Sqrt(variance + 1e-6)), 2);
            }
        }

        using var rows = Losses.Reconstruction(Shaped(prediction, 2, 4), Shaped(target, 2, 4), normalizeTargets: true);
        Assert.Equal(expected / 8, Value(rows), 1e-10);
    }

    [Fact]
    public void SeriesSegmentsAreNormalizedAlongTime()
    {
        // [1, 1, 4] series with patchSize 2: segments {1, 3} (mean 2, deviations -+1, unbiased variance 2) and
        // {2, 6} (mean 4, deviations -+2, unbiased variance 8). With a zero prediction each squared error is
        // deviation^2 / (variance + 1e-6): (2 * 1 / (2 + 1e-6) + 2 * 4 / (8 + 1e-6)) / 4 elements.
        using var loss = Losses.Reconstruction(torch.zeros(new long[] { 1, 1, 4 }, torch.float64), Shaped(new double[] { 1, 3, 2, 6 }, 1, 1, 4), normalizeTargets: true, patchSize: 2);
        double expected = ((2 * 1 / (2 + 1e-6)) + (2 * 4 / (8 + 1e-6))) / 4;
        Assert.Equal(expected, Value(loss), 1e-12);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var image = torch.zeros(new long[] { 1, 2, 4, 4 });
        Assert.Throws<ArgumentException>(() => Losses.Reconstruction(image, torch.zeros(new long[] { 1, 2, 4, 5 })));
        Assert.Throws<ArgumentException>(() => Losses.Reconstruction(image, image, torch.ones(1, 3, 4, 4)));
        Assert.Throws<ArgumentException>(() => Losses.Reconstruction(image, image, torch.ones(2, 1, 4, 4)));
        Assert.Throws<ArgumentException>(() => Losses.Reconstruction(image, image, normalizeTargets: true, patchSize: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Reconstruction(image, image, normalizeTargets: true, patchSize: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Reconstruction(image, image, normalizeTargets: true));
        Assert.Throws<ArgumentException>(() => Losses.Reconstruction(torch.zeros(2, 5), torch.zeros(2, 5), normalizeTargets: true, patchSize: 2));
        Assert.Throws<ArgumentException>(() => Losses.Reconstruction(torch.zeros(4), torch.zeros(4)));
    }
}
