using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Generators;

/// <summary>
/// Reads the task's [Encoder] members, what is wrong with their shape (SSL004), and what stands on them in a
/// multimodal task: the [Projection] and the augmentations of their input.
/// </summary>
internal static class EncoderMemberReader
{
    /// <summary>Adds the [Encoder] members of <paramref name="type"/> to <paramref name="parsed"/>, and flags unresolved member attributes.</summary>
    public static void Read(INamedTypeSymbol type, ParsedTask parsed, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol and not IPropertySymbol and not IFieldSymbol)
            {
                continue;
            }

            ParsedAttribute? projection = null;
            var steps = new List<ParsedAttribute>();
            var location = member.Locations.FirstOrDefault() ?? parsed.IdentifierLocation;
            ParsedEncoderMember? encoder = null;
            foreach (var attribute in member.GetAttributes())
            {
                if (!DeclarationReader.Resolves(attribute))
                {
                    parsed.HasUnresolvedAttributes = true;
                    parsed.HasDeclarationErrors = true;
                    continue;
                }

                string? metadataName = DeclarationReader.MetadataName(attribute.AttributeClass);
                if (metadataName != AttributeCatalog.Encoder.MetadataName)
                {
                    if (AttributeCatalog.ByMetadataName(metadataName) is { } spec && (spec is StepSpec || spec == AttributeCatalog.Projection))
                    {
                        var side = AttributeReader.Read(attribute, spec, location, cancellationToken);
                        if (spec is StepSpec)
                        {
                            steps.Add(side);
                        }
                        else
                        {
                            projection = side;
                        }
                    }

                    continue;
                }

                if (member is IFieldSymbol)
                {
                    // [Encoder] cannot apply to a field (the compiler says so): the encoder is not missing, it is misplaced.
                    parsed.HasUnresolvedAttributes = true;
                    parsed.HasDeclarationErrors = true;
                    continue;
                }

                var pa = AttributeReader.Read(attribute, AttributeCatalog.Encoder, location, cancellationToken);
                if (HasSignatureErrors(member, cancellationToken))
                {
                    parsed.HasDeclarationErrors = true;
                }

                encoder = new ParsedEncoderMember(member.Name, member is IPropertySymbol, Problem(member), pa, location) { EncodesTimestamps = EncodesTimestamps(member) };
            }

            if (encoder is not null)
            {
                parsed.EncoderMembers.Add(encoder with { Projection = projection, Steps = steps });
            }
            else
            {
                parsed.StrayMemberAttributes.AddRange(steps.Concat(projection is null ? Enumerable.Empty<ParsedAttribute>() : new[] { projection }).Select(a => (member.Name, a)));
            }
        }
    }

    /// <summary>Whether the member's declared type implements SslDsl.ITimestampEncoder.</summary>
    private static bool EncodesTimestamps(ISymbol member)
    {
        var type = member is IMethodSymbol m ? m.ReturnType : (member as IPropertySymbol)?.Type;
        return type is not null && (IsTimestampEncoder(type) || type.AllInterfaces.Any(IsTimestampEncoder));
    }

    private static bool IsTimestampEncoder(ITypeSymbol t) =>
        t.MetadataName == "ITimestampEncoder" && t.ContainingNamespace?.ToDisplayString() == "SslDsl";

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

    /// <summary>The problem of a member that is only not static (the one <see cref="Problem"/> a code fix repairs).</summary>
    public const string NotStatic = "is not static";

    /// <summary>Why the member cannot be the encoder (not static, has parameters, wrong return type), or null.</summary>
    private static string? Problem(ISymbol member)
    {
        var problems = new List<string>();
        if (!member.IsStatic)
        {
            problems.Add(NotStatic);
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
}
