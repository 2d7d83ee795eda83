using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Numerics;

/// <summary>
/// The oneDNN switch reaches libtorch: it reads back, and it changes which code computes a convolution. The NNPACK switch
/// reads back and is off exactly where NNPACK cannot initialise once a guard is installed.
/// </summary>
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

    [Fact]
    public void TheGuardSwitchesNnpackOffExactlyWhereItCannotInitialise()
    {
        Assert.True(LibTorchContext.IsAvailable);
        bool original = LibTorchContext.NnpackEnabled;
        try
        {
            LibTorchContext.NnpackEnabled = false;
            Assert.False(LibTorchContext.NnpackEnabled);
            LibTorchContext.NnpackEnabled = true;
            Assert.True(LibTorchContext.NnpackEnabled);

            using var conv = nn.Conv2d(1, 4, 3, padding: 1);
            using (ConvolutionGuard.Watch(conv, CPU, ConvolutionBackendPolicy.Verify, log: null))
            {
                // Switched off on a CPU where NNPACK cannot run (AMD EPYC here), left on where it can (Intel Xeon).
                Assert.Equal(LibTorchContext.NnpackInitialises, LibTorchContext.NnpackEnabled);
            }

            // Either way a forward-only convolution stays right: a 3x3 all-ones kernel sums each 3x3 neighbourhood.
            using var _ = no_grad();
            var x = arange(16, dtype: ScalarType.Float32).reshape(1, 1, 4, 4);
            var y = nn.functional.conv2d(x, ones(1, 1, 3, 3), null, padding: new long[] { 1, 1 });
            Assert.Equal(0f + 1 + 4 + 5, y[0, 0, 0, 0].item<float>());
            Assert.Equal(0f + 1 + 2 + 4 + 5 + 6 + 8 + 9 + 10, y[0, 0, 1, 1].item<float>());
        }
        finally
        {
            LibTorchContext.NnpackEnabled = original;
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
