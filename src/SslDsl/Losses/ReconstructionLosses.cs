using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Reconstruction losses (autoencoders, MAE, inpainting, tabular and series reconstruction).</summary>
public static partial class Losses
{
    /// <summary>The epsilon added to a patch's variance when <see cref="Reconstruction"/> normalizes targets (MAE).</summary>
    public const double PatchNormEpsilon = 1e-6;

    /// <summary>
    /// Mean squared reconstruction error.
    /// <para>Without <paramref name="mask"/> it is the mean of (prediction - target)^2 over all elements.
    /// With a mask (1 = hidden, 0 = visible; broadcastable to the target, e.g. [B,1,H,W] for images,
    /// [B,F] or [B,1,T] for tabular or series) it is sum(mask * err) / sum(mask broadcast to the target),
    /// the mean over the hidden elements only (fractional mask values act as weights). If the mask
    /// hides nothing (sums to 0) the loss falls back to the mean over all elements, so a batch that
    /// happens to have no hidden element still trains the decoder and never divides by zero.</para>
    /// <para>With <paramref name="normalizeTargets"/> (MAE's normalized pixels) every target patch is
    /// replaced by (patch - mean) / sqrt(var + <see cref="PatchNormEpsilon"/>), with the patch's own mean
    /// and unbiased variance, before the error is taken (MAE's norm_pix_loss). For images [B,C,H,W] a patch is
    /// <paramref name="patchSize"/> x <paramref name="patchSize"/> pixels of every channel, C·p² values, as
    /// MAE's patchify makes them (H and W must be multiples of it). For [B,F] and [B,C,T] a patch is <paramref name="patchSize"/> consecutive
    /// elements of the last dimension, or the whole last dimension when <paramref name="patchSize"/> is 0.</para>
    /// </summary>
    /// <param name="prediction">The decoder output, the same shape as <paramref name="target"/>.</param>
    /// <param name="target">The original input, [B, ...] (rank &gt;= 2).</param>
    /// <param name="mask">Optional, 1 where the input was hidden; broadcastable to the target.</param>
    /// <param name="normalizeTargets">Normalize each target patch by its own mean and std.</param>
    /// <param name="patchSize">The patch side (images) or length (other tensors) for normalized targets.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">Shapes do not match, the mask does not broadcast, or the patches do not tile the target.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The patch size is invalid for normalized targets.</exception>
    public static Tensor Reconstruction(Tensor prediction, Tensor target, Tensor? mask = null, bool normalizeTargets = false, int patchSize = 0)
    {
        const string loss = "Reconstruction";
        Guard.SameShape(loss, prediction, target);
        if (target.dim() < 2 || target.numel() == 0)
        {
            throw new ArgumentException($"{loss}: target must be a non-empty batch [B, ...] of rank >= 2, but its shape is {Guard.Shape(target)}.", nameof(target));
        }

        if (mask is not null)
        {
            Guard.BroadcastsTo(loss, mask, target);
        }

        using var scope = torch.NewDisposeScope();
        var goal = normalizeTargets ? NormalizePatches(target, patchSize) : target;
        var error = (prediction - goal).pow(2);
        if (mask is null)
        {
            return error.mean().MoveToOuterDisposeScope();
        }

        var weights = mask.to(error.dtype).expand(error.shape);
        var count = weights.sum();
        var hidden = count.gt(0);
        var maskedMean = (error * weights).sum() / torch.where(hidden, count, torch.ones_like(count));
        return torch.where(hidden, maskedMean, error.mean()).MoveToOuterDisposeScope();
    }

    /// <summary>Normalizes every patch of <paramref name="target"/> by its own mean and std (see <see cref="Reconstruction"/>).</summary>
    private static Tensor NormalizePatches(Tensor target, int patchSize)
    {
        const string loss = "Reconstruction";
        long[] shape = target.shape;
        Tensor patches;
        long[] reduce;
        switch (shape.Length)
        {
            case 4:
                if (patchSize < 2)
                {
                    throw new ArgumentOutOfRangeException(nameof(patchSize), patchSize, $"{loss}: normalized image targets need a patch size >= 2 (the patch side in pixels).");
                }

                if (shape[2] % patchSize != 0 || shape[3] % patchSize != 0)
                {
                    throw new ArgumentException($"{loss}: the image {Guard.Shape(target)} is not tiled by {patchSize}x{patchSize} patches; H and W must be multiples of the patch size.", nameof(patchSize));
                }

                patches = target.reshape(shape[0], shape[1], shape[2] / patchSize, patchSize, shape[3] / patchSize, patchSize);
                reduce = new long[] { 1, 3, 5 };
                break;
            case 2:
            case 3:
                long length = shape[shape.Length - 1];
                long size = patchSize == 0 ? length : patchSize;
                if (patchSize < 0 || size < 2)
                {
                    throw new ArgumentOutOfRangeException(nameof(patchSize), patchSize, $"{loss}: normalized targets need patches of at least 2 elements (patch size 0 = the whole last dimension, here {length}).");
                }

                if (length % size != 0)
                {
                    throw new ArgumentException($"{loss}: the last dimension of {Guard.Shape(target)} is not tiled by patches of {size}; it must be a multiple of the patch size.", nameof(patchSize));
                }

                var split = new long[shape.Length + 1];
                Array.Copy(shape, split, shape.Length - 1);
                split[shape.Length - 1] = length / size;
                split[shape.Length] = size;
                patches = target.reshape(split);
                reduce = new long[] { shape.Length };
                break;
            default:
                throw new ArgumentException($"{loss}: normalized targets support [B,C,H,W], [B,F] and [B,C,T] tensors, not {Guard.Shape(target)}.", nameof(target));
        }

        var mean = patches.mean(reduce, keepdim: true);
        var variance = patches.var(reduce, unbiased: true, keepdim: true);
        return ((patches - mean) / variance.add(PatchNormEpsilon).sqrt()).reshape(shape);
    }
}
