using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Reads an [Objective(typeof(Task))] member of a multi-task pretraining: what the referenced task declares.</summary>
internal static class MemberTaskReader
{
    /// <summary>The member <paramref name="attribute"/> references (parsed as <paramref name="pa"/>).</summary>
    public static ParsedMember Read(AttributeData attribute, ParsedAttribute pa, CancellationToken cancellationToken)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol target || target.TypeKind == TypeKind.Error)
        {
            return new ParsedMember(pa, null, false, null, null, null);
        }

        var targetAttributes = target.GetAttributes();
        var specs = targetAttributes.Select(a => ByMetadataName(DeclarationReader.MetadataName(a.AttributeClass))).ToArray();
        int input = System.Array.FindIndex(specs, s => s?.Category == AttributeCategory.Input);
        AttributeData? task = targetAttributes.FirstOrDefault(a => DeclarationReader.MetadataName(a.AttributeClass) == TaskParser.PretextTaskAttribute);
        string? name = task is not null && task.ConstructorArguments.Length == 1 ? task.ConstructorArguments[0].Value as string : null;
        return new ParsedMember(
            pa,
            target.ToDisplayString(),
            task is not null,
            name,
            input < 0 ? null : AttributeReader.Read(targetAttributes[input], specs[input]!, pa.Location, cancellationToken).Model,
            target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            specs.Contains(MultiTaskPretraining),
            EncoderOutputDim(target, targetAttributes),
            HasMomentum: specs.Contains(MomentumEncoder),
            HasAdversarial: specs.Contains(AdversarialLoss),
            KeepsState: specs.Any(s => s is ObjectiveSpec { KeepsState: true }));
    }

    /// <summary>The OutputDim of a task's single encoder ([Encoder] member or [Backbone]), or null when it has none or several.</summary>
    private static int? EncoderOutputDim(INamedTypeSymbol task, ImmutableArray<AttributeData> attributes)
    {
        var found = new List<(AttributeData Data, IntParam OutputDim)>();
        found.AddRange(attributes.Where(a => DeclarationReader.MetadataName(a.AttributeClass) == Backbone.MetadataName).Select(a => (a, Backbone.OutputDim)));
        foreach (var member in task.GetMembers())
        {
            if (member is IMethodSymbol or IPropertySymbol)
            {
                found.AddRange(member.GetAttributes().Where(a => DeclarationReader.MetadataName(a.AttributeClass) == Encoder.MetadataName).Select(a => (a, Encoder.OutputDim)));
            }
        }

        if (found.Count != 1)
        {
            return null;
        }

        var (data, outputDim) = found[0];
        var named = data.NamedArguments.FirstOrDefault(n => n.Key == outputDim.Name);
        if (named.Key is null)
        {
            return outputDim.Default;
        }

        return named.Value.Kind == TypedConstantKind.Primitive && named.Value.Value is int dim ? dim : null;
    }
}
