using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// One attribute of the DSL: its name, role, the inputs it fits and its parameters. Each attribute is a
/// singleton in <see cref="AttributeCatalog"/>; an attribute with parameters has its own subclass that
/// exposes them as typed properties (<c>AttributeCatalog.PatchMask.Ratio</c>), registered in declaration order.
/// </summary>
internal abstract class AttributeSpec
{
    private readonly List<ParamSpec> _own = new();
    private readonly Lazy<ImmutableArray<ParamSpec>> _params;
    private readonly Lazy<AttributeModel> _defaults;

    protected AttributeSpec(string name, AttributeCategory category, Modality modalities)
    {
        Name = name;
        Category = category;
        Modalities = modalities;
        _params = new Lazy<ImmutableArray<ParamSpec>>(() => _own.Concat(Trailing).ToImmutableArray());
        _defaults = new Lazy<AttributeModel>(() => new AttributeModel(this, Params.Select(p => p.DefaultValue).ToEquatableArray()));
    }

    /// <summary>Short name without the Attribute suffix (e.g. RandomResizedCrop).</summary>
    public string Name { get; }

    /// <summary>Its role.</summary>
    public AttributeCategory Category { get; }

    /// <summary>The inputs it fits (for augmentations, masks and objectives).</summary>
    public Modality Modalities { get; }

    /// <summary>Its parameters, in declaration order (the runtime call and Describe() list them in this order).</summary>
    public ImmutableArray<ParamSpec> Params => _params.Value;

    /// <summary>The attribute with every parameter at its catalog default.</summary>
    public AttributeModel Defaults => _defaults.Value;

    /// <summary>The attribute's full metadata name, e.g. SslDsl.RandomResizedCropAttribute.</summary>
    public string MetadataName => "SslDsl." + Name + "Attribute";

    /// <summary>Parameters every attribute of a kind shares, after its own (P and View of a step, Weight of an objective).</summary>
    protected virtual IEnumerable<ParamSpec> Trailing => Enumerable.Empty<ParamSpec>();

    /// <summary>The parameter the user wrote as <paramref name="name"/>, or null when the attribute has none.</summary>
    public ParamSpec? Param(string name)
    {
        foreach (var p in Params)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    protected IntParam Int(string name, int? @default, Constraint constraint = Constraint.None, string? diagnosticId = null, int positional = -1) =>
        Own(new IntParam(this, name, @default, constraint, diagnosticId, positional));

    protected LongParam Long(string name, long @default) => Own(new LongParam(this, name, @default, Constraint.None, null));

    protected DoubleParam Double(string name, double @default, Constraint constraint = Constraint.None, string? diagnosticId = null) =>
        Own(new DoubleParam(this, name, @default, constraint, diagnosticId));

    protected BoolParam Bool(string name, bool @default) => Own(new BoolParam(this, name, @default));

    protected EnumParam Enum(string name, string enumType, string defaultMember, int positional = -1) =>
        Own(new EnumParam(this, name, enumType, defaultMember, positional));

    protected DoubleArrayParam Doubles(string name, params double[] @default) => Own(new DoubleArrayParam(this, name, @default));

    protected StringParam TextArg(string name, int positional) => Own(new StringParam(this, name, positional));

    protected TypeParam TypeArg(string name, int positional) => Own(new TypeParam(this, name, positional));

    private T Own<T>(T param)
        where T : ParamSpec
    {
        _own.Add(param);
        return param;
    }
}

/// <summary>An augmentation or masking step of the pipeline: its own parameters, then P and View.</summary>
internal class StepSpec : AttributeSpec
{
    public StepSpec(string name, AttributeCategory category, Modality modality, string runtimeClass, double p, bool corrupts = false)
        : base(name, category, modality)
    {
        RuntimeClass = runtimeClass;
        Corrupts = corrupts || category == AttributeCategory.Masking;
        P = new DoubleParam(this, nameof(P), p, Constraint.Probability, DiagnosticIds.Probability);
        View = new IntParam(this, nameof(View), -1, Constraint.None, null, -1);
    }

    /// <summary>The static runtime class implementing it, e.g. ImageAugment; its method has the attribute's name.</summary>
    public string RuntimeClass { get; }

    /// <summary>
    /// Whether it corrupts the input (noise, erasing, masking) rather than defining what a view shows: a
    /// reconstruction objective undoes the corruptions and reconstructs the result of the other steps.
    /// </summary>
    public bool Corrupts { get; }

    /// <summary>The probability that a sample is transformed.</summary>
    public DoubleParam P { get; }

    /// <summary>The view it is restricted to, or -1 for every view.</summary>
    public IntParam View { get; }

    /// <inheritdoc />
    protected override IEnumerable<ParamSpec> Trailing => new ParamSpec[] { P, View };
}

/// <summary>An objective: its own parameters, then its Weight in the total loss.</summary>
internal class ObjectiveSpec : AttributeSpec
{
    public ObjectiveSpec(string name, Modality modalities, ObjectiveFamily family, ViewPairing pairing = ViewPairing.None, double weight = 1.0)
        : base(name, AttributeCategory.Objective, modalities)
    {
        Family = family;
        Pairing = pairing;
        Weight = new DoubleParam(this, nameof(Weight), weight, Constraint.Positive, DiagnosticIds.Weight);
    }

    /// <summary>The family that plans its heads and loss.</summary>
    public ObjectiveFamily Family { get; }

    /// <summary>For a joint-embedding loss: the embeddings and view pairs it compares.</summary>
    public ViewPairing Pairing { get; }

    /// <summary>
    /// Whether it keeps state that the work after each update changes (a support set, prototypes, a centre), so a
    /// multi-task pretraining calls its task's AfterStep even without a momentum encoder.
    /// </summary>
    public bool KeepsState { get; protected init; }

    /// <summary>Its weight in the total loss.</summary>
    public DoubleParam Weight { get; }

    /// <summary>The runtime loss method, e.g. Losses.NtXent for NtXentLoss.</summary>
    public string RuntimeMethod => "Losses." + (Name.EndsWith("Loss", StringComparison.Ordinal) ? Name.Substring(0, Name.Length - 4) : Name);

    /// <inheritdoc />
    protected override IEnumerable<ParamSpec> Trailing => new ParamSpec[] { Weight };
}
