using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Generators;

/// <summary>
/// Reads one attribute application: every argument's value (<see cref="ConstantReader"/>) and where it
/// was written, and which arguments could not be read, name no enum member or are null.
/// </summary>
internal static class AttributeReader
{
    /// <summary>The entry of <see cref="ParsedAttribute.InvalidArguments"/> that says no constructor binds.</summary>
    public const string UnboundConstructor = "(constructor)";

    /// <summary>Reads <paramref name="attribute"/>, an application of <paramref name="spec"/>.</summary>
    public static ParsedAttribute Read(AttributeData attribute, AttributeSpec spec, Location fallback, CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = syntax?.ArgumentList?.Arguments ?? default;
        var argumentLocations = new Dictionary<string, Location>();
        var invalid = new List<string>();
        var undefined = new Dictionary<string, UndefinedEnum>();
        var nulls = new List<string>();
        var values = new Dictionary<ParamSpec, ArgValue>();

        void Read(ParamSpec param, TypedConstant constant)
        {
            var value = ConstantReader.Convert(param, constant, out var undefinedEnum);
            if (undefinedEnum is not null)
            {
                undefined[param.Name] = undefinedEnum;
            }
            else if (value is null && constant.Kind != TypedConstantKind.Error && constant.IsNull)
            {
                nulls.Add(param.Name);
            }
            else if (value is null)
            {
                invalid.Add(param.Name);
            }
            else
            {
                values[param] = value;
            }
        }

        // Constructor arguments: matched by position, or by name (count: 2) in any order.
        var positional = spec.Params.Where(p => p.Positional >= 0).OrderBy(p => p.Positional).ToArray();
        int index = 0;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            var param = argument.NameColon is { } nc
                ? positional.FirstOrDefault(p => string.Equals(p.Name, nc.Name.Identifier.ValueText, StringComparison.OrdinalIgnoreCase))
                : index < positional.Length ? positional[index] : null;
            index++;
            if (param is not null)
            {
                argumentLocations[param.Name] = argument.GetLocation();
            }
        }

        bool constructorBound = attribute.AttributeConstructor is not null && attribute.ConstructorArguments.Length == positional.Length;
        if (!constructorBound)
        {
            // No constructor takes these arguments (the compiler reports it): the attribute is not understood.
            invalid.Add(UnboundConstructor);
        }

        for (int i = 0; i < positional.Length; i++)
        {
            if (constructorBound)
            {
                Read(positional[i], attribute.ConstructorArguments[i]);
            }
            else
            {
                invalid.Add(positional[i].Name);
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (spec.Param(named.Key) is { Positional: < 0 } param)
            {
                Read(param, named.Value);
            }
        }

        foreach (var argument in arguments)
        {
            if (argument.NameEquals is not { } nameEquals)
            {
                continue;
            }

            string written = nameEquals.Name.Identifier.ValueText;
            if (spec.Param(written) is not { } param)
            {
                // A property the attribute does not have (a typo the compiler reports): not understood.
                invalid.Add(written);
                continue;
            }

            argumentLocations[param.Name] = argument.GetLocation();
            if (ConstantReader.IsMistypedLiteral(param, argument.Expression))
            {
                values.Remove(param);
                invalid.Add(param.Name);
            }

            if (!values.ContainsKey(param) && !undefined.ContainsKey(param.Name) && !invalid.Contains(param.Name) && !nulls.Contains(param.Name))
            {
                // Written but not bound (a type error the compiler reports): its value is unknown.
                invalid.Add(param.Name);
            }
        }

        var args = spec.Params.Select(p => values.TryGetValue(p, out var v) ? v : p.DefaultValue).ToEquatableArray();
        return new ParsedAttribute(new AttributeModel(spec, args), syntax?.GetLocation() ?? fallback, argumentLocations, invalid, undefined, nulls);
    }
}
