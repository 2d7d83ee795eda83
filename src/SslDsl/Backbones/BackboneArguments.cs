using System;

namespace SslDsl;

/// <summary>Argument checks shared by the built-in backbones.</summary>
internal static class BackboneArguments
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> when <paramref name="value"/> is not &gt; 0.</summary>
    public static void Positive(string backbone, string name, int value)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{backbone}: {name} must be > 0; it is {value}.");
        }
    }

    /// <summary>
    /// Throws when the widest block of a backbone that doubles <paramref name="width"/> per block
    /// (width * 2^(depth-1)) would not fit in 65,536 channels.
    /// </summary>
    public static void DoublingFits(string backbone, int width, int depth)
    {
        if (depth > 17 || ((long)width << (depth - 1)) > 65536)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth,
                $"{backbone}: width {width} doubled over {depth} blocks exceeds 65,536 channels; use a smaller depth or width.");
        }
    }
}
