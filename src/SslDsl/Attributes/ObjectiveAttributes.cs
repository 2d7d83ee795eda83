using System;

namespace SslDsl;

/// <summary>Base of the objectives; several on one task are summed with their <see cref="Weight"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public abstract class ObjectiveLossAttribute : Attribute
{
    /// <summary>
    /// Weight of this term in the total loss.
    /// Default: 1.0 (AdversarialLoss: 0.001). Allowed: &gt; 0. Otherwise: SSL020.
    /// </summary>
    public double Weight { get; set; } = 1.0;
}

/// <summary>SimCLR's normalized temperature-scaled cross entropy over 2N views (2N-2 negatives per anchor).</summary>
public sealed class NtXentLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Softmax temperature.
    /// Default: 0.5. Allowed: &gt; 0. Otherwise: SSL008.
    /// </summary>
    public double Temperature { get; set; } = 0.5;
}

/// <summary>InfoNCE between queries and keys (MoCo; with a negative queue, the queue supplies the negatives).</summary>
public sealed class InfoNceLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Softmax temperature.
    /// Default: 0.2. Allowed: &gt; 0. Otherwise: SSL008.
    /// </summary>
    public double Temperature { get; set; } = 0.2;
}

/// <summary>BYOL: 2 - 2 cos(p(online(v1)), target(v2)), symmetrized. Needs a momentum encoder and a predictor.</summary>
public sealed class ByolLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>Barlow Twins: cross-correlation of the two views' embeddings driven to the identity.</summary>
public sealed class BarlowTwinsLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Weight of the off-diagonal (redundancy) term.
    /// Default: 0.0051. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Lambda { get; set; } = 0.0051;
}

/// <summary>VICReg: variance, invariance and covariance regularization.</summary>
public sealed class VicRegLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Weight of the invariance (MSE) term.
    /// Default: 25.0. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Invariance { get; set; } = 25.0;
    /// <summary>
    /// Weight of the variance (hinge on std) term.
    /// Default: 25.0. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Variance { get; set; } = 25.0;
    /// <summary>
    /// Weight of the covariance term.
    /// Default: 1.0. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Covariance { get; set; } = 1.0;
    /// <summary>
    /// Epsilon inside the square root of the variance term.
    /// Default: 0.0001. Allowed: &gt; 0. Otherwise: SSL026.
    /// </summary>
    public double Epsilon { get; set; } = 1e-4;
}

/// <summary>Siamese contrastive loss: pull positive pairs together (squared L2), push negatives beyond a margin.</summary>
public sealed class ContrastiveMarginLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Distance beyond which negative pairs stop contributing.
    /// Default: 1.0. Allowed: &gt; 0. Otherwise: SSL026.
    /// </summary>
    public double Margin { get; set; } = 1.0;
}

/// <summary>SimSiam: -cos(p(v1), stopgrad(z(v2))), symmetrized. Needs a predictor and no momentum encoder.</summary>
public sealed class SimSiamLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>MoCo v3: InfoNCE of the predictor's queries against the momentum network's keys of the other view, symmetrized, no queue.</summary>
public sealed class MocoV3LossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Softmax temperature.
    /// Default: 0.2. Allowed: &gt; 0. Otherwise: SSL008.
    /// </summary>
    public double Temperature { get; set; } = 0.2;
}

/// <summary>NNCLR: InfoNCE of each view's nearest neighbour in a support set of past embeddings against the other view's prediction.</summary>
public sealed class NnclrLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Softmax temperature.
    /// Default: 0.1. Allowed: &gt; 0. Otherwise: SSL008.
    /// </summary>
    public double Temperature { get; set; } = 0.1;
    /// <summary>
    /// Embeddings kept in the support set.
    /// Default: 16384. Allowed: a positive multiple of Training.BatchSize. Otherwise: SSL030.
    /// </summary>
    public int SupportSetSize { get; set; } = 16384;
}

/// <summary>Decoupled contrastive learning: NT-Xent without the positive pair in the denominator.</summary>
public sealed class DclLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Softmax temperature.
    /// Default: 0.1. Allowed: &gt; 0. Otherwise: SSL008.
    /// </summary>
    public double Temperature { get; set; } = 0.1;
}

/// <summary>Weighted decoupled contrastive learning: DCL with hard positives weighted up (negative von Mises-Fisher weights).</summary>
public sealed class DclwLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Softmax temperature.
    /// Default: 0.1. Allowed: &gt; 0. Otherwise: SSL008.
    /// </summary>
    public double Temperature { get; set; } = 0.1;
    /// <summary>
    /// Temperature of the positive pairs' weighting.
    /// Default: 0.5. Allowed: &gt; 0. Otherwise: SSL026.
    /// </summary>
    public double Sigma { get; set; } = 0.5;
}

/// <summary>
/// DINO: the student's softmax over <see cref="DinoHeadAttribute"/> outputs of every view is trained to match the
/// centred, sharpened softmax of the momentum (teacher) network on the other global views. Needs a
/// <see cref="MomentumEncoderAttribute"/> and a <see cref="DinoHeadAttribute"/>.
/// </summary>
public sealed class DinoLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// The student's softmax temperature.
    /// Default: 0.1. Allowed: &gt; 0; above TeacherTemperature and WarmupTeacherTemperature. Otherwise: SSL008, SSL028.
    /// </summary>
    public double StudentTemperature { get; set; } = 0.1;
    /// <summary>
    /// The teacher's temperature after the warm-up.
    /// Default: 0.04. Allowed: &gt; 0; below StudentTemperature. Otherwise: SSL008, SSL028.
    /// </summary>
    public double TeacherTemperature { get; set; } = 0.04;
    /// <summary>
    /// The teacher's temperature at the first epoch.
    /// Default: 0.04. Allowed: &gt; 0; below StudentTemperature. Otherwise: SSL008, SSL028.
    /// </summary>
    public double WarmupTeacherTemperature { get; set; } = 0.04;
    /// <summary>
    /// Epochs over which the teacher's temperature moves linearly from the warm-up value to the final one.
    /// Default: 30. Allowed: &gt;= 0. Otherwise: SSL025.
    /// </summary>
    public int WarmupTeacherTemperatureEpochs { get; set; } = 30;
    /// <summary>
    /// Momentum of the centre's moving average over teacher outputs.
    /// Default: 0.9. Allowed: (0, 1). Otherwise: SSL009.
    /// </summary>
    public double CenterMomentum { get; set; } = 0.9;
}

/// <summary>
/// SwAV: online clustering of the views' projections onto trainable prototypes; the Sinkhorn-Knopp codes of each
/// global crop are predicted from every other crop.
/// </summary>
public sealed class SwavLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Number of prototypes (clusters).
    /// Default: 3000. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Prototypes { get; set; } = 3000;
    /// <summary>
    /// Softmax temperature of the predictions.
    /// Default: 0.1. Allowed: &gt; 0. Otherwise: SSL008.
    /// </summary>
    public double Temperature { get; set; } = 0.1;
    /// <summary>
    /// Sinkhorn-Knopp iterations.
    /// Default: 3. Allowed: &gt;= 1. Otherwise: SSL026.
    /// </summary>
    public int SinkhornIterations { get; set; } = 3;
    /// <summary>
    /// Sinkhorn-Knopp's entropy regularization.
    /// Default: 0.05. Allowed: &gt; 0. Otherwise: SSL026.
    /// </summary>
    public double Epsilon { get; set; } = 0.05;
    /// <summary>
    /// Epochs during which the prototypes are not trained.
    /// Default: 1. Allowed: &gt;= 0. Otherwise: SSL025.
    /// </summary>
    public int FreezePrototypesEpochs { get; set; } = 1;
    /// <summary>
    /// Features of past batches kept per global crop to compute the codes with (0: no queue).
    /// Default: 0. Allowed: 0 (no queue) or a positive multiple of Training.BatchSize. Otherwise: SSL030.
    /// </summary>
    public int QueueSize { get; set; } = 0;
    /// <summary>
    /// The first epoch (0-based) whose codes use the queue.
    /// Default: 15. Allowed: &gt;= 0. Otherwise: SSL025.
    /// </summary>
    public int QueueStartEpoch { get; set; } = 15;
}

/// <summary>Mean squared reconstruction error of the input (autoencoders, MAE, inpainting).</summary>
public sealed class ReconstructionLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Count only masked pixels / patches (MAE, inpainting).
    /// Default: true. Either value.
    /// </summary>
    public bool MaskedOnly { get; set; } = true;
    /// <summary>
    /// Normalize each target patch by its own mean and std (MAE's normalized pixels); left unset, it follows the task.
    /// Default: true with a [PatchMask], false otherwise. Either value.
    /// </summary>
    public bool NormalizeTargets { get; set; } = false;
}

/// <summary>
/// VIME's self-supervised objective on rows corrupted by <see cref="VimeMaskAttribute"/>: a mask estimator predicts
/// which columns were replaced (binary cross-entropy) and a feature estimator reconstructs the clean row (squared
/// error for numeric columns, cross-entropy for categorical ones); the loss is mask + Alpha · reconstruction.
/// </summary>
public sealed class VimeLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Weight of the feature reconstruction term against the mask estimation term (VIME's alpha).
    /// Default: 2.0. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Alpha { get; set; } = 2.0;
}

/// <summary>Cross entropy of the original tokens at masked positions (BERT's MLM).</summary>
public sealed class MaskedTokenLossAttribute : ObjectiveLossAttribute
{
}

/// <summary>
/// T5's objective: a light transformer decoder, attending to the encoder's states of the corrupted input, predicts
/// the target of <see cref="SpanCorruptionAttribute"/> (sentinels and hidden spans) token by token.
/// </summary>
public sealed class SpanCorruptionLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Decoder layers.
    /// Default: 1. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int Layers { get; set; } = 1;
    /// <summary>
    /// Decoder attention heads.
    /// Default: 4. Allowed: &gt;= 1; a divisor of the encoder's OutputDim. Otherwise: SSL016, SSL048.
    /// </summary>
    public int Heads { get; set; } = 4;
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
    /// <summary>
    /// Number of rotation classes (4: 0, 90, 180, 270 degrees).
    /// Default: 4. Allowed: &gt;= 1; 2 or 4 (4 needs a square image). Otherwise: SSL015.
    /// </summary>
    public int Angles { get; set; } = 4;
}

/// <summary>Jigsaw: tiles of a Grid x Grid split are shuffled by one of a fixed set of permutations; predict which.</summary>
public sealed class JigsawPredictionAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Tiles per side.
    /// Default: 2. Allowed: &gt;= 1; at least 2, a divisor of the image's height and width. Otherwise: SSL015.
    /// </summary>
    public int Grid { get; set; } = 2;
    /// <summary>
    /// Size of the fixed permutation set (at most Grid²!).
    /// Default: 24. Allowed: &gt;= 1; 2 to (Grid * Grid)!. Otherwise: SSL015.
    /// </summary>
    public int Permutations { get; set; } = 24;
}

/// <summary>Predict the position of a neighbouring patch relative to the centre patch (8 neighbours on a 3x3 grid).</summary>
public sealed class RelativePatchPositionAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Patches per side: a centre and its 8 neighbours.
    /// Default: 3. Allowed: &gt;= 1; 3, dividing the image's height and width. Otherwise: SSL015.
    /// </summary>
    public int Grid { get; set; } = 3;
}

/// <summary>Predict the next <see cref="Horizon"/> steps of a series from the window before them (MSE).</summary>
public sealed class ForecastLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Steps to forecast; smaller than the input length.
    /// Default: 1. Allowed: &gt;= 1; less than TimeSeriesInput.Length. Otherwise: SSL015.
    /// </summary>
    public int Horizon { get; set; } = 1;
}

/// <summary>
/// TS2Vec (Yue et al. 2022): two overlapping random crops of each series, timestamp masking of the encoder's latent
/// vectors, and the hierarchical contrastive loss (instance-wise and temporal contrast at every scale of max-pooling
/// along time) on the per-step representations of the overlap. Needs an encoder that keeps the time axis
/// (<see cref="ITimestampEncoder"/>, e.g. <c>BackboneKind.DilatedConv</c>).
/// </summary>
public sealed class Ts2VecLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Weight of the instance-wise contrast; the temporal contrast has 1 - Alpha.
    /// Default: 0.5. Allowed: [0, 1]. Otherwise: SSL007.
    /// </summary>
    public double Alpha { get; set; } = 0.5;

    /// <summary>
    /// The first scale with a temporal contrast; the crops share at least 2^(TemporalUnit+1) steps.
    /// Default: 0. Allowed: &gt;= 0; 2^(TemporalUnit+1) at most TimeSeriesInput.Length. Otherwise: SSL026, SSL050.
    /// </summary>
    public int TemporalUnit { get; set; }

    /// <summary>
    /// Probability that a step's latent vector is masked (zeroed) in each crop.
    /// Default: 0.5. Allowed: (0, 1). Otherwise: SSL007.
    /// </summary>
    public double MaskRatio { get; set; } = 0.5;
}

/// <summary>Adds a discriminator to an inpainting / reconstruction task; generator and discriminator update alternately.</summary>
public sealed class AdversarialLossAttribute : ObjectiveLossAttribute
{
    /// <summary>Declares an adversarial term with weight 0.001 (context encoders' setting).</summary>
    public AdversarialLossAttribute() => Weight = 0.001;
}

/// <summary>
/// CLIP: the symmetric InfoNCE between the two inputs' projected embeddings of a multimodal task, with a learned
/// temperature (the logit scale 1 / Temperature, at most 100 as in CLIP).
/// </summary>
public sealed class ClipLossAttribute : ObjectiveLossAttribute
{
    /// <summary>
    /// Initial temperature of the learned logit scale.
    /// Default: 0.07. Allowed: [0.01, 1]. Otherwise: SSL037.
    /// </summary>
    public double Temperature { get; set; } = 0.07;
}
