using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using SslDsl.Generators;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The attribute catalog the analyzers and the generator read agrees with the runtime attribute
/// classes: every parameter exists with the catalog's default, and every settable property is in the catalog
/// (a property the catalog missed would be silently ignored and never range-checked).
/// </summary>
public class CatalogDefaultsTests
{
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in AttributeCatalog.All.Keys.OrderBy(n => n, StringComparer.Ordinal))
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CatalogMatchesTheRuntimeAttribute(string name)
    {
        var spec = AttributeCatalog.All[name];
        var type = typeof(PretextTaskAttribute).Assembly.GetType(spec.MetadataName);
        Assert.NotNull(type);
        var instance = Create(type!, spec);

        foreach (var p in spec.Params)
        {
            var property = type!.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is not null, $"{name}.{p.Name} is in the catalog but not on {type.Name}");
            if (p.IsRequired || p.Positional >= 0 || p.Type is ParamType.String or ParamType.Type)
            {
                continue;
            }

            object? actual = property!.GetValue(instance);
            Assert.True(Same(p, actual), $"{name}.{p.Name}: runtime default {Format(actual)}, catalog default {p.DefaultLiteral}");
        }

        foreach (var property in type!.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(x => x.CanWrite && x.DeclaringType != typeof(Attribute)))
        {
            Assert.True(spec.Param(property.Name) is not null, $"{type.Name}.{property.Name} is settable but missing from the catalog");
        }
    }

    [Fact]
    public void EveryRuntimeAttributeIsInTheCatalog()
    {
        var attributes = typeof(PretextTaskAttribute).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(Attribute).IsAssignableFrom(t))
            .Select(t => t.Name[..^"Attribute".Length])
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(attributes, AttributeCatalog.All.Keys.OrderBy(n => n, StringComparer.Ordinal));
    }

    private static object Create(Type type, AttributeSpec spec)
    {
        var positional = spec.Params.Where(p => p.Positional >= 0).OrderBy(p => p.Positional).ToArray();
        var ctor = type.GetConstructors().Single(c => c.GetParameters().Length == positional.Length);
        var args = ctor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(string) => (object)"name",
            var t when t == typeof(int) => 2,
            var t when t == typeof(Type) => typeof(object),
            var t when t.IsEnum => Enum.GetValues(t).GetValue(0)!,
            _ => throw new InvalidOperationException($"No test value for {p.ParameterType}"),
        }).ToArray();
        return ctor.Invoke(args);
    }

    private static bool Same(ParamSpec p, object? actual)
    {
        string literal = p.DefaultLiteral!;
        switch (p.Type)
        {
            case ParamType.Double:
                double expected = literal == "double.NaN" ? double.NaN : double.Parse(literal, CultureInfo.InvariantCulture);
                return actual is double d && (d.Equals(expected) || Math.Abs(d - expected) < 1e-12);
            case ParamType.Int:
                return actual is int i && i == int.Parse(literal, CultureInfo.InvariantCulture);
            case ParamType.Long:
                return actual is long l && l == long.Parse(literal, CultureInfo.InvariantCulture);
            case ParamType.Bool:
                return actual is bool b && b == (literal == "true");
            case ParamType.Enum:
                return actual is Enum e && literal == e.GetType().Name + "." + e;
            case ParamType.DoubleArray:
                var numbers = literal.Replace("new double[]", "").Trim(' ', '{', '}').Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                return actual is double[] array && array.SequenceEqual(numbers);
            default:
                return true;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double[] a => "{ " + string.Join(", ", a) + " }",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
