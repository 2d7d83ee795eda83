using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Generators;

/// <summary>
/// Reads a task class into a <see cref="ParsedTask"/>: the declaration (<see cref="DeclarationReader"/>),
/// each attribute of ours (<see cref="AttributeReader"/>), the [Encoder] members (<see cref="EncoderMemberReader"/>)
/// and the multi-task members (<see cref="MemberTaskReader"/>). Never throws on half-typed code:
/// unreadable arguments keep their defaults and are recorded as invalid.
/// </summary>
internal static class TaskParser
{
    /// <summary>The metadata name of [PretextTask].</summary>
    public const string PretextTaskAttribute = "SslDsl.PretextTaskAttribute";

    /// <summary>The metadata name of [MultiTaskPretraining].</summary>
    public const string MultiTaskAttribute = "SslDsl.MultiTaskPretrainingAttribute";

    /// <summary>Parses <paramref name="type"/>.</summary>
    public static ParsedTask Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var identifier = DeclarationReader.IdentifierLocation(type, attributes, cancellationToken);
        var parsed = new ParsedTask(type, identifier, DeclarationReader.TypeModel(type));
        parsed.NonPartialTypeNames.AddRange(DeclarationReader.NonPartialTypes(type));
        parsed.IsPartial = parsed.NonPartialTypeNames.Count == 0;
        parsed.HasDeclarationErrors = DeclarationReader.HasSyntaxErrors(type, cancellationToken) || DeclarationReader.RepeatsASingleUseAttribute(attributes);

        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!DeclarationReader.Resolves(attribute))
            {
                parsed.HasUnresolvedAttributes = true;
                parsed.HasDeclarationErrors = true;
                continue;
            }

            var spec = AttributeCatalog.ByMetadataName(DeclarationReader.MetadataName(attribute.AttributeClass));
            if (spec is null)
            {
                continue;
            }

            var pa = AttributeReader.Read(attribute, spec, identifier, cancellationToken);
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
                        parsed.OtherTaskAttribute ??= pa;
                    }

                    break;
                case AttributeCategory.MultiTaskMember:
                    parsed.Members.Add(MemberTaskReader.Read(attribute, pa, cancellationToken));
                    break;
                case AttributeCategory.Encoder:
                    break;
                default:
                    parsed.Attributes.Add(pa);
                    break;
            }
        }

        EncoderMemberReader.Read(type, parsed, cancellationToken);
        return parsed;
    }

    /// <summary>Whether <paramref name="attributes"/> hold [PretextTask] or [MultiTaskPretraining].</summary>
    public static bool IsTask(System.Collections.Immutable.ImmutableArray<AttributeData> attributes) =>
        attributes.Any(a => DeclarationReader.MetadataName(a.AttributeClass) is PretextTaskAttribute or MultiTaskAttribute);
}
