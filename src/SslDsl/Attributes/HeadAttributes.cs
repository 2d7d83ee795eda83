using System;

namespace SslDsl;

/// <summary>Base of the head declarations (projection, predictor, decoder, momentum target, queue).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public abstract class HeadAttribute : Attribute
{
}

/// <summary>The MLP projection g(h) that maps encoder output to the space where the loss is computed.</summary>
public sealed class ProjectionHeadAttribute : HeadAttribute
{
    /// <summary>
    /// Hidden width.
    /// Default: 512. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Hidden { get; set; } = 512;
    /// <summary>
    /// Output width.
    /// Default: 128. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Output { get; set; } = 128;
    /// <summary>
    /// Number of linear layers (1 = linear projection).
    /// Default: 2. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Layers { get; set; } = 2;
    /// <summary>
    /// Batch normalization after each hidden layer.
    /// Default: true. Either value.
    /// </summary>
    public bool BatchNorm { get; set; } = true;
}

/// <summary>The online network's predictor (BYOL, SimSiam); its output matches the projection output.</summary>
public sealed class PredictorHeadAttribute : HeadAttribute
{
    /// <summary>
    /// Hidden width.
    /// Default: 512. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Hidden { get; set; } = 512;
    /// <summary>
    /// Output width: the width of the embedding it regresses.
    /// Default: 128. Allowed: &gt;= 1; the projection's Output (the encoder's OutputDim without a projection). Otherwise: SSL016.
    /// </summary>
    public int Output { get; set; } = 128;
}

/// <summary>A decoder that reconstructs the input from the representation (autoencoders, MAE, inpainting).</summary>
public sealed class DecoderAttribute : HeadAttribute
{
    /// <summary>
    /// Hidden width.
    /// Default: 256. Allowed: &gt;= 1; a multiple of 4 and of Backbone.Heads for MAE on a VisionTransformer. Otherwise: SSL016, SSL044.
    /// </summary>
    public int Hidden { get; set; } = 256;
    /// <summary>
    /// Number of hidden layers.
    /// Default: 2. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Layers { get; set; } = 2;
}

/// <summary>An exponential-moving-average copy of encoder and projection used as the target network.</summary>
public sealed class MomentumEncoderAttribute : HeadAttribute
{
    /// <summary>
    /// EMA momentum (tau) at the start of training.
    /// Default: 0.99. Allowed: [0, 1). Otherwise: SSL009.
    /// </summary>
    public double Momentum { get; set; } = 0.99;

    /// <summary>
    /// Momentum at the end of training, reached by a cosine schedule. Unset (NaN) means: 1.0 with
    /// <see cref="ByolLossAttribute"/> (BYOL's schedule), otherwise constant <see cref="Momentum"/>.
    /// Default: NaN. Allowed: NaN, or from Momentum to 1. Otherwise: SSL009.
    /// </summary>
    public double FinalMomentum { get; set; } = double.NaN;
}

/// <summary>MoCo's memory bank of negative keys from past batches.</summary>
public sealed class NegativeQueueAttribute : HeadAttribute
{
    /// <summary>
    /// Number of keys kept.
    /// Default: 4096. Allowed: a positive multiple of Training.BatchSize, with a [MomentumEncoder]. Otherwise: SSL018.
    /// </summary>
    public int Size { get; set; } = 4096;
}

/// <summary>DINO's head: a 3-layer GELU MLP to a normalized bottleneck, then a weight-normalized layer to <see cref="Output"/> dimensions.</summary>
public sealed class DinoHeadAttribute : HeadAttribute
{
    /// <summary>
    /// Width of the hidden layers.
    /// Default: 2048. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Hidden { get; set; } = 2048;
    /// <summary>
    /// Width of the normalized bottleneck.
    /// Default: 256. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Bottleneck { get; set; } = 256;
    /// <summary>
    /// Output dimensions (the softmax's size).
    /// Default: 65536. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Output { get; set; } = 65536;
    /// <summary>
    /// Keep the last layer's rows at unit norm (no learned scale).
    /// Default: true. Either value.
    /// </summary>
    public bool NormalizeLastLayer { get; set; } = true;
    /// <summary>
    /// Epochs during which the last layer is not trained.
    /// Default: 0. Allowed: &gt;= 0. Otherwise: SSL025.
    /// </summary>
    public int FreezeLastLayerEpochs { get; set; } = 0;
}

/// <summary>
/// The linear projection (no bias, as in CLIP) of one input's representation into the embedding space a multimodal
/// task shares; it stands on that input's <see cref="EncoderAttribute"/> member.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ProjectionAttribute : Attribute
{
    /// <summary>
    /// Width of the shared embedding.
    /// Default: 64. Allowed: &gt;= 1; the same on both inputs. Otherwise: SSL016, SSL033.
    /// </summary>
    public int Output { get; set; } = 64;
}
