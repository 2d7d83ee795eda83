using System;
using System.Collections.Immutable;

namespace SslDsl.Generators;

/// <summary>What role an attribute plays in a task declaration.</summary>
internal enum AttributeCategory
{
    Task,
    MultiTask,
    MultiTaskMember,
    Views,
    Input,
    Augmentation,
    Masking,
    Head,
    Objective,
    Optimizer,
    Schedule,
    Training,
    FineTune,
    Encoder,
    Backbone,
}

/// <summary>The input modalities an attribute fits.</summary>
[Flags]
internal enum Modality
{
    None = 0,
    Image = 1,
    Text = 2,
    Tabular = 4,
    Series = 8,
    Any = Image | Text | Tabular | Series,
}

/// <summary>The C# type of an attribute parameter.</summary>
internal enum ParamType
{
    Int,
    Long,
    Double,
    Bool,
    DoubleArray,
    Enum,
    String,
    Type,
}

/// <summary>The range a parameter must lie in; the validator reports the paired diagnostic when it does not.</summary>
internal enum Constraint
{
    None,
    /// <summary>[0, 1].</summary>
    Probability,
    /// <summary>(0, 1): mask ratios.</summary>
    OpenUnit,
    /// <summary>(0, 1]: crop scales.</summary>
    UnitPositive,
    /// <summary>&gt; 0.</summary>
    Positive,
    /// <summary>&gt;= 0.</summary>
    NonNegative,
    /// <summary>[0, 1): EMA momentum.</summary>
    Momentum,
    /// <summary>[0, 0.5]: hue shift.</summary>
    HalfUnit,
}

/// <summary>One parameter (property or constructor argument) of an attribute, with its default.</summary>
/// <param name="Name">Property name (PascalCase); constructor arguments use the property that exposes them.</param>
/// <param name="Type">The C# type.</param>
/// <param name="Default">The default as C# source text (null: required, no default).</param>
/// <param name="Constraint">The range it must lie in.</param>
/// <param name="DiagnosticId">The diagnostic reported when it is out of range.</param>
/// <param name="Positional">Index among the constructor arguments, or -1 for a named property.</param>
/// <param name="EnumType">The enum's simple name for <see cref="ParamType.Enum"/>.</param>
internal sealed record ParamSpec(
    string Name,
    ParamType Type,
    string? Default,
    Constraint Constraint = Constraint.None,
    string? DiagnosticId = null,
    int Positional = -1,
    string? EnumType = null);

/// <summary>One attribute of the DSL.</summary>
/// <param name="Name">Short name without the Attribute suffix (e.g. RandomResizedCrop).</param>
/// <param name="Category">Its role.</param>
/// <param name="Modalities">The inputs it fits (for augmentations, masks and objectives).</param>
/// <param name="Params">Its parameters, in declaration order.</param>
/// <param name="RuntimeClass">The static runtime class implementing it (augmentations), or null.</param>
internal sealed record AttributeSpec(
    string Name,
    AttributeCategory Category,
    Modality Modalities,
    ImmutableArray<ParamSpec> Params,
    string? RuntimeClass = null)
{
    /// <summary>The attribute's full metadata name, e.g. SslDsl.RandomResizedCropAttribute.</summary>
    public string MetadataName => "SslDsl." + Name + "Attribute";

    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
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
}
