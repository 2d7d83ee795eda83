using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Numerics;

/// <summary>libtorch's autocast, switched through its C++ entry points: scopes, and what a lowered operator computes.</summary>
public class AutocastTests
{
    [Fact]
    public void ScopesNestAndRestoreTheThreadsState()
    {
        Assert.True(Autocast.IsAvailable);
        using var x = randn(4, 8);
        using var w = randn(3, 8);
        Assert.False(Autocast.IsEnabled(DeviceType.CPU));
        Assert.Equal(ScalarType.Float32, nn.functional.linear(x, w).dtype);
        using (Autocast.Enable(DeviceType.CPU, ScalarType.BFloat16))
        {
            Assert.True(Autocast.IsEnabled(DeviceType.CPU));
            Assert.Equal(ScalarType.BFloat16, Autocast.LowerType(DeviceType.CPU));
            Assert.Equal(ScalarType.BFloat16, nn.functional.linear(x, w).dtype);
            using (Autocast.Suspend(DeviceType.CPU))
            {
                Assert.False(Autocast.IsEnabled(DeviceType.CPU));
                Assert.Equal(ScalarType.Float32, nn.functional.linear(x, w).dtype);
            }

            Assert.True(Autocast.IsEnabled(DeviceType.CPU));
            using (Autocast.Enable(DeviceType.CPU, ScalarType.BFloat16))
            {
                Assert.True(Autocast.IsEnabled(DeviceType.CPU));
            }

            Assert.True(Autocast.IsEnabled(DeviceType.CPU));
        }

        Assert.False(Autocast.IsEnabled(DeviceType.CPU));
        Assert.Equal(ScalarType.Float32, nn.functional.linear(x, w).dtype);
        // Suspending where autocast is off changes nothing.
        using (Autocast.Suspend(DeviceType.CPU))
        {
            Assert.False(Autocast.IsEnabled(DeviceType.CPU));
        }
    }

    /// <summary>
    /// y = x W^T under autocast is the product of x and W each rounded to bfloat16 (8 significant bits), summed exactly
    /// and rounded to bfloat16 once more; the gradient reaches the float32 weight as float32: dL/dW = g^T x for
    /// L = sum(g * y), with x rounded to bfloat16.
    /// </summary>
    [Fact]
    public void ALoweredLinearLayerComputesWithBFloat16OperandsAndHandsFloat32GradientsBack()
    {
        using var generator = new Generator(7);
        var x = randn(new long[] { 5, 16 }, generator: generator);
        var w = randn(new long[] { 3, 16 }, generator: generator).requires_grad_(true);
        var g = randn(new long[] { 5, 3 }, generator: generator);
        Tensor y;
        using (Autocast.Enable(DeviceType.CPU, ScalarType.BFloat16))
        {
            y = nn.functional.linear(x, w);
        }

        Assert.Equal(ScalarType.BFloat16, y.dtype);
        double[] Rounded(Tensor t) => t.detach().to(ScalarType.BFloat16).to(ScalarType.Float64).data<double>().ToArray();
        double[] xs = Rounded(x), ws = Rounded(w);
        double[] ys = y.to(ScalarType.Float64).data<double>().ToArray();
        for (int i = 0; i < 5; i++)
        {
            for (int o = 0; o < 3; o++)
            {
                double exact = 0;
                for (int k = 0; k < 16; k++)
                {
                    exact += xs[i * 16 + k] * ws[o * 16 + k];
                }

                // One rounding to bfloat16: at most half a unit in the 8th significant bit.
                Assert.True(Math.Abs(ys[i * 3 + o] - exact) <= Math.Abs(exact) * Math.Pow(2, -8) + 1e-6, $"y[{i},{o}] = {ys[i * 3 + o]}, exact {exact}");
            }
        }

        (y.to(ScalarType.Float32) * g).sum().backward();
        Assert.Equal(ScalarType.Float32, w.grad!.dtype);
        double[] gs = Rounded(g), dw = w.grad.to(ScalarType.Float64).data<double>().ToArray();
        for (int o = 0; o < 3; o++)
        {
            for (int k = 0; k < 16; k++)
            {
                double exact = 0;
                for (int i = 0; i < 5; i++)
                {
                    exact += gs[i * 3 + o] * xs[i * 16 + k];
                }

                Assert.True(Math.Abs(dw[o * 16 + k] - exact) <= Math.Abs(exact) * Math.Pow(2, -7) + 1e-5, $"dW[{o},{k}] = {dw[o * 16 + k]}, exact {exact}");
            }
        }
    }
}
