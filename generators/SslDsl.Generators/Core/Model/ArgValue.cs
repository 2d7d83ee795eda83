using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// One resolved attribute argument. Each field has one meaning: <see cref="Literal"/> is always set;
/// <see cref="Number"/> holds numbers and booleans (1 or 0), <see cref="Text"/> enum members, strings
/// and type names, <see cref="Numbers"/> the elements of an array. Read it through a typed
/// <see cref="ParamSpec"/> (<see cref="AttributeModel.Get(DoubleParam)"/> and its overloads).
/// </summary>
/// <param name="Literal">The value as C# source text, e.g. <c>0.5</c>, <c>true</c>, <c>OptimizerKind.AdamW</c>.</param>
/// <param name="Number">The value of a number or boolean; NaN for other types.</param>
/// <param name="Text">The enum member name, string value or type display name; null for other types.</param>
/// <param name="Numbers">The elements of an array; empty for other types.</param>
/// <param name="IsExplicit">Whether the user wrote it (false: the catalog default).</param>
internal sealed record ArgValue(string Literal, double Number, string? Text, EquatableArray<double> Numbers, bool IsExplicit)
{
    /// <summary>A number (int, long or double).</summary>
    public static ArgValue OfNumber(string literal, double number, bool isExplicit) => new(literal, number, null, EquatableArray<double>.Empty, isExplicit);

    /// <summary>A boolean.</summary>
    public static ArgValue OfBool(bool value, bool isExplicit) => new(value ? "true" : "false", value ? 1 : 0, null, EquatableArray<double>.Empty, isExplicit);

    /// <summary>An enum member, a string or a type.</summary>
    public static ArgValue OfText(string literal, string? text, bool isExplicit) => new(literal, double.NaN, text, EquatableArray<double>.Empty, isExplicit);

    /// <summary>An array of doubles.</summary>
    public static ArgValue OfNumbers(IEnumerable<double> numbers, bool isExplicit)
    {
        var all = numbers.ToEquatableArray();
        return new(FormatDoubles(all), double.NaN, null, all, isExplicit);
    }

    /// <summary>Formats a double as a C# literal that stays a double.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        string s = value.ToString("R", CultureInfo.InvariantCulture);
        return s.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? s : s + ".0";
    }

    /// <summary>Formats doubles as a C# array creation: <c>new double[] { 0.5, 0.25 }</c>.</summary>
    public static string FormatDoubles(IEnumerable<double> values) => "new double[] { " + string.Join(", ", values.Select(FormatDouble)) + " }";
}
