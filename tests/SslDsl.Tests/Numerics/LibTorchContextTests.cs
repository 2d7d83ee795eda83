using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Numerics;

/// <summary>The oneDNN switch reaches libtorch: it reads back, and it changes which code computes a convolution.</summary>
[Collection(ConvolutionBackendCollection.Name)]
public class LibTorchContextTests
{
    [Fact]
    public void SwitchingOneDnnOffRoutesConvolutionsToAnotherImplementationThatIsAlsoRight()
    {
        Assert.True(LibTorchContext.IsAvailable);
        bool original = LibTorchContext.OneDnnEnabled;
        try
        {
            LibTorchContext.OneDnnEnabled = true;
            Assert.True(LibTorchContext.OneDnnEnabled);
            var (onednn, reference) = InputGradient();
            LibTorchContext.OneDnnEnabled = false;
            Assert.False(LibTorchContext.OneDnnEnabled);
            var (native, reference2) = InputGradient();

            Assert.True(reference.eq(reference2).all().item<bool>());
            // Both agree with float64 to float32 rounding...
            Assert.True((onednn.to(ScalarType.Float64) - reference).abs().max().item<double>() < 1e-4 * reference.abs().max().item<double>());
            Assert.True((native.to(ScalarType.Float64) - reference).abs().max().item<double>() < 1e-4 * reference.abs().max().item<double>());
            // ...but not bit for bit: another implementation (summation order) computed them.
            Assert.False(onednn.eq(native).all().item<bool>(), "switching oneDNN off did not change which code computes the convolution");
        }
        finally
        {
            LibTorchContext.OneDnnEnabled = original;
        }
    }

    /// <summary>dL/dx of Conv2d 16->16 3x3 on 8x16x8x8 in float32, and in float64.</summary>
    private static (Tensor Float32, Tensor Float64) InputGradient()
    {
        using var g = new Generator(9);
        var x = randn(new long[] { 8, 16, 8, 8 }, dtype: ScalarType.Float64, generator: g);
        var w = randn(new long[] { 16, 16, 3, 3 }, dtype: ScalarType.Float64, generator: g) / 12.0;
        var gy = randn(new long[] { 8, 16, 8, 8 }, dtype: ScalarType.Float64, generator: g);
        Tensor Grad(ScalarType type)
        {
            var xi = x.to(type).requires_grad_(true);
            var y = nn.functional.conv2d(xi, w.to(type), null, padding: new long[] { 1, 1 });
            return autograd.grad(new[] { y }, new[] { xi }, new[] { gy.to(type) })[0];
        }

        return (Grad(ScalarType.Float32), Grad(ScalarType.Float64));
    }
}
