using System;
using System.Globalization;

namespace SslDsl.Generators;

/// <summary>One resolved attribute parameter: its C# literal and, for numbers and strings, its value.</summary>
/// <param name="Name">Parameter (property) name.</param>
/// <param name="Literal">The value as C# source text, e.g. <c>0.5</c>, <c>true</c>, <c>OptimizerKind.AdamW</c>.</param>
/// <param name="Number">The numeric value (bools as 0/1, enums as their ordinal); NaN when not numeric.</param>
/// <param name="Text">The enum member name, string value or type name; null otherwise.</param>
/// <param name="IsExplicit">Whether the user wrote it (false: the catalog default).</param>
internal sealed record ArgValue(string Name, string Literal, double Number, string? Text, bool IsExplicit);

/// <summary>An attribute of a task with every parameter resolved (defaults filled in from the catalog).</summary>
/// <param name="Name">Short attribute name, e.g. RandomResizedCrop.</param>
/// <param name="Args">Every parameter of the attribute, in catalog order.</param>
internal sealed record AttributeModel(string Name, EquatableArray<ArgValue> Args)
{
    /// <summary>The parameter <paramref name="name"/>, or null.</summary>
    public ArgValue? Arg(string name)
    {
        foreach (var a in Args)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The C# literal of a parameter.</summary>
    public string Literal(string name) => Arg(name)?.Literal ?? throw new InvalidOperationException($"{Name} has no parameter {name}.");

    /// <summary>The numeric value of a parameter (NaN when absent).</summary>
    public double Double(string name) => Arg(name)?.Number ?? double.NaN;

    /// <summary>The integer value of a parameter (0 when absent or not numeric).</summary>
    public int Int(string name)
    {
        double v = Double(name);
        return double.IsNaN(v) || v > int.MaxValue || v < int.MinValue ? 0 : (int)v;
    }

    /// <summary>The boolean value of a parameter.</summary>
    public bool Bool(string name) => Double(name) != 0 && !double.IsNaN(Double(name));

    /// <summary>The text (enum member, string, type name) of a parameter.</summary>
    public string? Text(string name) => Arg(name)?.Text;

    /// <summary>The view an augmentation is restricted to, or -1 for all.</summary>
    public int View => Arg("View") is { } v ? (int)v.Number : -1;

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
}
