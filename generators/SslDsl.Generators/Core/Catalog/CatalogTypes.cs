using System;

namespace SslDsl.Generators;

/// <summary>What role an attribute plays in a task declaration.</summary>
internal enum AttributeCategory
{
    Task,
    MultiTask,
    MultiTaskMember,
    Views,
    Input,
    InputColumn,
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
    /// <summary>[Projection] on an encoder member of a multimodal task.</summary>
    Projection,
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
    /// <summary>&gt;= 1: a length in tokens or steps that may be fractional (a mean span).</summary>
    AtLeastOne,
    /// <summary>[0.01, 1]: CLIP's initial temperature (a logit scale from 1 to the clamp at 100).</summary>
    ClipTemperature,
}

/// <summary>
/// The objective family that plans an objective's heads and loss (one Emitting/Families class each). The
/// catalog is the one place that says which family owns an objective.
/// </summary>
internal enum ObjectiveFamily
{
    /// <summary>Not an objective.</summary>
    None,
    /// <summary>Compares embeddings of two or more views (SimCLR, MoCo, BYOL, Barlow Twins, VICReg, margin).</summary>
    JointEmbedding,
    /// <summary>Reconstructs the input from a corrupted copy (denoising, MAE, inpainting and its adversarial term).</summary>
    Reconstruction,
    /// <summary>Predicts a transformation or the future from view 0 (rotation, jigsaw, relative position, forecasting).</summary>
    Prediction,
    /// <summary>Text objectives on token states (masked, next-token and next-sentence prediction).</summary>
    Text,
    /// <summary>A student matches a momentum teacher's centred, sharpened distribution over its views (DINO).</summary>
    SelfDistillation,
    /// <summary>The views are assigned to trainable prototypes and predict each other's assignments (SwAV).</summary>
    Clustering,
    /// <summary>Two overlapping crops of a series contrasted step by step at every time scale (TS2Vec).</summary>
    TemporalContrast,
    /// <summary>Two inputs, each with its encoder and projection, contrasted with each other (CLIP): emitted by MultimodalEmitter, not planned by a family.</summary>
    Multimodal,
}

/// <summary>Which embeddings of the views a joint-embedding loss compares, and in which pairs.</summary>
internal enum ViewPairing
{
    /// <summary>Not a joint-embedding loss.</summary>
    None,
    /// <summary>Online embeddings z of views i &lt; j, each pair once (a symmetric loss).</summary>
    Pairs,
    /// <summary>Online embeddings z of every ordered pair of views (an asymmetric loss, symmetrized).</summary>
    OrderedPairs,
    /// <summary>The prediction p of each view against the momentum target t of every other view (BYOL, MoCo v3).</summary>
    PredictionToTarget,
    /// <summary>The prediction p of each view against the online embedding z of every other view, whose gradient the loss stops (SimSiam).</summary>
    PredictionToOnline,
    /// <summary>The nearest neighbour of each view's embedding z in a support set against the prediction p of every other view (NNCLR).</summary>
    NeighbourToPrediction,
}
