using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Per-sample random draws and per-sample selection shared by every batched augmentation:
/// which samples are augmented, uniform parameters, and the blend of augmented and original samples.
/// </summary>
internal static class AugmentSampling
{
    /// <summary>
    /// A [B] boolean mask, true with probability <paramref name="p"/>. With p = 0 or p = 1 nothing is drawn
    /// from the generator; otherwise B uniforms are.
    /// </summary>
    public static Tensor ApplyMask(long batch, double p, Generator generator, Device device)
    {
        Guard.Probability("ApplyMask", p);
        return p >= 1.0 ? torch.ones(batch, ScalarType.Bool, device: device)
            : p <= 0.0 ? torch.zeros(batch, ScalarType.Bool, device: device)
            : torch.rand(new[] { batch }, device: device, generator: generator).lt(p);
    }

    /// <summary><c>round(fraction * n)</c> with halves rounded away from zero (the rounding every "exactly round(r * n)" rule of the runtime uses).</summary>
    public static long RoundCount(double fraction, long n) => (long)Math.Round(fraction * n, MidpointRounding.AwayFromZero);

    /// <summary>Uniform float32 draws in [low, high), shape [B].</summary>
    public static Tensor Uniform(long batch, double low, double high, Generator generator, Device device) =>
        torch.rand(new[] { batch }, device: device, generator: generator).mul_(high - low).add_(low);

    /// <summary>
    /// Selects, per sample, <paramref name="augmented"/> where the [B] <paramref name="mask"/> is true and
    /// <paramref name="original"/> elsewhere, for tensors of any rank (broadcasting allowed).
    /// </summary>
    public static Tensor Select(Tensor mask, Tensor augmented, Tensor original)
    {
        long rank = Math.Max(augmented.dim(), original.dim());
        var shape = new long[rank];
        Array.Fill(shape, 1L);
        shape[0] = -1;
        return torch.where(mask.view(shape), augmented, original);
    }

    /// <summary>Integer draws in [0, high) per sample as int64 [B]; <paramref name="high"/> may differ per sample (float or int tensor of [B]).</summary>
    public static Tensor IntegerBelow(Tensor high, Generator generator)
    {
        var u = torch.rand(new[] { high.shape[0] }, dtype: ScalarType.Float64, device: high.device, generator: generator);
        var h = high.to(ScalarType.Float64);
        // floor(u * high) can reach high only by rounding; the clamp keeps it inside [0, high - 1].
        return u.mul(h).floor().clamp(min: 0).minimum(h - 1).to(ScalarType.Int64);
    }
}
