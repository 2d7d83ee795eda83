using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class ImageAugment
{
    /// <summary>
    /// Gaussian blur with a per-sample sigma drawn uniformly in [<paramref name="sigmaMin"/>, <paramref name="sigmaMax"/>]:
    /// the normalized kernel <c>g(i) ∝ exp(-i² / (2σ²))</c>, i = -r..r (r = kernelSize / 2), is applied separably
    /// (rows, then columns) as one depthwise convolution over the batch folded into channels (groups = B·C),
    /// with reflect padding. Draw order: B sigma uniforms, then the selection mask.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, an even or too large kernel, bad sigmas or p out of [0,1].</exception>
    public static Tensor GaussianBlur(Tensor x, int kernelSize, double sigmaMin, double sigmaMax, double p, Generator generator)
    {
        const string op = nameof(GaussianBlur);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        if (kernelSize < 1 || kernelSize % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, $"{op}: kernelSize must be a positive odd number (3, 5, 7, ...).");
        }

        long b = x.shape[0], c = x.shape[1], height = x.shape[2], width = x.shape[3];
        int r = kernelSize / 2;
        if (r >= height || r >= width)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize,
                $"{op}: reflect padding needs kernelSize / 2 < min(H, W); the image is {height}x{width}. Use a kernel of at most {2 * Math.Min(height, width) - 1}.");
        }

        Guard.Positive(op, sigmaMin);
        Guard.Positive(op, sigmaMax);
        Guard.Ordered(op, sigmaMin, sigmaMax);
        Guard.Probability(op, p);

        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var sigma = Uniform(b, sigmaMin, sigmaMax, generator, device).to(ScalarType.Float64).view(-1, 1);
        var apply = ApplyMask(b, p, generator, device);
        var offsets = torch.arange(-r, r + 1, dtype: ScalarType.Float64, device: device).view(1, -1);
        var kernel = offsets.square().div(sigma.square().mul(-2.0)).exp();
        kernel = kernel.div(kernel.sum(1, keepdim: true)).to(x.dtype);            // [B, k]
        var perChannel = kernel.repeat_interleave(c, 0);                           // [B*C, k], sample-major like x
        var rows = perChannel.view(b * c, 1, 1, kernelSize);
        var cols = perChannel.view(b * c, 1, kernelSize, 1);
        var padded = nn.functional.pad(x, new long[] { r, r, r, r }, PaddingModes.Reflect);
        var folded = padded.reshape(1, b * c, height + 2 * r, width + 2 * r);
        var blurred = nn.functional.conv2d(folded, rows, groups: b * c);
        blurred = nn.functional.conv2d(blurred, cols, groups: b * c).view(b, c, height, width).clamp(0, 1);
        return Select(apply, blurred, x).MoveToOuterDisposeScope();
    }

    /// <summary>Adds N(0, std²) noise to each selected image and clamps to [0,1]. Draw order: the selection mask, then the noise.</summary>
    public static Tensor GaussianNoise(Tensor x, double std, double p, Generator generator)
    {
        const string op = nameof(GaussianNoise);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        Guard.NonNegative(op, std);
        Guard.Probability(op, p);
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        var noise = torch.randn(x.shape, dtype: x.dtype, device: x.device, generator: generator).mul_(std);
        return Select(apply, (x + noise).clamp(0, 1), x).MoveToOuterDisposeScope();
    }
}
