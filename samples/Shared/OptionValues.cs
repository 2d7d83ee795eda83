using System;
using System.Globalization;

namespace SslDslSamples;

/// <summary>Parses the values of command-line options, with messages that name the option and say what to pass.</summary>
internal static class OptionValues
{
    /// <summary>The value after option <paramref name="option"/> at <paramref name="index"/> (advanced past it).</summary>
    /// <exception cref="ArgumentException">The option is the last argument.</exception>
    public static string Next(string[] args, ref int index, string option) =>
        index + 1 < args.Length ? args[++index] : throw new ArgumentException($"Option {option} needs a value.");

    /// <summary>A whole number &gt;= 1.</summary>
    /// <exception cref="ArgumentException">The text is not a whole number &gt;= 1.</exception>
    public static int Positive(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"Option {option} needs a whole number >= 1; got '{text}'.");

    /// <summary>An integer seed.</summary>
    /// <exception cref="ArgumentException">The text is not an integer.</exception>
    public static long Seed(string option, string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s
            : throw new ArgumentException($"Option {option} needs an integer; got '{text}'.");

    /// <summary>A number strictly between 0 and 1.</summary>
    /// <exception cref="ArgumentException">The text is not a number in (0, 1).</exception>
    public static double Fraction(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 && f < 1
            ? f
            : throw new ArgumentException($"Option {option} needs a number between 0 and 1 (exclusive); got '{text}'.");
}
