using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Batched image augmentations on float [B,C,H,W] tensors in [0,1]. Every random parameter is
/// drawn per sample from the given generator (on the batch's device), so a whole batch is
/// augmented by a handful of tensor operations and a seed reproduces it exactly. With
/// probability <c>p</c> a sample is augmented, otherwise it passes unchanged (bit for bit).
/// The operations live in partial files by kind: geometry, colour, filters, erasing, normalization.
/// </summary>
public static partial class ImageAugment
{
    /// <summary>A [B] boolean mask, true with probability <paramref name="p"/> (nothing is drawn when p is 0 or 1).</summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="p"/> is not in [0,1].</exception>
    public static Tensor ApplyMask(long batch, double p, Generator generator, Device device) =>
        AugmentSampling.ApplyMask(batch, p, generator, device);

    /// <summary>Uniform draws in [low, high), shape [B].</summary>
    public static Tensor Uniform(long batch, double low, double high, Generator generator, Device device) =>
        AugmentSampling.Uniform(batch, low, high, generator, device);

    /// <summary>Selects, per sample, <paramref name="augmented"/> where the [B] <paramref name="mask"/> is true and <paramref name="original"/> elsewhere (any rank).</summary>
    public static Tensor Select(Tensor mask, Tensor augmented, Tensor original) =>
        AugmentSampling.Select(mask, augmented, original);
}
