using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class PredictionLossesTests
{
    /// <summary>[B, L, V] logits with distinct values: logits[b, l, v] = sin(1 + 0.7 (b L V + l V + v)) * 2.</summary>
    private static double[] Logits(int b, int l, int v) =>
        Enumerable.Range(0, b * l * v).Select(i => Math.Sin(1 + (0.7 * i)) * 2).ToArray();

    private static double[] Row(double[] logits, int v, int row) => logits.Skip(row * v).Take(v).ToArray();

    [Fact]
    public void MaskedTokenAveragesOverNonIgnoredPositions()
    {
        const int v = 4;
        var logits = Logits(2, 3, v);
        long[] labels = { 2, -100, 0, -100, 3, 1 };
        double total = 0;
        int count = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != -100)
            {
                total += CrossEntropy(Row(logits, v, i), (int)labels[i]);
                count++;
            }
        }

        using var loss = Losses.MaskedToken(Shaped(logits, 2, 3, v), torch.tensor(labels, new long[] { 2, 3 }));
        Assert.Equal(total / count, Value(loss), 1e-12);
    }

    [Fact]
    public void SpanCorruptionAveragesOverTheTargetTokens()
    {
        // T5's loss: the mean cross-entropy of the decoder's logits over the target (sentinels and span tokens), padding ignored.
        const int v = 5;
        var logits = Logits(2, 4, v);
        long[] targets = { 4, 2, 3, -100, 4, 1, -100, -100 };
        var kept = Enumerable.Range(0, targets.Length).Where(i => targets[i] != -100).ToArray();
        double expected = kept.Average(i => CrossEntropy(Row(logits, v, i), (int)targets[i]));
        using var loss = Losses.SpanCorruption(Shaped(logits, 2, 4, v), torch.tensor(targets, new long[] { 2, 4 }));
        Assert.Equal(expected, Value(loss), 1e-12);
        Assert.Throws<ArgumentException>(() => Losses.SpanCorruption(Shaped(logits, 2, 4, v), torch.zeros(new long[] { 2, 3 }, torch.int64)));
    }

    [Fact]
    public void MaskedTokenIsZeroWhenEveryPositionIsIgnored()
    {
        using var logits = Shaped(Logits(1, 3, 4), 1, 3, 4).requires_grad_();
        using var loss = Losses.MaskedToken(logits, torch.full(new long[] { 1, 3 }, -100L));
        Assert.Equal(0.0, Value(loss), 1e-12);
        loss.backward();
        Assert.Equal(0.0, logits.grad!.abs().sum().item<double>(), 1e-12);
    }

    [Fact]
    public void MaskedTokenRejectsBadArguments()
    {
        var logits = torch.zeros(2, 3, 4);
        Assert.Throws<ArgumentException>(() => Losses.MaskedToken(logits, torch.zeros(new long[] { 2, 3 }, torch.int32)));
        Assert.Throws<ArgumentException>(() => Losses.MaskedToken(logits, torch.zeros(new long[] { 2, 4 }, torch.int64)));
        Assert.Throws<ArgumentException>(() => Losses.MaskedToken(torch.zeros(6, 4), torch.zeros(new long[] { 6 }, torch.int64)));
    }

    [Fact]
    public void NextTokenShiftsByOneAndSkipsPaddedTargets()
    {
        const int v = 3;
        const int l = 4;
        var logits = Logits(2, l, v);
        long[] ids = { 0, 2, 1, 2, 1, 1, 0, 2 };
        long[] attention = { 1, 1, 1, 0, 1, 1, 1, 1 };
        double total = 0;
        int count = 0;
        for (int b = 0; b < 2; b++)
        {
            for (int t = 0; t < l - 1; t++)
            {
                if (attention[(b * l) + t + 1] != 0)
                {
                    total += CrossEntropy(Row(logits, v, (b * l) + t), (int)ids[(b * l) + t + 1]);
                    count++;
                }
            }
        }

        Assert.Equal(5, count);
        using var loss = Losses.NextToken(Shaped(logits, 2, l, v), torch.tensor(ids, new long[] { 2, l }), torch.tensor(attention, new long[] { 2, l }));
        Assert.Equal(total / count, Value(loss), 1e-12);

        // The last position has no next token and position 2 of sample 0 predicts padding: neither matters.
        var changed = (double[])logits.Clone();
        for (int k = 0; k < v; k++)
        {
            changed[(2 * v) + k] = 50 * (k + 1);
            changed[(3 * v) + k] = -50 * (k + 1);
            changed[(7 * v) + k] = 9;
        }

        using var same = Losses.NextToken(Shaped(changed, 2, l, v), torch.tensor(ids, new long[] { 2, l }), torch.tensor(attention, new long[] { 2, l }));
        Assert.Equal(total / count, Value(same), 1e-12);
    }

    [Fact]
    public void NextTokenRejectsBadArguments()
    {
        var ids = torch.zeros(new long[] { 2, 3 }, torch.int64);
        Assert.Throws<ArgumentException>(() => Losses.NextToken(torch.zeros(2, 3, 5), ids, torch.ones(2, 4)));
        Assert.Throws<ArgumentException>(() => Losses.NextToken(torch.zeros(2, 3, 5), ids.to(torch.int32), torch.ones(2, 3)));
        Assert.Throws<ArgumentException>(() => Losses.NextToken(torch.zeros(2, 1, 5), torch.zeros(new long[] { 2, 1 }, torch.int64), torch.ones(2, 1)));
    }

    [Fact]
    public void ClassificationIsMeanCrossEntropy()
    {
        const int c = 4;
        var logits = Logits(1, 3, c);
        long[] labels = { 3, 0, 2 };
        double expected = Enumerable.Range(0, 3).Average(i => CrossEntropy(Row(logits, c, i), (int)labels[i]));
        using var loss = Losses.Classification(Shaped(logits, 3, c), torch.tensor(labels));
        Assert.Equal(expected, Value(loss), 1e-12);
    }

    [Fact]
    public void ClassificationRejectsBadArguments()
    {
        Assert.Throws<ArgumentException>(() => Losses.Classification(torch.zeros(3, 4), torch.zeros(new long[] { 2 }, torch.int64)));
        Assert.Throws<ArgumentException>(() => Losses.Classification(torch.zeros(3, 4), torch.zeros(new long[] { 3 }, torch.float32)));
        Assert.Throws<ArgumentException>(() => Losses.Classification(torch.zeros(3, 4, 1), torch.zeros(new long[] { 3 }, torch.int64)));
    }

    [Fact]
    public void ForecastIsMeanSquaredError()
    {
        // Errors 0, 2, -2, 0: squares 0 + 4 + 4 + 0 = 8 over 4 elements.
        using var loss = Losses.Forecast(Shaped(new double[] { 1, 2, 3, 4 }, 2, 2), Shaped(new double[] { 1, 0, 5, 4 }, 2, 2));
        Assert.Equal(2.0, Value(loss), 1e-12);
        Assert.Throws<ArgumentException>(() => Losses.Forecast(torch.zeros(2, 2), torch.zeros(2, 3)));
    }
}
