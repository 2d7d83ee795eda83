using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static SslDsl.Tests.LossesTests.Reference;

namespace SslDsl.Tests.LossesTests;

public class DinoLossTests
{
    [Fact]
    public void DinoOfTwoViewsMatchesHandComputedCrossEntropies()
    {
        // Temperatures 1, centre 0. softmax(ln 3, 0) = (3/4, 1/4); softmax(0, 0) = (1/2, 1/2).
        // Pair (teacher 0, student 1): -(3/4 ln 1/2 + 1/4 ln 1/2) = ln 2.
        // Pair (teacher 1, student 0): -(1/2 ln 3/4 + 1/2 ln 1/4) = ln(16/3) / 2.
        var peaked = Matrix(new double[,] { { Math.Log(3), 0 } });
        var flat = Matrix(new double[,] { { 0, 0 } });
        var loss = Losses.Dino(new[] { peaked, flat }, new[] { peaked, flat }, torch.zeros(1, 2, torch.float64), studentTemperature: 1, teacherTemperature: 1);
        Assert.Equal((Math.Log(2) + (Math.Log(16.0 / 3) / 2)) / 2, Value(loss), 1e-12);
    }

    [Fact]
    public void TheCentreIsSubtractedFromTheTeacherBeforeItsSoftmax()
    {
        // Centre (ln 3, 0): the peaked teacher becomes flat, the flat one (1/4, 3/4).
        var peaked = Matrix(new double[,] { { Math.Log(3), 0 } });
        var flat = Matrix(new double[,] { { 0, 0 } });
        var center = Matrix(new double[,] { { Math.Log(3), 0 } });
        var loss = Losses.Dino(new[] { peaked, flat }, new[] { peaked, flat }, center, studentTemperature: 1, teacherTemperature: 1);
        double teacher0Student1 = Math.Log(2);
        double teacher1Student0 = -((0.25 * Math.Log(0.75)) + (0.75 * Math.Log(0.25)));
        Assert.Equal((teacher0Student1 + teacher1Student0) / 2, Value(loss), 1e-12);
    }

    [Fact]
    public void DinoWithLocalCropsMatchesThePaperFormula()
    {
        // 2 global + 2 local crops of 3 samples, K = 4: the mean over the 6 (teacher, student) pairs with t != s.
        var generator = new torch.Generator(5);
        var student = Enumerable.Range(0, 4).Select(_ => torch.randn(new long[] { 3, 4 }, dtype: torch.float64, generator: generator)).ToArray();
        var teacher = Enumerable.Range(0, 2).Select(_ => torch.randn(new long[] { 3, 4 }, dtype: torch.float64, generator: generator)).ToArray();
        var center = torch.randn(new long[] { 1, 4 }, dtype: torch.float64, generator: generator);
        const double ts = 0.1, tt = 0.04;

        double total = 0;
        int pairs = 0;
        for (int t = 0; t < 2; t++)
        {
            for (int s = 0; s < 4; s++)
            {
                if (s == t)
                {
                    continue;
                }

                double term = 0;
                for (int i = 0; i < 3; i++)
                {
                    var p = Softmax(Enumerable.Range(0, 4).Select(k => (At(teacher[t], i, k) - At(center, 0, k)) / tt).ToArray());
                    var q = Softmax(Enumerable.Range(0, 4).Select(k => At(student[s], i, k) / ts).ToArray());
                    term -= Enumerable.Range(0, 4).Sum(k => p[k] * Math.Log(q[k])) / 3;
                }

                total += term;
                pairs++;
            }
        }

        Assert.Equal(total / pairs, Value(Losses.Dino(student, teacher, center, ts, tt)), 1e-9);
    }

    [Fact]
    public void OnlyTheStudentGetsGradients()
    {
        var student = new[] { torch.randn(new long[] { 2, 3 }, dtype: torch.float64).requires_grad_(), torch.randn(new long[] { 2, 3 }, dtype: torch.float64).requires_grad_() };
        var teacher = new[] { torch.randn(new long[] { 2, 3 }, dtype: torch.float64).requires_grad_(), torch.randn(new long[] { 2, 3 }, dtype: torch.float64).requires_grad_() };
        Losses.Dino(student, teacher, torch.zeros(new long[] { 1, 3 }, dtype: torch.float64)).backward();
        Assert.All(student, s => Assert.NotNull(s.grad));
        Assert.All(teacher, t => Assert.True(t.grad is null || t.grad.abs().max().item<double>() == 0));
    }

    [Fact]
    public void DinoRejectsBadArguments()
    {
        var x = torch.zeros(2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Dino(new[] { x, x }, new[] { x }, torch.zeros(1, 3), studentTemperature: 0));
        Assert.Throws<ArgumentException>(() => Losses.Dino(new[] { x }, new[] { x }, torch.zeros(1, 3)));
        Assert.Throws<ArgumentException>(() => Losses.Dino(new[] { x, x }, new[] { x, x, x }, torch.zeros(1, 3)));
        Assert.Throws<ArgumentException>(() => Losses.Dino(new[] { x, torch.zeros(2, 4) }, new[] { x }, torch.zeros(1, 3)));
    }

    private static double At(torch.Tensor t, int i, int k) => t[i, k].item<double>();

    private static double[] Softmax(double[] logits)
    {
        double max = logits.Max();
        var e = logits.Select(l => Math.Exp(l - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
