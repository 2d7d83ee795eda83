using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class ImageAugment
{
    /// <summary>
    /// Random erasing: per selected sample one axis-aligned rectangle is filled with 0 (all channels).
    /// Its area is a fraction a ~ U[<paramref name="minArea"/>, <paramref name="maxArea"/>] of H·W and its aspect
    /// ratio r = w / h is log-uniform in [0.3, 3.3], clamped to [a·W/H, W/(a·H)] so that the rectangle fits;
    /// then h = round(sqrt(a·H·W / r)) and w = round(sqrt(a·H·W·r)) (each at least 1), so the erased fraction
    /// equals a up to the rounding of the sides. The position is uniform over the places where it fits.
    /// The mask is built by broadcasting comparisons of row and column index grids (no per-sample loop).
    /// Draw order: B areas, B log-ratios, B tops, B lefts, then the selection mask.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, areas outside (0,1] or out of order, or p out of [0,1].</exception>
    public static Tensor RandomErasing(Tensor x, double minArea, double maxArea, double p, Generator generator)
    {
        const string op = nameof(RandomErasing);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        Guard.Positive(op, minArea);
        Guard.Positive(op, maxArea);
        if (maxArea > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxArea), maxArea, $"{op}: maxArea is a fraction of the image area and must be in (0,1].");
        }

        Guard.Ordered(op, minArea, maxArea);
        Guard.Probability(op, p);

        long b = x.shape[0];
        double height = x.shape[2], width = x.shape[3];
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var area = Uniform(b, minArea, maxArea, generator, device).to(ScalarType.Float64);
        var ratio = Uniform(b, Math.Log(0.3), Math.Log(3.3), generator, device).to(ScalarType.Float64).exp();
        ratio = torch.minimum(torch.maximum(ratio, area * (width / height)), area.reciprocal() * (width / height));
        var pixels = area * (height * width);
        var h = (pixels / ratio).sqrt().round().clamp(1, height);
        var w = (pixels * ratio).sqrt().round().clamp(1, width);
        var top = AugmentSampling.IntegerBelow(h.neg().add(height + 1), generator).view(-1, 1, 1);
        var left = AugmentSampling.IntegerBelow(w.neg().add(width + 1), generator).view(-1, 1, 1);
        var apply = ApplyMask(b, p, generator, device).view(-1, 1, 1);
        var rows = torch.arange((long)height, dtype: ScalarType.Int64, device: device).view(1, -1, 1);
        var cols = torch.arange((long)width, dtype: ScalarType.Int64, device: device).view(1, 1, -1);
        var bottom = top + h.to(ScalarType.Int64).view(-1, 1, 1);
        var right = left + w.to(ScalarType.Int64).view(-1, 1, 1);
        var erase = rows.ge(top).logical_and(rows.lt(bottom)).logical_and(cols.ge(left)).logical_and(cols.lt(right)).logical_and(apply);
        return x.masked_fill(erase.unsqueeze(1), 0.0).MoveToOuterDisposeScope();
    }
}
