using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Batched augmentations of time series, float [B,C,T]. Random parameters are drawn per sample from the
/// generator; with probability <c>p</c> a sample is augmented, otherwise it passes unchanged.
/// </summary>
public static partial class SeriesAugment
{
    /// <summary>Adds N(0, std²) noise to every value of each selected series (no clamping). Draw order: mask, then [B,C,T] noise.</summary>
    /// <exception cref="ArgumentException">x is not [B,C,T], std is negative, or p is outside [0,1].</exception>
    public static Tensor Jitter(Tensor x, double std, double p, Generator generator)
    {
        const string op = nameof(Jitter);
        Check(x, p, generator, op);
        Guard.NonNegative(op, std);
        using var scope = torch.NewDisposeScope();
        var apply = AugmentSampling.ApplyMask(x.shape[0], p, generator, x.device);
        var noise = torch.randn(x.shape, dtype: x.dtype, device: x.device, generator: generator).mul_(std);
        return AugmentSampling.Select(apply, x + noise, x).MoveToOuterDisposeScope();
    }

    /// <summary>Multiplies each channel of each selected series by its own factor drawn from N(1, std²). Draw order: mask, then [B,C] factors.</summary>
    /// <exception cref="ArgumentException">x is not [B,C,T], std is negative, or p is outside [0,1].</exception>
    public static Tensor Scaling(Tensor x, double std, double p, Generator generator)
    {
        const string op = nameof(Scaling);
        Check(x, p, generator, op);
        Guard.NonNegative(op, std);
        using var scope = torch.NewDisposeScope();
        var apply = AugmentSampling.ApplyMask(x.shape[0], p, generator, x.device);
        var factor = torch.randn(new[] { x.shape[0], x.shape[1], 1L }, dtype: x.dtype, device: x.device, generator: generator).mul_(std).add_(1.0);
        return AugmentSampling.Select(apply, x * factor, x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Zeroes, in every channel of each selected series, one contiguous window of L = round(<paramref name="ratio"/> · T)
    /// steps (halves away from zero) starting at a step drawn uniformly in [0, T - L]. Draw order: B starts, then the mask.
    /// </summary>
    /// <exception cref="ArgumentException">x is not [B,C,T], ratio is outside (0,1) or p outside [0,1].</exception>
    public static Tensor TimeMask(Tensor x, double ratio, double p, Generator generator)
    {
        const string op = nameof(TimeMask);
        Check(x, p, generator, op);
        Guard.OpenFraction(op, ratio);
        long b = x.shape[0], steps = x.shape[2];
        long length = AugmentSampling.RoundCount(ratio, steps);
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var start = torch.randint(0, steps - length + 1, new[] { b }, dtype: ScalarType.Int64, device: device, generator: generator).view(-1, 1, 1);
        var apply = AugmentSampling.ApplyMask(b, p, generator, device).view(-1, 1, 1);
        var t = torch.arange(steps, dtype: ScalarType.Int64, device: device).view(1, 1, -1);
        var hidden = t.ge(start).logical_and(t.lt(start + length)).logical_and(apply);
        return x.masked_fill(hidden, 0.0).MoveToOuterDisposeScope();
    }

    private static void Check(Tensor x, double p, Generator generator, string op)
    {
        Guard.FloatRank(op, x, 3, "[B,C,T]");
        Guard.Generator(op, generator);
        Guard.Probability(op, p);
    }
}
