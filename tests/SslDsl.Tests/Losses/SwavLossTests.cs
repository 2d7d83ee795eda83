using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class SwavLossTests
{
    [Fact]
    public void SinkhornCodesSumToOnePerSampleAndShareThePrototypesEqually()
    {
        var scores = torch.rand(new long[] { 6, 3 }, dtype: torch.float64, generator: new torch.Generator(4)).mul(2).sub(1);
        var codes = Losses.Sinkhorn(scores, iterations: 100, epsilon: 0.5);
        Assert.True(codes.sum(1).allclose(torch.tensor(new double[] { 1, 1, 1, 1, 1, 1 }), atol: 1e-9));
        // After enough rounds every prototype receives B / K = 2 samples' worth of mass.
        Assert.True(codes.sum(dim: 0).allclose(torch.tensor(new double[] { 2, 2, 2 }), atol: 1e-6));
    }

    [Fact]
    public void SinkhornMatchesTheSwavAlgorithm()
    {
        var scores = torch.rand(new long[] { 4, 5 }, dtype: torch.float64, generator: new torch.Generator(8)).mul(2).sub(1);
        const int iterations = 3;
        const double epsilon = 0.05;
        Assert.True(Losses.Sinkhorn(scores, iterations, epsilon).allclose(Reference(scores, iterations, epsilon), rtol: 1e-9, atol: 1e-12));
    }

    [Fact]
    public void SwavOfTwoCropsMatchesHandComputedSwappedPrediction()
    {
        // Two crops of one sample, two prototypes, one Sinkhorn round: a single sample gets the codes
        // (1/2, 1/2) whatever its scores (the column constraint), so each crop predicts (1/2, 1/2):
        // -(1/2 log softmax(s / tau)_0 + 1/2 log softmax(s / tau)_1) for the other crop's scores s.
        var crop0 = Matrix(new double[,] { { 0.4, -0.2 } });
        var crop1 = Matrix(new double[,] { { -0.1, 0.3 } });
        const double tau = 0.5;
        double Term(double a, double b)
        {
            double log0 = (a / tau) - Math.Log(Math.Exp(a / tau) + Math.Exp(b / tau));
            double log1 = (b / tau) - Math.Log(Math.Exp(a / tau) + Math.Exp(b / tau));
            return -((0.5 * log0) + (0.5 * log1));
        }

        double expected = (Term(-0.1, 0.3) + Term(0.4, -0.2)) / 2;
        Assert.Equal(expected, Value(Losses.Swav(new[] { crop0, crop1 }, globalViews: 2, temperature: tau, sinkhornIterations: 1, epsilon: 0.05)), 1e-12);
    }

    [Fact]
    public void SwavWithLocalCropsAndAQueueMatchesThePaperFormula()
    {
        var generator = new torch.Generator(9);
        var scores = Enumerable.Range(0, 4).Select(_ => torch.rand(new long[] { 3, 5 }, dtype: torch.float64, generator: generator).mul(2).sub(1)).ToArray();
        var queue = Enumerable.Range(0, 2).Select(_ => torch.rand(new long[] { 6, 5 }, dtype: torch.float64, generator: generator).mul(2).sub(1)).ToArray();
        const double tau = 0.1, eps = 0.05;
        const int iterations = 3;

        double total = 0;
        for (int i = 0; i < 2; i++)
        {
            var codes = Reference(torch.cat(new[] { scores[i], queue[i] }, 0), iterations, eps).narrow(0, 0, 3);
            double crop = 0;
            for (int v = 0; v < 4; v++)
            {
                if (v == i)
                {
                    continue;
                }

                var logp = scores[v].div(tau).log_softmax(1);
                crop += -(codes * logp).sum(1).mean().item<double>();
            }

            total += crop / 3;
        }

        var loss = Losses.Swav(scores, globalViews: 2, tau, iterations, eps, queue);
        Assert.Equal(total / 2, Value(loss), 1e-9);
    }

    [Fact]
    public void SwavRejectsBadArguments()
    {
        var x = torch.zeros(2, 3);
        Assert.Throws<ArgumentException>(() => Losses.Swav(new[] { x }, globalViews: 1));
        Assert.Throws<ArgumentException>(() => Losses.Swav(new[] { x, x }, globalViews: 3));
        Assert.Throws<ArgumentException>(() => Losses.Swav(new[] { x, x }, globalViews: 2, queueScores: new[] { x }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Swav(new[] { x, x }, globalViews: 2, epsilon: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Sinkhorn(x, iterations: 0));
    }

    /// <summary>SwAV's Sinkhorn-Knopp (Caron et al., 2020, algorithm 1) written out element by element.</summary>
    private static torch.Tensor Reference(torch.Tensor scores, int iterations, double epsilon)
    {
        int b = (int)scores.shape[0];
        int k = (int)scores.shape[1];
        var q = new double[k, b];
        double sum = 0;
        for (int i = 0; i < b; i++)
        {
            for (int j = 0; j < k; j++)
            {
                q[j, i] = Math.Exp(scores[i, j].item<double>() / epsilon);
                sum += q[j, i];
            }
        }

        Scale((j, i) => 1 / sum);
        for (int round = 0; round < iterations; round++)
        {
            var rows = Enumerable.Range(0, k).Select(j => Enumerable.Range(0, b).Sum(i => q[j, i])).ToArray();
            Scale((j, i) => 1 / rows[j] / k);
            var columns = Enumerable.Range(0, b).Select(i => Enumerable.Range(0, k).Sum(j => q[j, i])).ToArray();
            Scale((j, i) => 1 / columns[i] / b);
        }

        var result = new double[b * k];
        for (int i = 0; i < b; i++)
        {
            for (int j = 0; j < k; j++)
            {
                result[(i * k) + j] = q[j, i] * b;
            }
        }

        return torch.tensor(result, new long[] { b, k }, torch.float64);

        void Scale(Func<int, int, double> factor)
        {
            for (int j = 0; j < k; j++)
            {
                for (int i = 0; i < b; i++)
                {
                    q[j, i] *= factor(j, i);
                }
            }
        }
    }
}
