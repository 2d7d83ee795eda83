using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>An attribute as parsed, with where it and each of its arguments stand in source.</summary>
/// <param name="Model">The resolved attribute.</param>
/// <param name="Spec">Its catalog entry.</param>
/// <param name="Location">The attribute's location.</param>
/// <param name="ArgumentLocations">The location of each argument the user wrote, by parameter name.</param>
/// <param name="InvalidArguments">
/// Arguments whose value could not be read (half-typed code: the compiler already reports an error there),
/// by parameter name. Their model value is the catalog default; checks that read them are skipped.
/// </param>
/// <param name="UndefinedEnums">
/// Enum arguments that compile but name no member (e.g. <c>(OptimizerKind)9</c>), by parameter name, with
/// the value as written for the message. The validator reports them: the generator could not honour them.
/// </param>
/// <param name="NullArguments">
/// String, type and array arguments given as <c>null</c>, by parameter name: the compiler accepts them, so
/// the validator reports them (SSL026, or the attribute's own ID) and the generator emits nothing.
/// </param>
internal sealed record ParsedAttribute(
    AttributeModel Model,
    AttributeSpec Spec,
    Location Location,
    IReadOnlyDictionary<string, Location> ArgumentLocations,
    IReadOnlyCollection<string> InvalidArguments,
    IReadOnlyDictionary<string, string> UndefinedEnums,
    IReadOnlyCollection<string> NullArguments)
{
    /// <summary>The location of argument <paramref name="name"/>, or of the attribute when it was not written.</summary>
    public Location LocationOf(string name) => ArgumentLocations.TryGetValue(name, out var l) ? l : Location;

    /// <summary>Whether the value of <paramref name="name"/> is known: written and readable, or left at its default.</summary>
    public bool IsKnown(string name) => !InvalidArguments.Contains(name) && !UndefinedEnums.ContainsKey(name) && !NullArguments.Contains(name);

    /// <summary>Whether every one of <paramref name="names"/> is known.</summary>
    public bool AreKnown(params string[] names)
    {
        foreach (var name in names)
        {
            if (!IsKnown(name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the user wrote argument <paramref name="name"/>.</summary>
    public bool IsWritten(string name) => ArgumentLocations.ContainsKey(name);
}

/// <summary>An [Encoder] member as parsed.</summary>
/// <param name="Name">Member name.</param>
/// <param name="IsProperty">Property or method.</param>
/// <param name="Problem">Why it does not fit (not static, has parameters, wrong return type), or null.</param>
/// <param name="Attribute">The parsed [Encoder] attribute.</param>
/// <param name="Location">The member's identifier.</param>
internal sealed record ParsedEncoderMember(string Name, bool IsProperty, string? Problem, ParsedAttribute Attribute, Location Location);

/// <summary>A multi-task member reference as parsed.</summary>
/// <param name="Attribute">The [Objective] attribute.</param>
/// <param name="TypeName">The referenced type's display name, or null when it is not a type.</param>
/// <param name="IsPretextTask">Whether the type carries [PretextTask].</param>
/// <param name="TaskName">Its task name when it does.</param>
/// <param name="Input">Its input attribute's short name, or null.</param>
/// <param name="FullyQualifiedName">global::-qualified name.</param>
/// <param name="IsMultiTask">Whether the type is itself a [MultiTaskPretraining].</param>
/// <param name="EncoderOutputDim">The member task's own encoder width ([Encoder] or [Backbone] OutputDim), or null when it has none.</param>
/// <param name="HasMomentum">Whether the member declares [MomentumEncoder] (its model then takes a second encoder instance).</param>
/// <param name="HasAdversarial">Whether the member declares [AdversarialLoss].</param>
internal sealed record ParsedMember(
    ParsedAttribute Attribute,
    string? TypeName,
    bool IsPretextTask,
    string? TaskName,
    string? Input,
    string? FullyQualifiedName,
    bool IsMultiTask = false,
    int? EncoderOutputDim = null,
    bool HasMomentum = false,
    bool HasAdversarial = false);

/// <summary>
/// A task declaration as parsed from symbols: the attributes with their locations, for the
/// validator (which needs locations) and the model builder (which must not keep them).
/// </summary>
internal sealed class ParsedTask
{
    public ParsedTask(INamedTypeSymbol type, Location identifierLocation, TypeModel typeModel)
    {
        Type = type;
        IdentifierLocation = identifierLocation;
        TypeModel = typeModel;
    }

    /// <summary>The task class.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>The class identifier in its first declaration.</summary>
    public Location IdentifierLocation { get; }

    /// <summary>The declaration data for emission.</summary>
    public TypeModel TypeModel { get; }

    /// <summary>The [PretextTask] or [MultiTaskPretraining] attribute.</summary>
    public ParsedAttribute? TaskAttribute { get; set; }

    /// <summary>Whether the class and every enclosing type are partial.</summary>
    public bool IsPartial { get; set; }

    /// <summary>The types (the task class and its enclosing types, outermost first) declared without 'partial'.</summary>
    public List<string> NonPartialTypeNames { get; } = new();

    /// <summary>
    /// Whether an attribute on the class or on a member does not resolve (a typo, a missing using, half-typed
    /// code) or cannot apply where it stands ([Encoder] on a field). The compiler reports it; checks for
    /// something missing are skipped, since it may be that attribute.
    /// </summary>
    public bool HasUnresolvedAttributes { get; set; }

    /// <summary>
    /// Whether the declaration is too incomplete to check or to generate for (half-typed: the class has no
    /// name yet). The validator reports nothing and the generator emits nothing; the compiler reports the syntax error.
    /// </summary>
    public bool IsIncomplete => string.IsNullOrEmpty(Type.Name) || IdentifierLocation == Location.None;

    /// <summary>
    /// Whether the compiler rejects part of the declaration itself: an attribute that does not resolve or
    /// cannot apply, a syntax error in the class's attribute lists or name, or an [Encoder] member whose
    /// signature has a syntax error or an unknown return type. The generator emits nothing then.
    /// </summary>
    public bool HasDeclarationErrors { get; set; }

    /// <summary>Whether both [PretextTask] and [MultiTaskPretraining] mark the class.</summary>
    public bool HasBothTaskAttributes { get; set; }

    /// <summary>Every attribute of ours on the class, in source order.</summary>
    public List<ParsedAttribute> Attributes { get; } = new();

    /// <summary>[Encoder] members.</summary>
    public List<ParsedEncoderMember> EncoderMembers { get; } = new();

    /// <summary>Multi-task members.</summary>
    public List<ParsedMember> Members { get; } = new();

    /// <summary>The class's attributes, then those of its [Encoder] members and its [Objective] members.</summary>
    public IEnumerable<ParsedAttribute> AttributesWithMembers =>
        Attributes.Concat(EncoderMembers.Select(m => m.Attribute)).Concat(Members.Select(m => m.Attribute));

    /// <summary>Whether this is a multi-task pretraining.</summary>
    public bool IsMultiTask => TaskAttribute?.Model.Name == "MultiTaskPretraining";

    /// <summary>The task's name ("" when unreadable).</summary>
    public string TaskName => TaskAttribute?.Model.Text("Name") ?? "";

    /// <summary>Attributes of a category, in source order.</summary>
    public IEnumerable<ParsedAttribute> OfCategory(AttributeCategory category)
    {
        foreach (var a in Attributes)
        {
            if (a.Spec.Category == category)
            {
                yield return a;
            }
        }
    }
}
