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

    /// <summary>The entry of <see cref="ParsedAttribute.InvalidArguments"/> that says no constructor binds.</summary>
    public const string UnboundConstructor = "(constructor)";

    /// <summary>Parses <paramref name="type"/>.</summary>
    public static ParsedTask Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var identifier = IdentifierLocation(type, attributes, cancellationToken);
        var parsed = new ParsedTask(type, identifier, BuildTypeModel(type));
        parsed.NonPartialTypeNames.AddRange(NonPartialTypes(type));
        parsed.IsPartial = parsed.NonPartialTypeNames.Count == 0;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                (declaration.Identifier.IsMissing || declaration.AttributeLists.Any(l => l.ContainsDiagnostics)))
            {
                parsed.HasDeclarationErrors = true;
            }
        }

        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.AttributeClass is null || attribute.AttributeClass.TypeKind == TypeKind.Error)
            {
                parsed.HasUnresolvedAttributes = true;
                parsed.HasDeclarationErrors = true;
                continue;
            }

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
                    if (parsed.TaskAttribute is null)
                    {
                        parsed.TaskAttribute = pa;
                    }
                    else if (parsed.TaskAttribute.Spec.Category != spec.Category)
                    {
                        parsed.HasBothTaskAttributes = true;
                    }

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
            if (member is not IMethodSymbol and not IPropertySymbol and not IFieldSymbol)
            {
                continue;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass is null || attribute.AttributeClass.TypeKind == TypeKind.Error)
                {
                    parsed.HasUnresolvedAttributes = true;
                    parsed.HasDeclarationErrors = true;
                    continue;
                }

                if (MetadataName(attribute.AttributeClass) != EncoderAttribute)
                {
                    continue;
                }

                if (member is IFieldSymbol)
                {
                    // [Encoder] cannot apply to a field (the compiler says so): the encoder is not missing, it is misplaced.
                    parsed.HasUnresolvedAttributes = true;
                    parsed.HasDeclarationErrors = true;
                    continue;
                }

                var location = member.Locations.FirstOrDefault() ?? identifier;
                var pa = ParseAttribute(attribute, AttributeCatalog.All["Encoder"], location, cancellationToken);
                if (HasSignatureErrors(member, cancellationToken))
                {
                    parsed.HasDeclarationErrors = true;
                }

                parsed.EncoderMembers.Add(new ParsedEncoderMember(member.Name, member is IPropertySymbol, EncoderProblem(member), pa, location));
            }
        }

        return parsed;
    }

    /// <summary>Whether an [Encoder] member's signature has a syntax error or a return type that does not resolve.</summary>
    private static bool HasSignatureErrors(ISymbol member, CancellationToken cancellationToken)
    {
        var returnType = member is IMethodSymbol m ? m.ReturnType : (member as IPropertySymbol)?.Type;
        if (returnType is null || returnType.TypeKind == TypeKind.Error)
        {
            return true;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case MethodDeclarationSyntax method when method.Identifier.IsMissing || method.ReturnType.ContainsDiagnostics || method.ParameterList.ContainsDiagnostics:
                case PropertyDeclarationSyntax property when property.Identifier.IsMissing || property.Type.ContainsDiagnostics:
                    return true;
            }
        }

        return false;
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

    /// <summary>
    /// The class identifier of the declaration that carries the task attribute (a partial class may have
    /// several declarations, some generated); the first declaration's when none does.
    /// </summary>
    private static Location IdentifierLocation(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        foreach (var attribute in attributes)
        {
            if (MetadataName(attribute.AttributeClass) is PretextTaskAttribute or MultiTaskAttribute &&
                attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } owner)
            {
                return owner.Identifier.GetLocation();
            }
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return type.Locations.FirstOrDefault() ?? Location.None;
    }

    /// <summary>The task class and its enclosing types that are not declared partial, outermost first.</summary>
    private static IEnumerable<string> NonPartialTypes(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            bool partial = t.DeclaringSyntaxReferences.Length > 0 && t.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
            if (!partial)
            {
                names.Insert(0, t.Name);
            }
        }

        return names;
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
                problems.Add(method.Parameters.Length == 1 ? "takes a parameter" : $"takes {method.Parameters.Length} parameters");
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

        return problems.Count == 0 ? null : ValidationContext.List(problems);
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
            var targetAttributes = target.GetAttributes();
            AttributeData? task = targetAttributes.FirstOrDefault(a => MetadataName(a.AttributeClass) == PretextTaskAttribute);
            bool isMulti = targetAttributes.Any(a => MetadataName(a.AttributeClass) == MultiTaskAttribute);
            string? input = targetAttributes
                .Select(a => AttributeCatalog.ByMetadataName(MetadataName(a.AttributeClass)))
                .FirstOrDefault(s => s?.Category == AttributeCategory.Input)?.Name;
            string? name = task is not null && task.ConstructorArguments.Length == 1 ? task.ConstructorArguments[0].Value as string : null;
            var names = targetAttributes.Select(a => AttributeCatalog.ByMetadataName(MetadataName(a.AttributeClass))?.Name).ToArray();
            return new ParsedMember(
                pa,
                target.ToDisplayString(),
                task is not null,
                name,
                input,
                target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                isMulti,
                EncoderOutputDim(target, targetAttributes),
                HasMomentum: names.Contains("MomentumEncoder"),
                HasAdversarial: names.Contains("AdversarialLoss"));
        }

        return new ParsedMember(pa, null, false, null, null, null);
    }

    /// <summary>The OutputDim of a task's single encoder ([Encoder] member or [Backbone]), or null when it has none or several.</summary>
    private static int? EncoderOutputDim(INamedTypeSymbol task, ImmutableArray<AttributeData> attributes)
    {
        var found = new List<AttributeData>();
        found.AddRange(attributes.Where(a => MetadataName(a.AttributeClass) == "SslDsl.BackboneAttribute"));
        foreach (var member in task.GetMembers())
        {
            if (member is IMethodSymbol or IPropertySymbol)
            {
                found.AddRange(member.GetAttributes().Where(a => MetadataName(a.AttributeClass) == EncoderAttribute));
            }
        }

        if (found.Count != 1)
        {
            return null;
        }

        var named = found[0].NamedArguments.FirstOrDefault(n => n.Key == "OutputDim");
        if (named.Key is null)
        {
            var spec = AttributeCatalog.All[MetadataName(found[0].AttributeClass) == EncoderAttribute ? "Encoder" : "Backbone"];
            return (int)DefaultValue(spec.Param("OutputDim")!).Number;
        }

        return named.Value.Kind == TypedConstantKind.Primitive && named.Value.Value is int dim ? dim : null;
    }

    private static ParsedAttribute ParseAttribute(AttributeData attribute, AttributeSpec spec, Location fallback, CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var location = syntax?.GetLocation() ?? fallback;
        var argumentLocations = new Dictionary<string, Location>();
        var invalid = new List<string>();
        var undefined = new Dictionary<string, string>();
        var nulls = new List<string>();
        var values = new Dictionary<string, ArgValue>();

        void Read(ParamSpec param, TypedConstant constant)
        {
            var value = Convert(param, constant, out string? undefinedEnum);
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
                values[param.Name] = value;
            }
        }

        // Constructor arguments: matched by position, or by name (count: 2) in any order.
        var positional = spec.Params.Where(p => p.Positional >= 0).OrderBy(p => p.Positional).ToArray();
        int index = 0;
        foreach (var argument in syntax?.ArgumentList?.Arguments ?? default)
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
            var param = spec.Param(named.Key);
            if (param is not null && param.Positional < 0)
            {
                Read(param, named.Value);
            }
        }

        foreach (var argument in syntax?.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is { } unknown && spec.Param(unknown.Name.Identifier.ValueText) is null)
            {
                // A property the attribute does not have (a typo the compiler reports): not understood.
                invalid.Add(unknown.Name.Identifier.ValueText);
            }
            else if (argument.NameEquals is { } ne && spec.Param(ne.Name.Identifier.ValueText) is { } param)
            {
                argumentLocations[param.Name] = argument.GetLocation();
                if (IsMistypedLiteral(param, argument.Expression))
                {
                    values.Remove(param.Name);
                    invalid.Add(param.Name);
                }

                if (!values.ContainsKey(param.Name) && !undefined.ContainsKey(param.Name) && !invalid.Contains(param.Name) && !nulls.Contains(param.Name))
                {
                    // Written but not bound (a type error the compiler reports): its value is unknown.
                    invalid.Add(param.Name);
                }
            }
        }

        var args = spec.Params.Select(p => values.TryGetValue(p.Name, out var v) ? v : DefaultValue(p)).ToEquatableArray();
        return new ParsedAttribute(new AttributeModel(spec.Name, args), spec, location, argumentLocations, invalid, undefined, nulls);
    }

    /// <summary>
    /// Whether <paramref name="expression"/> is a number literal the parameter's type cannot take (1.5 for an
    /// int): the compiler reports it, yet the attribute keeps a converted constant, which must not be read.
    /// </summary>
    private static bool IsMistypedLiteral(ParamSpec param, ExpressionSyntax expression)
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

    /// <summary>The catalog default of <paramref name="p"/> as a resolved value (NaN for a required number).</summary>
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
                if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    number = double.NaN;
                }

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

    /// <summary>The member names of one of the DSL's enums (empty for an unknown enum).</summary>
    public static IReadOnlyList<string> EnumMemberNames(string? enumType) =>
        enumType is not null && EnumMembers.TryGetValue(enumType, out var members) ? members : Array.Empty<string>();

    private static double EnumOrdinal(string? enumType, string member)
    {
        if (enumType is not null && EnumMembers.TryGetValue(enumType, out var members))
        {
            int i = Array.IndexOf(members, member);
            return i;
        }

        return double.NaN;
    }

    private static ArgValue? Convert(ParamSpec p, TypedConstant c, out string? undefinedEnum)
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
                        undefinedEnum = $"({c.Type.Name}){ordinal.ToString(CultureInfo.InvariantCulture)}";
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
                        if (v.Kind != TypedConstantKind.Primitive || v.Value is not double)
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
