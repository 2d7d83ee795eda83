using System;

namespace SslDsl;

/// <summary>
/// Marks a static parameterless method or property that returns the encoder,
/// an <c>nn.Module&lt;Tensor, Tensor&gt;</c> mapping a batch to [B, OutputDim].
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class EncoderAttribute : Attribute
{
    /// <summary>
    /// Width of the representation the encoder returns.
    /// Default: 0 (not set). Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int OutputDim { get; set; }
    /// <summary>
    /// The input this encoder reads, in a multimodal task (one encoder per input); a task with one input may leave it unset.
    /// Default: Image. Allowed: an input the task declares, read by no other encoder; in a multimodal task, written on each encoder. Otherwise: SSL035.
    /// </summary>
    public Modality Input { get; set; }
}

/// <summary>Uses a built-in encoder instead of an <see cref="EncoderAttribute"/> member.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BackboneAttribute : Attribute
{
    /// <summary>Declares a built-in encoder.</summary>
    /// <param name="kind">The built-in encoder. Default: none (required). Allowed: a kind that reads the task's input (SmallCnn, ResNet and VisionTransformer images, TransformerEncoder text, Conv1d and DilatedConv series, Mlp any flat input); not Mlp or VisionTransformer with [MultiCrop]; DilatedConv with [Ts2VecLoss]. Otherwise: SSL013, SSL027, SSL049.</param>
    public BackboneAttribute(BackboneKind kind) => Kind = kind;

    /// <summary>
    /// The encoder family.
    /// Default: none (required). Allowed: a kind that reads the task's input (SmallCnn, ResNet and VisionTransformer images, TransformerEncoder text, Conv1d and DilatedConv series, Mlp any flat input); not Mlp or VisionTransformer with [MultiCrop]; DilatedConv with [Ts2VecLoss]. Otherwise: SSL013, SSL027, SSL049.
    /// </summary>
    public BackboneKind Kind { get; }
    /// <summary>
    /// Base width (channels or hidden units).
    /// Default: 32. Allowed: &gt;= 1; a multiple of 4 for a VisionTransformer with sine-cosine positions. Otherwise: SSL016, SSL042.
    /// </summary>
    public int Width { get; set; } = 32;
    /// <summary>
    /// Width of the representation.
    /// Default: 128. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int OutputDim { get; set; } = 128;
    /// <summary>
    /// Number of blocks / layers.
    /// Default: 2. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Depth { get; set; } = 2;
    /// <summary>
    /// Attention heads (TransformerEncoder, VisionTransformer).
    /// Default: 4. Allowed: &gt;= 1; a divisor of Width (TransformerEncoder); a divisor of Width (VisionTransformer). Otherwise: SSL016, SSL041.
    /// </summary>
    public int Heads { get; set; } = 4;
    /// <summary>
    /// Patch side in pixels (VisionTransformer): the image becomes (Height / PatchSize) x (Width / PatchSize) tokens.
    /// Default: 4. Allowed: &gt;= 1; a divisor of the image's height and width (VisionTransformer). Otherwise: SSL016, SSL040.
    /// </summary>
    public int PatchSize { get; set; } = 4;
    /// <summary>
    /// Learned position embedding (VisionTransformer) instead of MAE's fixed 2-D sine-cosine table.
    /// Default: false. Allowed: false only with a Width that is a multiple of 4 (VisionTransformer). Otherwise: SSL042.
    /// </summary>
    public bool LearnedPositions { get; set; }
}
