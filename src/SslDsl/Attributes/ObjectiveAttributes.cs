using System;

namespace SslDsl;

/// <summary>Base of the objectives; several on one task are summed with their <see cref="Weight"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public abstract class ObjectiveLossAttribute : Attribute
{
    /// <summary>Weight of this term in the total loss; must be &gt; 0.</summary>
    public double Weight { get; set; } = 1.0;
}

/// <summary>SimCLR's normalized temperature-scaled cross entropy over 2N views (2N-2 negatives per anchor).</summary>
public sealed class NtXentLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Softmax temperature; must be &gt; 0.</summary>
    public double Temperature { get; set; } = 0.5;
}

/// <summary>InfoNCE between queries and keys (MoCo; with a negative queue, the queue supplies the negatives).</summary>
public sealed class InfoNceLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Softmax temperature; must be &gt; 0.</summary>
    public double Temperature { get; set; } = 0.2;
}

/// <summary>BYOL: 2 - 2 cos(p(online(v1)), target(v2)), symmetrized. Needs a momentum encoder and a predictor.</summary>
public sealed class ByolLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>Barlow Twins: cross-correlation of the two views' embeddings driven to the identity.</summary>
public sealed class BarlowTwinsLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Weight of the off-diagonal (redundancy) term.</summary>
    public double Lambda { get; set; } = 0.0051;
}

/// <summary>VICReg: variance, invariance and covariance regularization.</summary>
public sealed class VicRegLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Weight of the invariance (MSE) term.</summary>
    public double Invariance { get; set; } = 25.0;
    /// <summary>Weight of the variance (hinge on std) term.</summary>
    public double Variance { get; set; } = 25.0;
    /// <summary>Weight of the covariance term.</summary>
    public double Covariance { get; set; } = 1.0;
    /// <summary>Epsilon inside the square root of the variance term.</summary>
    public double Epsilon { get; set; } = 1e-4;
}

/// <summary>Siamese contrastive loss: pull positive pairs together (squared L2), push negatives beyond a margin.</summary>
public sealed class ContrastiveMarginLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Distance beyond which negative pairs stop contributing.</summary>
    public double Margin { get; set; } = 1.0;
}

/// <summary>SimSiam: -cos(p(v1), stopgrad(z(v2))), symmetrized. Needs a predictor and no momentum encoder.</summary>
public sealed class SimSiamLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>MoCo v3: InfoNCE of the predictor's queries against the momentum network's keys of the other view, symmetrized, no queue.</summary>
public sealed class MocoV3LossAttribute : ObjectiveLossAttribute
{
    /// <summary>Softmax temperature; must be &gt; 0.</summary>
    public double Temperature { get; set; } = 0.2;
}

/// <summary>NNCLR: InfoNCE of each view's nearest neighbour in a support set of past embeddings against the other view's prediction.</summary>
public sealed class NnclrLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Softmax temperature; must be &gt; 0.</summary>
    public double Temperature { get; set; } = 0.1;
    /// <summary>Embeddings kept in the support set; a positive multiple of the batch size.</summary>
    public int SupportSetSize { get; set; } = 16384;
}

/// <summary>Decoupled contrastive learning: NT-Xent without the positive pair in the denominator.</summary>
public sealed class DclLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Softmax temperature; must be &gt; 0.</summary>
    public double Temperature { get; set; } = 0.1;
}

/// <summary>Weighted decoupled contrastive learning: DCL with hard positives weighted up (negative von Mises-Fisher weights).</summary>
public sealed class DclwLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Softmax temperature; must be &gt; 0.</summary>
    public double Temperature { get; set; } = 0.1;
    /// <summary>Temperature of the positive pairs' weighting; must be &gt; 0.</summary>
    public double Sigma { get; set; } = 0.5;
}

/// <summary>
/// DINO: the student's softmax over <see cref="DinoHeadAttribute"/> outputs of every view is trained to match the
/// centred, sharpened softmax of the momentum (teacher) network on the other global views. Needs a
/// <see cref="MomentumEncoderAttribute"/> and a <see cref="DinoHeadAttribute"/>.
/// </summary>
public sealed class DinoLossAttribute : ObjectiveLossAttribute
{
    /// <summary>The student's softmax temperature; must be &gt; 0.</summary>
    public double StudentTemperature { get; set; } = 0.1;
    /// <summary>The teacher's temperature after the warm-up; must be &gt; 0 and below the student's.</summary>
    public double TeacherTemperature { get; set; } = 0.04;
    /// <summary>The teacher's temperature at the first epoch; must be &gt; 0 and below the student's.</summary>
    public double WarmupTeacherTemperature { get; set; } = 0.04;
    /// <summary>Epochs over which the teacher's temperature moves linearly from the warm-up value to the final one.</summary>
    public int WarmupTeacherTemperatureEpochs { get; set; } = 30;
    /// <summary>Momentum of the centre's moving average over teacher outputs, in (0,1).</summary>
    public double CenterMomentum { get; set; } = 0.9;
}

/// <summary>
/// SwAV: online clustering of the views' projections onto trainable prototypes; the Sinkhorn-Knopp codes of each
/// global crop are predicted from every other crop.
/// </summary>
public sealed class SwavLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Number of prototypes (clusters).</summary>
    public int Prototypes { get; set; } = 3000;
    /// <summary>Softmax temperature of the predictions; must be &gt; 0.</summary>
    public double Temperature { get; set; } = 0.1;
    /// <summary>Sinkhorn-Knopp iterations; at least 1.</summary>
    public int SinkhornIterations { get; set; } = 3;
    /// <summary>Sinkhorn-Knopp's entropy regularization; must be &gt; 0.</summary>
    public double Epsilon { get; set; } = 0.05;
    /// <summary>Epochs during which the prototypes are not trained.</summary>
    public int FreezePrototypesEpochs { get; set; } = 1;
    /// <summary>Features of past batches kept per global crop to compute the codes with (0: no queue); a multiple of the batch size.</summary>
    public int QueueSize { get; set; } = 0;
    /// <summary>The first epoch (0-based) whose codes use the queue.</summary>
    public int QueueStartEpoch { get; set; } = 15;
}

/// <summary>Mean squared reconstruction error of the input (autoencoders, MAE, inpainting).</summary>
public sealed class ReconstructionLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Count only masked pixels / patches (MAE, inpainting).</summary>
    public bool MaskedOnly { get; set; } = true;
    /// <summary>Normalize each target patch by its own mean and std (MAE's normalized pixels).</summary>
    public bool NormalizeTargets { get; set; } = false;
}

/// <summary>Cross entropy of the original tokens at masked positions (BERT's MLM).</summary>
public sealed class MaskedTokenLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>Causal language modelling: predict token t+1 from tokens up to t.</summary>
public sealed class NextTokenLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>Binary classification: is the second half the true continuation of the first?</summary>
public sealed class NextSentenceLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>Predict which of <see cref="Angles"/> rotations (multiples of 360/Angles degrees) was applied.</summary>
public sealed class RotationPredictionAttribute : ObjectiveLossAttribute
{
    /// <summary>Number of rotation classes (4: 0, 90, 180, 270 degrees).</summary>
    public int Angles { get; set; } = 4;
}

/// <summary>Jigsaw: tiles of a Grid x Grid split are shuffled by one of a fixed set of permutations; predict which.</summary>
public sealed class JigsawPredictionAttribute : ObjectiveLossAttribute
{
    /// <summary>Tiles per side; must divide the image size.</summary>
    public int Grid { get; set; } = 2;
    /// <summary>Size of the fixed permutation set (at most Grid²!).</summary>
    public int Permutations { get; set; } = 24;
}

/// <summary>Predict the position of a neighbouring patch relative to the centre patch (8 neighbours on a 3x3 grid).</summary>
public sealed class RelativePatchPositionAttribute : ObjectiveLossAttribute
{
    /// <summary>Tiles per side; must be 3 and divide the image size.</summary>
    public int Grid { get; set; } = 3;
}

/// <summary>Predict the next <see cref="Horizon"/> steps of a series from the window before them (MSE).</summary>
public sealed class ForecastLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Steps to forecast; smaller than the input length.</summary>
    public int Horizon { get; set; } = 1;
}

/// <summary>Adds a discriminator to an inpainting / reconstruction task; generator and discriminator update alternately.</summary>
public sealed class AdversarialLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Declares an adversarial term with weight 0.001 (context encoders' setting).</summary>
    public AdversarialLossAttribute() => Weight = 0.001;
}
