using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Generators;

/// <summary>Turns an attribute argument's constant into an <see cref="ArgValue"/> of its parameter's type, or says why it cannot.</summary>
internal static class ConstantReader
{
    /// <summary>
    /// The value of <paramref name="c"/> for <paramref name="p"/>, or null when it cannot be read (a type error the
    /// compiler reports, or null). An enum value that names no member sets <paramref name="undefinedEnum"/>.
    /// </summary>
    public static ArgValue? Convert(ParamSpec p, TypedConstant c, out UndefinedEnum? undefinedEnum)
    {
        undefinedEnum = null;
        if (c.Kind == TypedConstantKind.Error)
        {
            return null;
        }

        try
        {
            switch (p.Type)
            {
                case ParamType.Int:
                case ParamType.Long:
                case ParamType.Double:
                {
                    // The constant has the property's type when the code compiles (a double given to an int
                    // property keeps its double value, with a compiler error): anything else is not understood.
                    bool typed = p.Type switch
                    {
                        ParamType.Int => c.Value is int,
                        ParamType.Long => c.Value is long,
                        _ => c.Value is double,
                    };
                    if (c.Kind != TypedConstantKind.Primitive || !typed)
                    {
                        return null;
                    }

                    double d = System.Convert.ToDouble(c.Value, CultureInfo.InvariantCulture);
                    string literal = p.Type == ParamType.Double
                        ? ArgValue.FormatDouble(d)
                        : System.Convert.ToInt64(c.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + (p.Type == ParamType.Long ? "L" : "");
                    return ArgValue.OfNumber(literal, d, isExplicit: true);
                }

                case ParamType.Bool:
                    return c.Value is bool b ? ArgValue.OfBool(b, isExplicit: true) : null;

                case ParamType.String:
                    return c.Value is string s ? ArgValue.OfText(SymbolDisplay.FormatLiteral(s, quote: true), s, isExplicit: true) : null;

                case ParamType.Enum:
                {
                    if (c.Kind != TypedConstantKind.Enum || c.Type is null || c.Value is null)
                    {
                        return null;
                    }

                    long ordinal = System.Convert.ToInt64(c.Value, CultureInfo.InvariantCulture);
                    var members = c.Type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToArray();
                    var member = members.FirstOrDefault(f => System.Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture) == ordinal);
                    if (member is null)
                    {
                        // The members come from the enum the user's compilation references: the runtime's own.
                        undefinedEnum = new UndefinedEnum($"({c.Type.Name}){ordinal.ToString(CultureInfo.InvariantCulture)}", members.Select(f => f.Name).ToEquatableArray());
                        return null;
                    }

                    return ArgValue.OfText($"{c.Type.Name}.{member.Name}", member.Name, isExplicit: true);
                }

                case ParamType.DoubleArray:
                {
                    if (c.Kind != TypedConstantKind.Array || c.Values.IsDefault)
                    {
                        return null;
                    }

                    var numbers = new List<double>();
                    foreach (var v in c.Values)
                    {
                        if (v.Kind != TypedConstantKind.Primitive || v.Value is not double)
                        {
                            return null;
                        }

                        numbers.Add(System.Convert.ToDouble(v.Value, CultureInfo.InvariantCulture));
                    }

                    return ArgValue.OfNumbers(numbers, isExplicit: true);
                }

                case ParamType.Type:
                    return c.Value is ITypeSymbol t && t.TypeKind != TypeKind.Error
                        ? ArgValue.OfText($"typeof({t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})", t.ToDisplayString(), isExplicit: true)
                        : null;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="expression"/> is a number literal the parameter's type cannot take (1.5 for an
    /// int): the compiler reports it, yet the attribute keeps a converted constant, which must not be read.
    /// </summary>
    public static bool IsMistypedLiteral(ParamSpec param, ExpressionSyntax expression)
    {
        while (expression is PrefixUnaryExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            expression = expression is PrefixUnaryExpressionSyntax unary ? unary.Operand : ((ParenthesizedExpressionSyntax)expression).Expression;
        }

        if (expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            return false;
        }

        object? value = literal.Token.Value;
        return param.Type switch
        {
            ParamType.Int or ParamType.Long => value is double or float or decimal,
            ParamType.Double => value is decimal,
            _ => false,
        };
    }
}
