using System;

namespace SslDsl;

/// <summary>Argument checks shared by the heads.</summary>
internal static class HeadArguments
{
    /// <summary>Throws unless <paramref name="value"/> &gt; 0.</summary>
    public static void Positive(int value, string head, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{head}: {name} must be > 0.");
        }
    }

    /// <summary>Throws unless <paramref name="input"/> is a tensor of rank <paramref name="rank"/> whose last dimension is <paramref name="width"/>.</summary>
    public static void Input(TorchSharp.torch.Tensor input, int rank, long width, string head, string layout)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input), $"{head}: the input is null.");
        }

        if (input.dim() != rank || input.shape[rank - 1] != width)
        {
            throw new ArgumentException($"{head}: the input must be {layout} with last dimension {width} but has shape [{string.Join(",", input.shape)}].", nameof(input));
        }
    }
}
