using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>An enum argument that compiles but names no member, e.g. <c>(OptimizerKind)9</c>.</summary>
/// <param name="Written">The value as written, for the message.</param>
/// <param name="Members">The enum's members (from the referenced runtime enum), for the suggestion.</param>
internal sealed record UndefinedEnum(string Written, EquatableArray<string> Members);

/// <summary>An attribute as parsed, with where it and each of its arguments stand in source.</summary>
/// <param name="Model">The resolved attribute.</param>
/// <param name="Location">The attribute's location.</param>
/// <param name="ArgumentLocations">The location of each argument the user wrote, by parameter name.</param>
/// <param name="InvalidArguments">
/// Arguments whose value could not be read (half-typed code: the compiler already reports an error there),
/// by the name the user wrote. Their model value is the catalog default; checks that read them are skipped.
/// </param>
/// <param name="UndefinedEnums">
/// Enum arguments that compile but name no member, by parameter name. The validator reports them: the
/// generator could not honour them.
/// </param>
/// <param name="NullArguments">
/// String, type and array arguments given as <c>null</c>, by parameter name: the compiler accepts them, so
/// the validator reports them (SSL026, or the attribute's own ID) and the generator emits nothing.
/// </param>
internal sealed record ParsedAttribute(
    AttributeModel Model,
    Location Location,
    IReadOnlyDictionary<string, Location> ArgumentLocations,
    IReadOnlyCollection<string> InvalidArguments,
    IReadOnlyDictionary<string, UndefinedEnum> UndefinedEnums,
    IReadOnlyCollection<string> NullArguments)
{
    /// <summary>Its catalog entry.</summary>
    public AttributeSpec Spec => Model.Spec;

    /// <summary>Whether this is the attribute <paramref name="spec"/>.</summary>
    public bool Is(AttributeSpec spec) => Model.Is(spec);

    /// <summary>The location of argument <paramref name="p"/>, or of the attribute when it was not written.</summary>
    public Location LocationOf(ParamSpec p) => ArgumentLocations.TryGetValue(p.Name, out var l) ? l : Location;

    /// <summary>Whether the value of <paramref name="p"/> is known: written and readable, or left at its default.</summary>
    public bool IsKnown(ParamSpec p) => !InvalidArguments.Contains(p.Name) && !UndefinedEnums.ContainsKey(p.Name) && !NullArguments.Contains(p.Name);

    /// <summary>Whether every one of <paramref name="ps"/> is known.</summary>
    public bool AreKnown(params ParamSpec[] ps) => ps.All(IsKnown);

    /// <summary>Whether the user wrote argument <paramref name="p"/>.</summary>
    public bool IsWritten(ParamSpec p) => ArgumentLocations.ContainsKey(p.Name);

    /// <summary>An int argument (see <see cref="AttributeModel.Get(IntParam)"/>).</summary>
    public int Get(IntParam p) => Model.Get(p);

    /// <summary>A double argument.</summary>
    public double Get(DoubleParam p) => Model.Get(p);

    /// <summary>The member name of an enum argument.</summary>
    public string Get(EnumParam p) => Model.Get(p);
}

/// <summary>An [Encoder] member as parsed.</summary>
/// <param name="Name">Member name.</param>
/// <param name="IsProperty">Property or method.</param>
/// <param name="Problem">Why it does not fit (not static, has parameters, wrong return type), or null.</param>
/// <param name="Attribute">The parsed [Encoder] attribute.</param>
/// <param name="Location">The member's identifier.</param>
internal sealed record ParsedEncoderMember(string Name, bool IsProperty, string? Problem, ParsedAttribute Attribute, Location Location)
{
    /// <summary>The [Projection] on the member, or null.</summary>
    public ParsedAttribute? Projection { get; init; }

    /// <summary>Whether the member's declared type implements SslDsl.ITimestampEncoder (a representation per time step, as TS2Vec needs).</summary>
    public bool EncodesTimestamps { get; init; }

    /// <summary>The augmentations on the member, in source (pipeline) order.</summary>
    public IReadOnlyList<ParsedAttribute> Steps { get; init; } = new ParsedAttribute[0];

    /// <summary>The input it reads as the member named it (a Modality member), or null when not written or not readable.</summary>
    public string? Input => Attribute.IsWritten(AttributeCatalog.Encoder.Input) && Attribute.IsKnown(AttributeCatalog.Encoder.Input) ? Attribute.Get(AttributeCatalog.Encoder.Input) : null;
}

/// <summary>A multi-task member reference as parsed.</summary>
/// <param name="Attribute">The [Objective] attribute.</param>
/// <param name="TypeName">The referenced type's display name, or null when it is not a type.</param>
/// <param name="IsPretextTask">Whether the type carries [PretextTask].</param>
/// <param name="TaskName">Its task name when it does.</param>
/// <param name="Input">Its input attribute, or null.</param>
/// <param name="FullyQualifiedName">global::-qualified name.</param>
/// <param name="IsMultiTask">Whether the type is itself a [MultiTaskPretraining].</param>
/// <param name="EncoderOutputDim">The member task's own encoder width ([Encoder] or [Backbone] OutputDim), or null when it has none.</param>
/// <param name="HasMomentum">Whether the member declares [MomentumEncoder] (its model then takes a second encoder instance).</param>
/// <param name="HasAdversarial">Whether the member declares [AdversarialLoss].</param>
/// <param name="KeepsState">Whether an objective of the member keeps state its AfterStep updates (NNCLR, SwAV, DINO).</param>
internal sealed record ParsedMember(
    ParsedAttribute Attribute,
    string? TypeName,
    bool IsPretextTask,
    string? TaskName,
    AttributeModel? Input,
    string? FullyQualifiedName,
    bool IsMultiTask = false,
    int? EncoderOutputDim = null,
    bool HasMomentum = false,
    bool HasAdversarial = false,
    bool KeepsState = false);

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
    /// cannot apply, a single-use attribute applied twice, a syntax error in the class's attribute lists or
    /// name, or an [Encoder] member whose signature has a syntax error or an unknown return type. The
    /// generator emits nothing then. (Read from symbols and syntax only: asking the semantic model for the
    /// attribute lists' diagnostics cost more than the rest of the generator together, on every keystroke.)
    /// </summary>
    public bool HasDeclarationErrors { get; set; }

    /// <summary>Whether both [PretextTask] and [MultiTaskPretraining] mark the class.</summary>
    public bool HasBothTaskAttributes { get; set; }

    /// <summary>When both mark the class: the first of them that is not <see cref="TaskAttribute"/>.</summary>
    public ParsedAttribute? OtherTaskAttribute { get; set; }

    /// <summary>Every attribute of ours on the class, in source order.</summary>
    public List<ParsedAttribute> Attributes { get; } = new();

    /// <summary>[Encoder] members.</summary>
    public List<ParsedEncoderMember> EncoderMembers { get; } = new();

    /// <summary>Multi-task members.</summary>
    public List<ParsedMember> Members { get; } = new();

    /// <summary>Augmentations and [Projection]s on members that are not [Encoder] members, with the member's name.</summary>
    public List<(string Member, ParsedAttribute Attribute)> StrayMemberAttributes { get; } = new();

    /// <summary>
    /// The class's attributes, then those of its [Encoder] members (with their projections and augmentations), of its
    /// [Objective] members and those that stand on other members.
    /// </summary>
    public IEnumerable<ParsedAttribute> AttributesWithMembers =>
        Attributes
            .Concat(EncoderMembers.SelectMany(m => new[] { m.Attribute }.Concat(m.Projection is null ? Enumerable.Empty<ParsedAttribute>() : new[] { m.Projection }).Concat(m.Steps)))
            .Concat(Members.Select(m => m.Attribute))
            .Concat(StrayMemberAttributes.Select(s => s.Attribute));

    /// <summary>Whether this is a multimodal task: a [PretextTask] with [ClipLoss].</summary>
    public bool IsMultimodal => !IsMultiTask && Attributes.Any(a => a.Is(AttributeCatalog.ClipLoss));

    /// <summary>Whether this is a multi-task pretraining.</summary>
    public bool IsMultiTask => TaskAttribute?.Is(AttributeCatalog.MultiTaskPretraining) == true;

    /// <summary>The task's name ("" when unreadable).</summary>
    public string TaskName => TaskAttribute?.Spec is AttributeCatalog.TaskSpec spec ? TaskAttribute.Model.Get(spec.TaskName) : "";

    /// <summary>The first attribute <paramref name="spec"/> on the class, or null.</summary>
    public ParsedAttribute? Find(AttributeSpec spec) => Attributes.FirstOrDefault(a => a.Is(spec));

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
