using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Generators;

/// <summary>
/// Reads a task class's attributes and members into a <see cref="ParsedTask"/>. Never throws on
/// half-typed code: unreadable arguments keep their defaults and are recorded as invalid.
/// </summary>
internal static class TaskParser
{
    public const string PretextTaskAttribute = "SslDsl.PretextTaskAttribute";
    public const string MultiTaskAttribute = "SslDsl.MultiTaskPretrainingAttribute";
    public const string EncoderAttribute = "SslDsl.EncoderAttribute";

    /// <summary>Parses <paramref name="type"/>.</summary>
    public static ParsedTask Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var identifier = IdentifierLocation(type);
        var parsed = new ParsedTask(type, identifier, BuildTypeModel(type));
        (parsed.IsPartial, parsed.NonPartialTypeName) = CheckPartial(type);

        foreach (var attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var spec = AttributeCatalog.ByMetadataName(MetadataName(attribute.AttributeClass));
            if (spec is null)
            {
                continue;
            }

            var pa = ParseAttribute(attribute, spec, identifier, cancellationToken);
            switch (spec.Category)
            {
                case AttributeCategory.Task:
                case AttributeCategory.MultiTask:
                    parsed.TaskAttribute ??= pa;
                    break;
                case AttributeCategory.MultiTaskMember:
                    parsed.Members.Add(ParseMember(attribute, pa));
                    break;
                case AttributeCategory.Encoder:
                    break;
                default:
                    parsed.Attributes.Add(pa);
                    break;
            }
        }

        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol and not IPropertySymbol)
            {
                continue;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (MetadataName(attribute.AttributeClass) != EncoderAttribute)
                {
                    continue;
                }

                var location = member.Locations.FirstOrDefault() ?? identifier;
                var pa = ParseAttribute(attribute, AttributeCatalog.All["Encoder"], location, cancellationToken);
                parsed.EncoderMembers.Add(new ParsedEncoderMember(member.Name, member is IPropertySymbol, EncoderProblem(member), pa, location));
            }
        }

        return parsed;
    }

    /// <summary>Namespace-qualified metadata name of a type (e.g. SslDsl.ViewsAttribute), or null for error types.</summary>
    public static string? MetadataName(INamedTypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? type.MetadataName : ns.ToDisplayString() + "." + type.MetadataName;
    }

    private static Location IdentifierLocation(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is BaseTypeDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return type.Locations.FirstOrDefault() ?? Location.None;
    }

    private static (bool, string?) CheckPartial(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            bool partial = t.DeclaringSyntaxReferences.Length > 0 && t.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
            if (!partial)
            {
                return (false, t.Name);
            }
        }

        return (true, null);
    }

    private static TypeModel BuildTypeModel(INamedTypeSymbol type)
    {
        var containing = new List<string>();
        for (var t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            containing.Insert(0, $"partial {Keyword(t)} {t.Name}{TypeParameters(t)}");
        }

        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new TypeModel(ns, type.Name, Keyword(type), containing.ToEquatableArray(), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    private static string Keyword(INamedTypeSymbol t) =>
        t.IsRecord ? (t.IsValueType ? "record struct" : "record") : t.TypeKind == TypeKind.Struct ? "struct" : t.TypeKind == TypeKind.Interface ? "interface" : "class";

    private static string TypeParameters(INamedTypeSymbol t) =>
        t.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", t.TypeParameters.Select(p => p.Name)) + ">";

    private static string? EncoderProblem(ISymbol member)
    {
        var problems = new List<string>();
        if (!member.IsStatic)
        {
            problems.Add("is not static");
        }

        ITypeSymbol? returnType = null;
        if (member is IMethodSymbol method)
        {
            if (method.Parameters.Length > 0)
            {
                problems.Add($"takes {method.Parameters.Length} parameter(s)");
            }

            if (method.IsGenericMethod)
            {
                problems.Add("is generic");
            }

            returnType = method.ReturnType;
        }
        else if (member is IPropertySymbol property)
        {
            if (property.IsIndexer)
            {
                problems.Add("is an indexer");
            }

            if (property.GetMethod is null)
            {
                problems.Add("has no getter");
            }

            returnType = property.Type;
        }

        if (returnType is not null && returnType.TypeKind != TypeKind.Error && !IsTensorModule(returnType))
        {
            problems.Add($"returns '{returnType.ToDisplayString()}'");
        }

        return problems.Count == 0 ? null : string.Join(", ", problems);
    }

    /// <summary>Whether <paramref name="type"/> is or derives from TorchSharp's nn.Module&lt;Tensor, Tensor&gt;.</summary>
    public static bool IsTensorModule(ITypeSymbol type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (t.MetadataName == "Module`2" && t.TypeArguments.Length == 2 &&
                t.ContainingNamespace?.ToDisplayString() == "TorchSharp" &&
                t.TypeArguments.All(a => a.Name == "Tensor"))
            {
                return true;
            }
        }

        return false;
    }

    private static ParsedMember ParseMember(AttributeData attribute, ParsedAttribute pa)
    {
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol target && target.TypeKind != TypeKind.Error)
        {
            var attributes = target.GetAttributes();
            AttributeData? task = attributes.FirstOrDefault(a => MetadataName(a.AttributeClass) == PretextTaskAttribute);
            var specs = attributes.Select(a => AttributeCatalog.ByMetadataName(MetadataName(a.AttributeClass))).Where(s => s is not null).ToArray();
            string? input = specs.FirstOrDefault(s => s!.Category == AttributeCategory.Input)?.Name;
            string? name = task is not null && task.ConstructorArguments.Length == 1 ? task.ConstructorArguments[0].Value as string : null;
            return new ParsedMember(
                pa,
                target.ToDisplayString(),
                task is not null,
                name,
                input,
                target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                HasMomentum: specs.Any(s => s!.Name == "MomentumEncoder"),
                HasAdversarial: specs.Any(s => s!.Name == "AdversarialLoss"),
                EncoderOutputDim: EncoderOutputDimOf(target));
        }

        return new ParsedMember(pa, null, false, null, null, null);
    }

    private static int EncoderOutputDimOf(INamedTypeSymbol type)
    {
        foreach (var a in type.GetAttributes())
        {
            if (MetadataName(a.AttributeClass) == "SslDsl.BackboneAttribute")
            {
                var named = a.NamedArguments.FirstOrDefault(n => n.Key == "OutputDim");
                return named.Key is null ? 128 : named.Value.Value is int v ? v : 0;
            }
        }

        foreach (var member in type.GetMembers())
        {
            foreach (var a in member.GetAttributes())
            {
                if (MetadataName(a.AttributeClass) == EncoderAttribute)
                {
                    var named = a.NamedArguments.FirstOrDefault(n => n.Key == "OutputDim");
                    return named.Value.Value is int v ? v : 0;
                }
            }
        }

        return 0;
    }

    private static ParsedAttribute ParseAttribute(AttributeData attribute, AttributeSpec spec, Location fallback, CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var location = syntax?.GetLocation() ?? fallback;
        var argumentLocations = new Dictionary<string, Location>();
        var invalid = new List<string>();
        var values = new Dictionary<string, ArgValue>();

        var positional = spec.Params.Where(p => p.Positional >= 0).OrderBy(p => p.Positional).ToArray();
        var positionalSyntax = syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToArray() ?? Array.Empty<AttributeArgumentSyntax>();
        for (int i = 0; i < positional.Length; i++)
        {
            if (i < positionalSyntax.Length)
            {
                argumentLocations[positional[i].Name] = positionalSyntax[i].GetLocation();
            }

            if (i < attribute.ConstructorArguments.Length)
            {
                var value = Convert(positional[i], attribute.ConstructorArguments[i]);
                if (value is null)
                {
                    invalid.Add(positional[i].Name);
                }
                else
                {
                    values[positional[i].Name] = value;
                }
            }
            else
            {
                invalid.Add(positional[i].Name);
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            var param = spec.Param(named.Key);
            if (param is null)
            {
                continue;
            }

            var value = Convert(param, named.Value);
            if (value is null)
            {
                invalid.Add(param.Name);
            }
            else
            {
                values[param.Name] = value;
            }
        }

        if (syntax?.ArgumentList is { } list)
        {
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is { } ne)
                {
                    argumentLocations[ne.Name.Identifier.ValueText] = argument.GetLocation();
                }
            }
        }

        var args = spec.Params.Select(p => values.TryGetValue(p.Name, out var v) ? v : DefaultValue(p)).ToEquatableArray();
        return new ParsedAttribute(new AttributeModel(spec.Name, args), spec, location, argumentLocations, invalid);
    }

    /// <summary>The catalog default of <paramref name="p"/> as a resolved value.</summary>
    public static ArgValue DefaultValue(ParamSpec p)
    {
        string literal = p.Default ?? (p.Type == ParamType.String ? "\"\"" : "default");
        double number = double.NaN;
        string? text = null;
        switch (p.Type)
        {
            case ParamType.Int:
            case ParamType.Long:
            case ParamType.Double:
                number = literal == "double.NaN" ? double.NaN : double.Parse(literal, CultureInfo.InvariantCulture);
                break;
            case ParamType.Bool:
                number = literal == "true" ? 1 : 0;
                break;
            case ParamType.Enum:
                text = literal.Substring(literal.IndexOf('.') + 1);
                number = EnumOrdinal(p.EnumType, text);
                break;
            case ParamType.String:
                text = "";
                break;
        }

        if (p.Type == ParamType.Long && p.Default is not null)
        {
            literal += "L";
        }

        return new ArgValue(p.Name, literal, number, text, false);
    }

    private static readonly ImmutableDictionary<string, string[]> EnumMembers = new Dictionary<string, string[]>
    {
        ["OptimizerKind"] = new[] { "Sgd", "Adam", "AdamW", "Lars" },
        ["ScheduleKind"] = new[] { "Constant", "Cosine", "WarmupCosine", "Step" },
        ["FineTuneMode"] = new[] { "LinearProbe", "Full", "PartialUnfreeze" },
        ["BackboneKind"] = new[] { "SmallCnn", "ResNet", "Mlp", "TransformerEncoder", "Conv1d" },
    }.ToImmutableDictionary();

    private static double EnumOrdinal(string? enumType, string member)
    {
        if (enumType is not null && EnumMembers.TryGetValue(enumType, out var members))
        {
            int i = Array.IndexOf(members, member);
            return i;
        }

        return double.NaN;
    }

    private static ArgValue? Convert(ParamSpec p, TypedConstant c)
    {
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
                    if (c.Kind != TypedConstantKind.Primitive || c.Value is null || c.Value is bool || c.Value is string)
                    {
                        return null;
                    }

                    double d = System.Convert.ToDouble(c.Value, CultureInfo.InvariantCulture);
                    string literal = p.Type switch
                    {
                        ParamType.Double => AttributeModel.FormatDouble(d),
                        ParamType.Long => System.Convert.ToInt64(c.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "L",
                        _ => System.Convert.ToInt64(c.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                    };
                    return new ArgValue(p.Name, literal, d, null, true);
                }

                case ParamType.Bool:
                    return c.Value is bool b ? new ArgValue(p.Name, b ? "true" : "false", b ? 1 : 0, null, true) : null;

                case ParamType.String:
                    return c.Value is string s ? new ArgValue(p.Name, SymbolDisplay.FormatLiteral(s, quote: true), double.NaN, s, true) : null;

                case ParamType.Enum:
                {
                    if (c.Kind != TypedConstantKind.Enum || c.Type is null || c.Value is null)
                    {
                        return null;
                    }

                    long ordinal = System.Convert.ToInt64(c.Value, CultureInfo.InvariantCulture);
                    var member = c.Type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && System.Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture) == ordinal);
                    if (member is null)
                    {
                        return null;
                    }

                    return new ArgValue(p.Name, $"{c.Type.Name}.{member.Name}", ordinal, member.Name, true);
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
                        if (v.Kind != TypedConstantKind.Primitive || v.Value is null || v.Value is bool || v.Value is string)
                        {
                            return null;
                        }

                        numbers.Add(System.Convert.ToDouble(v.Value, CultureInfo.InvariantCulture));
                    }

                    string literal = "new double[] { " + string.Join(", ", numbers.Select(AttributeModel.FormatDouble)) + " }";
                    return new ArgValue(p.Name, literal, numbers.Count, string.Join(",", numbers.Select(AttributeModel.FormatDouble)), true);
                }

                case ParamType.Type:
                    return c.Value is ITypeSymbol t && t.TypeKind != TypeKind.Error
                        ? new ArgValue(p.Name, $"typeof({t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})", double.NaN, t.ToDisplayString(), true)
                        : null;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }

        return null;
    }
}
