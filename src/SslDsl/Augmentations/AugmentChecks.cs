using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Argument checks shared by the batched augmentations, masks and pretexts (clear messages naming the operation).</summary>
internal static class AugmentChecks
{
    /// <summary>Throws unless <paramref name="x"/> is a floating-point tensor of rank <paramref name="rank"/>.</summary>
    public static void Rank(Tensor x, int rank, string layout, string operation, string paramName = "x")
    {
        if (x is null)
        {
            throw new ArgumentNullException(paramName, $"{operation}: the input tensor is null.");
        }

        if (x.dim() != rank)
        {
            throw new ArgumentException(
                $"{operation} expects a {layout} tensor ({rank} dimensions) but got shape [{Shape(x)}]. Reshape the batch to {layout}.",
                paramName);
        }

        if (!x.is_floating_point())
        {
            throw new ArgumentException(
                $"{operation} expects a floating-point tensor but got {x.dtype}. Convert it first, e.g. x.to(ScalarType.Float32).",
                paramName);
        }
    }

    /// <summary>Throws unless <paramref name="x"/> is a floating-point [B,C,H,W] tensor.</summary>
    public static void Image(Tensor x, string operation, string paramName = "x") => Rank(x, 4, "[B,C,H,W]", operation, paramName);

    /// <summary>Throws unless the generator is present.</summary>
    public static void Generator(Generator generator, string operation)
    {
        if (generator is null)
        {
            throw new ArgumentNullException(nameof(generator), $"{operation} draws its random parameters from a torch.Generator on the input's device; pass one.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is in [0,1].</summary>
    public static void Probability(double value, string paramName, string operation)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{operation}: {paramName} must be a probability in [0,1].");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt;= 0.</summary>
    public static void NonNegative(double value, string paramName, string operation)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{operation}: {paramName} must be a finite number >= 0.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static void Positive(double value, string paramName, string operation)
    {
        if (!(value > 0.0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{operation}: {paramName} must be a finite number > 0.");
        }
    }

    /// <summary>Throws unless <paramref name="low"/> &lt;= <paramref name="high"/>.</summary>
    public static void Ordered(double low, string lowName, double high, string highName, string operation)
    {
        if (low > high)
        {
            throw new ArgumentException($"{operation}: {lowName} ({low}) must not exceed {highName} ({high}); swap them.", lowName);
        }
    }

    /// <summary>The shape of a tensor as "2, 3, 4".</summary>
    public static string Shape(Tensor x) => string.Join(", ", x.shape.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary><c>round(fraction * n)</c> with halves rounded away from zero (the rounding every "exactly round(r * n)" rule of the runtime uses).</summary>
    public static long RoundCount(double fraction, long n) => (long)Math.Round(fraction * n, MidpointRounding.AwayFromZero);
}
