using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class ImageAugment
{
    /// <summary>
    /// Deterministic per-channel normalization <c>(x - mean[c]) / std[c]</c> of a [B,C,...] tensor.
    /// <paramref name="mean"/> and <paramref name="std"/> each hold one value (used for every channel) or C values.
    /// </summary>
    /// <exception cref="ArgumentException">A length that is neither 1 nor C, a non-finite mean, or a std that is not finite and &gt; 0.</exception>
    public static Tensor Normalize(Tensor x, double[] mean, double[] std)
    {
        const string op = nameof(Normalize);
        if (x is null)
        {
            throw new ArgumentNullException(nameof(x), $"{op}: the input tensor is null.");
        }

        if (x.dim() < 2 || !x.is_floating_point())
        {
            throw new ArgumentException($"{op}: x must be a floating-point [B,C,...] tensor, but it holds {x.dtype} with shape {Guard.Shape(x)}.", nameof(x));
        }

        long channels = x.shape[1];
        CheckStatistics(mean, nameof(mean), channels, requirePositive: false);
        CheckStatistics(std, nameof(std), channels, requirePositive: true);

        using var scope = torch.NewDisposeScope();
        var shape = Enumerable.Repeat(1L, (int)x.dim()).ToArray();
        shape[1] = -1;
        var m = torch.tensor(mean, dtype: x.dtype, device: x.device).view(shape);
        var s = torch.tensor(std, dtype: x.dtype, device: x.device).view(shape);
        return x.sub(m).div_(s).MoveToOuterDisposeScope();
    }

    private static void CheckStatistics(double[] values, string name, long channels, bool requirePositive)
    {
        if (values is null)
        {
            throw new ArgumentNullException(name, $"Normalize: {name} is null; give one value or one per channel.");
        }

        if (values.Length != 1 && values.Length != channels)
        {
            throw new ArgumentException(
                $"Normalize: {name} has {values.Length} values but the input has {channels} channels; give one value (used for every channel) or exactly {channels}.",
                name);
        }

        foreach (double v in values)
        {
            if (double.IsNaN(v) || double.IsInfinity(v) || (requirePositive && v <= 0))
            {
                throw new ArgumentOutOfRangeException(name, v,
                    requirePositive ? $"Normalize: every {name} value must be finite and > 0." : $"Normalize: every {name} value must be finite.");
            }
        }
    }
}
