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
    /// <summary>Hidden width.</summary>
    public int Hidden { get; set; } = 512;
    /// <summary>Output width.</summary>
    public int Output { get; set; } = 128;
    /// <summary>Number of linear layers (1 = linear projection).</summary>
    public int Layers { get; set; } = 2;
    /// <summary>Batch normalization after each hidden layer.</summary>
    public bool BatchNorm { get; set; } = true;
}

/// <summary>The online network's predictor (BYOL, SimSiam); its output matches the projection output.</summary>
public sealed class PredictorHeadAttribute : HeadAttribute
{
    /// <summary>Hidden width.</summary>
    public int Hidden { get; set; } = 512;
    /// <summary>Output width; must equal the projection output.</summary>
    public int Output { get; set; } = 128;
}

/// <summary>A decoder that reconstructs the input from the representation (autoencoders, MAE, inpainting).</summary>
public sealed class DecoderAttribute : HeadAttribute
{
    /// <summary>Hidden width.</summary>
    public int Hidden { get; set; } = 256;
    /// <summary>Number of hidden layers.</summary>
    public int Layers { get; set; } = 2;
}

/// <summary>An exponential-moving-average copy of encoder and projection used as the target network.</summary>
public sealed class MomentumEncoderAttribute : HeadAttribute
{
    /// <summary>EMA momentum (tau) at the start of training, in [0,1).</summary>
    public double Momentum { get; set; } = 0.99;

    /// <summary>
    /// Momentum at the end of training, reached by a cosine schedule. Unset (NaN) means: 1.0 with
    /// <see cref="ByolLossAttribute"/> (BYOL's schedule), otherwise constant <see cref="Momentum"/>.
    /// </summary>
    public double FinalMomentum { get; set; } = double.NaN;
}

/// <summary>MoCo's memory bank of negative keys from past batches.</summary>
public sealed class NegativeQueueAttribute : HeadAttribute
{
    /// <summary>Number of keys kept; a positive multiple of the batch size.</summary>
    public int Size { get; set; } = 4096;
}

/// <summary>DINO's head: a 3-layer GELU MLP to a normalized bottleneck, then a weight-normalized layer to <see cref="Output"/> dimensions.</summary>
public sealed class DinoHeadAttribute : HeadAttribute
{
    /// <summary>Width of the hidden layers.</summary>
    public int Hidden { get; set; } = 2048;
    /// <summary>Width of the normalized bottleneck.</summary>
    public int Bottleneck { get; set; } = 256;
    /// <summary>Output dimensions (the softmax's size).</summary>
    public int Output { get; set; } = 65536;
    /// <summary>Keep the last layer's rows at unit norm (no learned scale).</summary>
    public bool NormalizeLastLayer { get; set; } = true;
    /// <summary>Epochs during which the last layer is not trained.</summary>
    public int FreezeLastLayerEpochs { get; set; } = 0;
}
