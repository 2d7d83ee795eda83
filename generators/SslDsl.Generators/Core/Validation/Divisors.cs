using System;

namespace SslDsl.Generators;

/// <summary>The nearest valid sizes the repairs of shape checks propose.</summary>
internal static class Divisors
{
    /// <summary>The largest divisor of <paramref name="value"/> that is at most <paramref name="atMost"/> (1 at least).</summary>
    public static int Largest(int value, int atMost)
    {
        for (int d = Math.Min(value, atMost); d >= 1; d--)
        {
            if (value % d == 0)
            {
                return d;
            }
        }

        return 1;
    }

    /// <summary>The largest common divisor of <paramref name="h"/> and <paramref name="w"/> that is at most <paramref name="p"/> (1 at least).</summary>
    public static int Common(int h, int w, int p)
    {
        for (int d = Math.Min(p, Math.Min(h, w)); d >= 1; d--)
        {
            if (h % d == 0 && w % d == 0)
            {
                return d;
            }
        }

        return 1;
    }

    /// <summary>The smallest multiple of <paramref name="step"/> that is at least <paramref name="value"/>.</summary>
    public static int RoundUp(int value, int step) => (int)Math.Min(int.MaxValue / step * (long)step, ((long)value + step - 1) / step * step);
}
