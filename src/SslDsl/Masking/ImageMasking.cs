using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Batched image masking for masked-image modelling and inpainting on float [B,C,H,W] tensors.
/// Each selected sample (probability <c>p</c>) is masked with its own random pattern drawn from the
/// generator; unselected samples keep every pixel (mask all zero).
/// </summary>
public static class ImageMasking
{
    /// <summary>
    /// MAE / SimMIM patch masking: the image is cut into non-overlapping <paramref name="patchSize"/>² patches
    /// (N = H/ps · W/ps) and in each selected sample exactly round(<paramref name="ratio"/> · N) of them
    /// (halves away from zero) are hidden, chosen as in MAE by an argsort of per-patch uniform noise (the
    /// patches whose noise ranks last are hidden). The patch mask is expanded to pixels with repeat_interleave.
    /// Draw order: [B,N] noise, then the selection mask.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, a patch size that does not divide H and W, ratio outside (0,1) or p outside [0,1].</exception>
    public static MaskResult PatchMask(Tensor x, int patchSize, double ratio, double p, Generator generator)
    {
        const string op = nameof(PatchMask);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        long b = x.shape[0], height = x.shape[2], width = x.shape[3];
        if (patchSize < 1 || height % patchSize != 0 || width % patchSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patchSize), patchSize,
                $"{op}: patchSize must be a positive divisor of both the height and the width of the {height}x{width} images.");
        }

        Guard.OpenFraction(op, ratio);
        Guard.Probability(op, p);

        long rows = height / patchSize, cols = width / patchSize, patches = rows * cols;
        long hidden = AugmentSampling.RoundCount(ratio, patches);
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var noise = torch.rand(new[] { b, patches }, device: device, generator: generator);
        var apply = AugmentSampling.ApplyMask(b, p, generator, device).view(-1, 1);
        // As in MAE: ids_shuffle = argsort(noise), ids_restore = argsort(ids_shuffle); the first N - k of the
        // shuffle are kept, so a patch is hidden when its position in the shuffle is >= N - k.
        var restore = noise.argsort(1).argsort(1);
        var patchMask = restore.ge(patches - hidden).logical_and(apply).to(x.dtype).view(b, rows, cols);
        var mask = patchMask.repeat_interleave(patchSize, 1).repeat_interleave(patchSize, 2).unsqueeze(1);
        var input = x.masked_fill(mask.to(ScalarType.Bool), 0.0);
        return new MaskResult(input.MoveToOuterDisposeScope(), mask.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Context-encoder block masking: in each selected sample one <paramref name="size"/> x <paramref name="size"/>
    /// square is hidden, its top-left corner uniform over the positions where it fits. Draw order: B tops, B lefts,
    /// then the selection mask.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, a size that is not in [1, min(H, W) - 1], or p outside [0,1].</exception>
    public static MaskResult BlockMask(Tensor x, int size, double p, Generator generator)
    {
        const string op = nameof(BlockMask);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        long b = x.shape[0], height = x.shape[2], width = x.shape[3];
        if (size < 1 || size >= Math.Min(height, width))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size,
                $"{op}: size must be in [1, min(H, W) - 1] so that some context stays visible; the images are {height}x{width}.");
        }

        Guard.Probability(op, p);
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var top = torch.randint(0, height - size + 1, new[] { b }, dtype: ScalarType.Int64, device: device, generator: generator).view(-1, 1, 1);
        var left = torch.randint(0, width - size + 1, new[] { b }, dtype: ScalarType.Int64, device: device, generator: generator).view(-1, 1, 1);
        var apply = AugmentSampling.ApplyMask(b, p, generator, device).view(-1, 1, 1);
        var r = torch.arange(height, dtype: ScalarType.Int64, device: device).view(1, -1, 1);
        var c = torch.arange(width, dtype: ScalarType.Int64, device: device).view(1, 1, -1);
        var block = r.ge(top).logical_and(r.lt(top + size)).logical_and(c.ge(left)).logical_and(c.lt(left + size)).logical_and(apply).unsqueeze(1);
        var input = x.masked_fill(block, 0.0);
        return new MaskResult(input.MoveToOuterDisposeScope(), block.to(x.dtype).MoveToOuterDisposeScope());
    }
}
