using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Numerics;

/// <summary>
/// libtorch's CPU convolution gradients against float64 and against the convolution formula, and the
/// guard that keeps training off a back end that gets them wrong (the AMD EPYC oneDNN fault).
/// </summary>
[Collection(ConvolutionBackendCollection.Name)]
public class ConvolutionGradientCheckTests
{
    /// <summary>
    /// The float64 reference itself, against the convolution written out by hand: for y = conv(x, w)
    /// with padding 1, dL/dx[n,c,i,j] = sum over o, a, b of g[n,o,i+1-a,j+1-b] w[o,c,a,b] and
    /// dL/dw[o,c,a,b] = sum over n, i, j of g[n,o,i,j] x[n,c,i+a-1,j+b-1] (terms outside the image are 0).
    /// </summary>
    /// <summary>
    /// A bfloat16 trial (mixed precision's kernels) is compared with float64 on the same rounded operands, so what remains
    /// is the kernel's own rounding: its output is stored with 8 significant bits, about 2e-3 of the largest value, above
    /// the float32 tolerance and far below the bfloat16 one.
    /// </summary>
    [Fact]
    public void ABFloat16TrialMeasuresTheKernelAgainstTheRoundedOperands()
    {
        using var g = new Generator(3);
        var trial = ConvolutionGradientCheck.Run(ConvolutionCase.Conv2d(32, 32, 3, batch: 2, size: 8, padding: 1), g, ScalarType.BFloat16);
        Assert.Equal(ScalarType.BFloat16, trial.Precision);
        Assert.InRange(trial.OutputError, 1e-4, 1e-2);
        Assert.InRange(trial.WeightGradientError, 1e-5, 1e-2);
        Assert.InRange(trial.InputGradientError, 1e-5, 1e-2);
        Assert.False(trial.Passes(ConvolutionGradientCheck.DefaultTolerance));
        Assert.True(trial.Passes(ConvolutionGradientCheck.ToleranceOf(ScalarType.BFloat16)));
        Assert.Contains("in BFloat16 with", trial.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATrialWithoutTheInputGradientComputesAndComparesOnlyTheWeightGradient()
    {
        using var g = new Generator(4);
        var trial = ConvolutionGradientCheck.Run(ConvolutionCase.Conv2d(2, 4, 3, batch: 2, size: 6, padding: 1), g, inputGradient: false);
        Assert.Equal(0.0, trial.InputGradientError);
        Assert.InRange(trial.WeightGradientError, 0.0, 1e-5);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionGradientCheck.Run(ConvolutionCase.Conv2d(2, 4, 3, batch: 2, size: 6), g, ScalarType.Float16));
    }

    [Fact]
    public void Float64GradientsEqualTheConvolutionFormula()
    {
        using var g = new Generator(5);
        var x = randn(new long[] { 2, 2, 4, 5 }, dtype: ScalarType.Float64, generator: g).requires_grad_(true);
        var w = randn(new long[] { 3, 2, 3, 3 }, dtype: ScalarType.Float64, generator: g).requires_grad_(true);
        var y = nn.functional.conv2d(x, w, null, padding: new long[] { 1, 1 });
        var gy = randn(y.shape, dtype: ScalarType.Float64, generator: g);
        var grads = autograd.grad(new[] { y }, new[] { x, w }, new[] { gy });

        var xs = x.detach().data<double>().ToArray();
        var ws = w.detach().data<double>().ToArray();
        var gs = gy.data<double>().ToArray();
        int N = 2, C = 2, H = 4, W = 5, O = 3;
        double X(int n, int c, int i, int j) => i < 0 || j < 0 || i >= H || j >= W ? 0 : xs[((n * C + c) * H + i) * W + j];
        double Wt(int o, int c, int a, int b) => ws[((o * C + c) * 3 + a) * 3 + b];
        double G(int n, int o, int i, int j) => i < 0 || j < 0 || i >= H || j >= W ? 0 : gs[((n * O + o) * H + i) * W + j];

        var dx = grads[0].data<double>().ToArray();
        var dw = grads[1].data<double>().ToArray();
        for (int n = 0; n < N; n++)
        for (int c = 0; c < C; c++)
        for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++)
        {
            double expected = 0;
            for (int o = 0; o < O; o++)
            for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
            {
                expected += G(n, o, i + 1 - a, j + 1 - b) * Wt(o, c, a, b);
            }

            Assert.Equal(expected, dx[((n * C + c) * H + i) * W + j], 10);
        }

        for (int o = 0; o < O; o++)
        for (int c = 0; c < C; c++)
        for (int a = 0; a < 3; a++)
        for (int b = 0; b < 3; b++)
        {
            double expected = 0;
            for (int n = 0; n < N; n++)
            for (int i = 0; i < H; i++)
            for (int j = 0; j < W; j++)
            {
                expected += G(n, o, i, j) * X(n, c, i + a - 1, j + b - 1);
            }

            Assert.Equal(expected, dw[((o * C + c) * 3 + a) * 3 + b], 10);
        }
    }

    /// <summary>
    /// The stand-alone reproduction of the AMD EPYC fault (nn.Conv2d(1, 8, 3, padding: 1) on
    /// 16x1x8x8, 30 trials, 1 and 2 threads), run behind the guard: after <see cref="ConvolutionGuard.Ensure"/>
    /// every input and weight gradient must match float64. Unprotected, that CPU gave a wrong input
    /// gradient in 29 of 30 trials with 1 thread and NaN in some with 2.
    /// </summary>
    [Fact]
    public void TheReproductionCaseHasRightGradientsBehindTheGuard()
    {
        var c = ConvolutionCase.Conv2d(1, 8, 3, batch: 16, size: 8, padding: 1);
        ConvolutionGuard.Ensure(c, Console.Error);
        int threads = torch.get_num_threads();
        try
        {
            foreach (int t in new[] { 1, 2 })
            {
                torch.set_num_threads(t);
                using var g = new Generator(42);
                for (int trial = 0; trial < 30; trial++)
                {
                    using var scope = NewDisposeScope();
                    using var conv = nn.Conv2d(1, 8, 3, padding: 1);
                    var x = randn(new long[] { 16, 1, 8, 8 }, generator: g).requires_grad_(true);
                    var y = conv.forward(x);
                    var gy = randn(y.shape, generator: g);
                    y.backward(new[] { gy });

                    var x64 = x.detach().to(ScalarType.Float64).requires_grad_(true);
                    var w64 = conv.weight!.detach().to(ScalarType.Float64).requires_grad_(true);
                    var y64 = nn.functional.conv2d(x64, w64, conv.bias!.detach().to(ScalarType.Float64), padding: new long[] { 1, 1 });
                    var reference = autograd.grad(new[] { y64 }, new[] { x64, w64 }, new[] { gy.to(ScalarType.Float64) });

                    AssertClose(reference[0], x.grad!, $"input gradient, trial {trial}, {t} thread(s)");
                    AssertClose(reference[1], conv.weight!.grad!, $"weight gradient, trial {trial}, {t} thread(s)");
                }
            }
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    /// <summary>
    /// Shapes of the tiny tasks and decoders in the suite, checked the way the guard checks them:
    /// after <see cref="ConvolutionGuard.Ensure"/>, the back end in force passes every one.
    /// </summary>
    [Theory]
    [InlineData(false, 1, 8, 3, 1, 1, 16, 8)]    // the reproduction
    [InlineData(false, 16, 1, 3, 1, 1, 16, 8)]   // a decoder's last 3x3 convolution to one channel
    [InlineData(false, 8, 16, 3, 1, 1, 4, 4)]
    [InlineData(false, 16, 32, 3, 2, 1, 8, 14)]  // stride 2
    [InlineData(true, 32, 16, 4, 2, 1, 16, 4)]   // ImageDecoder's ConvTranspose2d 4x4 stride 2
    public void SmallShapesPassBehindTheGuard(bool transposed, int inChannels, int outChannels, int kernel, int stride, int padding, int batch, int size)
    {
        var c = new ConvolutionCase(transposed, inChannels, outChannels, new long[] { kernel, kernel }, new long[] { stride, stride },
            new long[] { padding, padding }, new long[] { 1, 1 }, new long[] { 0, 0 }, 1, batch, new long[] { size, size });
        ConvolutionGuard.Ensure(c, Console.Error);
        Assert.Null(ConvolutionGuard.Check(c));
    }

    [Fact]
    public void A1dConvolutionPassesBehindTheGuard()
    {
        var c = new ConvolutionCase(false, 1, 8, new long[] { 3 }, new long[] { 1 }, new long[] { 1 }, new long[] { 1 }, new long[] { 0 }, 1, 16, new long[] { 16 });
        ConvolutionGuard.Ensure(c, Console.Error);
        Assert.Null(ConvolutionGuard.Check(c));
    }

    [Fact]
    public void ATrialWithANonFiniteGradientFailsAndSaysSo()
    {
        var c = ConvolutionCase.Conv2d(1, 8, 3, batch: 16, size: 8, padding: 1);
        var trial = new ConvolutionTrial(c, 2, double.NaN, 1e-7, 1e-7);
        Assert.False(trial.Passes(ConvolutionGradientCheck.DefaultTolerance));
        Assert.Equal("Conv2d 1->8 k3x3 s1x1 p1x1 on 16x1x8x8 with 2 thread(s): relative error of the output 1E-07, input gradient non-finite, weight gradient 1E-07", trial.Describe());
        Assert.False(new ConvolutionTrial(c, 1, 0.99, 1e-7, 1e-7).Passes(1e-3));
        Assert.True(new ConvolutionTrial(c, 1, 2e-7, 1e-7, 1e-7).Passes(1e-3));
    }

    [Fact]
    public void TheCheckBoundsItsCostByCuttingTheBatch()
    {
        var big = ConvolutionCase.Conv2d(32, 64, 3, batch: 256, size: 14, padding: 1);
        // 14 x 14 positions x 64 outputs x 32 inputs x 9 taps = 3,612,672 multiply-adds per sample.
        Assert.Equal(256 * 3_612_672.0, big.MultiplyAdds);
        Assert.Equal(2, ConvolutionGuard.Bounded(big).Batch);
        var small = ConvolutionCase.Conv2d(1, 8, 3, batch: 16, size: 8, padding: 1);
        Assert.Same(small, ConvolutionGuard.Bounded(small));
    }

    private static void AssertClose(Tensor expected64, Tensor actual32, string what)
    {
        Assert.True(actual32.isfinite().all().item<bool>(), $"{what} is not finite");
        double scale = expected64.abs().max().item<double>();
        double error = (actual32.to(ScalarType.Float64) - expected64).abs().max().item<double>() / scale;
        Assert.True(error < 1e-4, $"{what}: relative error {error}");
    }
}
