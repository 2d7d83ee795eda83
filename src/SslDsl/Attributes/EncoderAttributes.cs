using System;

namespace SslDsl;

/// <summary>
/// Marks a static parameterless method or property that returns the encoder,
/// an <c>nn.Module&lt;Tensor, Tensor&gt;</c> mapping a batch to [B, OutputDim].
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class EncoderAttribute : Attribute
{
    /// <summary>Width of the representation the encoder returns; must be &gt; 0.</summary>
    public int OutputDim { get; set; }
}

/// <summary>Uses a built-in encoder instead of an <see cref="EncoderAttribute"/> member.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BackboneAttribute : Attribute
{
    /// <summary>Declares a built-in encoder.</summary>
    public BackboneAttribute(BackboneKind kind) => Kind = kind;

    /// <summary>The encoder family.</summary>
    public BackboneKind Kind { get; }
    /// <summary>Base width (channels or hidden units).</summary>
    public int Width { get; set; } = 32;
    /// <summary>Width of the representation; must be &gt; 0.</summary>
    public int OutputDim { get; set; } = 128;
    /// <summary>Number of blocks / layers.</summary>
    public int Depth { get; set; } = 2;
    /// <summary>Attention heads (TransformerEncoder).</summary>
    public int Heads { get; set; } = 4;
}
