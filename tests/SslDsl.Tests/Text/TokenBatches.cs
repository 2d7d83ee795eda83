using System;
using static TorchSharp.torch;

namespace SslDsl.Tests.TextTests;

/// <summary>Hand-made token batches: [CLS] tokens [SEP] then padding, with a few specials inside.</summary>
internal static class TokenBatches
{
    public const int Vocab = 50;

    /// <summary>
    /// <paramref name="rows"/> rows of length <paramref name="length"/>: row r holds [CLS], real tokens drawn from
    /// [4, Vocab) (every 13th one replaced by [SEP] or [MASK], which must never be selected), [SEP], then [PAD].
    /// The real length varies with r between 40 and <paramref name="length"/>.
    /// </summary>
    public static (long[] Ids, long[] Mask) Make(int rows, int length, int seed)
    {
        var rng = new Random(seed);
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        for (int r = 0; r < rows; r++)
        {
            int real = 40 + ((r * 37) % (length - 39));
            for (int t = 0; t < real; t++)
            {
                long id = t == 0 ? 1 : t == real - 1 ? 2 : t % 13 == 0 ? (t % 2 == 0 ? 2 : 3) : rng.Next(4, Vocab);
                ids[(r * length) + t] = id;
                mask[(r * length) + t] = 1;
            }
        }

        return (ids, mask);
    }

    /// <summary>True where a token may be selected: inside the mask and not a special id (0..3).</summary>
    public static bool Maskable(long[] ids, long[] mask, int i) => mask[i] != 0 && ids[i] >= 4;

    public static Tensor Tensor(long[] values, int rows, int length) => tensor(values, new long[] { rows, length });
}
