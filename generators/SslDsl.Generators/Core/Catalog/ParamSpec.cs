using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// One parameter (property or constructor argument) of an attribute: its name, C# type, default,
/// the range it must lie in and the diagnostic a value outside raises. Code reads a parameter's value
/// through the typed subclasses (<see cref="AttributeModel.Get(IntParam)"/> and its overloads), so a
/// misspelt parameter is a compile error of the generator, never a lookup that fails when it runs.
/// </summary>
internal abstract class ParamSpec
{
    protected ParamSpec(AttributeSpec owner, string name, ParamType type, string? defaultLiteral, Constraint constraint, string? diagnosticId, int positional)
    {
        Owner = owner;
        Name = name;
        Type = type;
        DefaultLiteral = defaultLiteral;
        Constraint = constraint;
        DiagnosticId = diagnosticId;
        Positional = positional;
    }

    /// <summary>The attribute the parameter belongs to.</summary>
    public AttributeSpec Owner { get; }

    /// <summary>Property name (PascalCase); constructor arguments use the property that exposes them.</summary>
    public string Name { get; }

    /// <summary>The C# type.</summary>
    public ParamType Type { get; }

    /// <summary>The default as C# source text, e.g. <c>0.5</c> or <c>OptimizerKind.AdamW</c>; null when the argument is required.</summary>
    public string? DefaultLiteral { get; }

    /// <summary>The range it must lie in.</summary>
    public Constraint Constraint { get; }

    /// <summary>The diagnostic reported when it is out of range.</summary>
    public string? DiagnosticId { get; }

    /// <summary>Index among the constructor arguments, or -1 for a named property.</summary>
    public int Positional { get; }

    /// <summary>Whether the argument must be written (it has no default).</summary>
    public bool IsRequired => DefaultLiteral is null;

    /// <summary>The default as a resolved value (what the model holds when the user does not write the argument).</summary>
    public abstract ArgValue DefaultValue { get; }

    /// <inheritdoc />
    public override string ToString() => Owner.Name + "." + Name;
}

/// <summary>An <c>int</c> parameter.</summary>
internal sealed class IntParam : ParamSpec
{
    public IntParam(AttributeSpec owner, string name, int? @default, Constraint constraint, string? diagnosticId, int positional)
        : base(owner, name, ParamType.Int, @default?.ToString(CultureInfo.InvariantCulture), constraint, diagnosticId, positional)
    {
        Default = @default ?? 0;
        DefaultValue = @default is { } d ? ArgValue.OfNumber(DefaultLiteral!, d, isExplicit: false) : ArgValue.OfNumber("default", double.NaN, isExplicit: false);
    }

    /// <summary>The default (0 when the argument is required).</summary>
    public int Default { get; }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}

/// <summary>A <c>long</c> parameter.</summary>
internal sealed class LongParam : ParamSpec
{
    public LongParam(AttributeSpec owner, string name, long @default, Constraint constraint, string? diagnosticId)
        : base(owner, name, ParamType.Long, @default.ToString(CultureInfo.InvariantCulture), constraint, diagnosticId, -1)
    {
        Default = @default;
        DefaultValue = ArgValue.OfNumber(DefaultLiteral + "L", @default, isExplicit: false);
    }

    /// <summary>The default.</summary>
    public long Default { get; }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}

/// <summary>A <c>double</c> parameter.</summary>
internal sealed class DoubleParam : ParamSpec
{
    public DoubleParam(AttributeSpec owner, string name, double @default, Constraint constraint, string? diagnosticId)
        : base(owner, name, ParamType.Double, ArgValue.FormatDouble(@default), constraint, diagnosticId, -1)
    {
        Default = @default;
        DefaultValue = ArgValue.OfNumber(DefaultLiteral!, @default, isExplicit: false);
    }

    /// <summary>The default.</summary>
    public double Default { get; }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}

/// <summary>A <c>bool</c> parameter.</summary>
internal sealed class BoolParam : ParamSpec
{
    public BoolParam(AttributeSpec owner, string name, bool @default)
        : base(owner, name, ParamType.Bool, @default ? "true" : "false", Constraint.None, null, -1)
    {
        Default = @default;
        DefaultValue = ArgValue.OfBool(@default, isExplicit: false);
    }

    /// <summary>The default.</summary>
    public bool Default { get; }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}

/// <summary>A parameter of one of the DSL's enums (OptimizerKind, ScheduleKind, FineTuneMode, BackboneKind, CategoricalEncoding).</summary>
internal sealed class EnumParam : ParamSpec
{
    public EnumParam(AttributeSpec owner, string name, string enumType, string defaultMember, int positional)
        : base(owner, name, ParamType.Enum, enumType + "." + defaultMember, Constraint.None, null, positional)
    {
        EnumType = enumType;
        Default = defaultMember;
        DefaultValue = ArgValue.OfText(DefaultLiteral!, defaultMember, isExplicit: false);
    }

    /// <summary>The enum's simple name, e.g. OptimizerKind.</summary>
    public string EnumType { get; }

    /// <summary>The default member's name, e.g. AdamW.</summary>
    public string Default { get; }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}

/// <summary>A <c>double[]</c> parameter (one value per channel, or one for all).</summary>
internal sealed class DoubleArrayParam : ParamSpec
{
    public DoubleArrayParam(AttributeSpec owner, string name, params double[] @default)
        : base(owner, name, ParamType.DoubleArray, ArgValue.FormatDoubles(@default), Constraint.None, null, -1)
    {
        Default = @default.ToImmutableArray();
        DefaultValue = ArgValue.OfNumbers(@default, isExplicit: false);
    }

    /// <summary>The default.</summary>
    public ImmutableArray<double> Default { get; }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}

/// <summary>A required <c>string</c> constructor argument (a task name).</summary>
internal sealed class StringParam : ParamSpec
{
    public StringParam(AttributeSpec owner, string name, int positional)
        : base(owner, name, ParamType.String, null, Constraint.None, null, positional)
    {
        DefaultValue = ArgValue.OfText("\"\"", "", isExplicit: false);
    }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}

/// <summary>A required <c>System.Type</c> constructor argument (a multi-task member).</summary>
internal sealed class TypeParam : ParamSpec
{
    public TypeParam(AttributeSpec owner, string name, int positional)
        : base(owner, name, ParamType.Type, null, Constraint.None, null, positional)
    {
        DefaultValue = ArgValue.OfText("default", null, isExplicit: false);
    }

    /// <inheritdoc />
    public override ArgValue DefaultValue { get; }
}
