namespace SslDsl;

/// <summary>MAE masking: hides a fraction of non-overlapping square patches of every image.</summary>
public sealed class PatchMaskAttribute : AugmentationAttribute
{
    /// <summary>
    /// Patch side in pixels.
    /// Default: 4. Allowed: &gt;= 1; a divisor of the image's height and width; the ViT's Backbone.PatchSize for MAE on a VisionTransformer. Otherwise: SSL015, SSL043.
    /// </summary>
    public int PatchSize { get; set; } = 4;
    /// <summary>
    /// Fraction of patches hidden.
    /// Default: 0.75. Allowed: (0, 1); one that keeps at least one of a VisionTransformer's patches visible (MAE). Otherwise: SSL007, SSL044.
    /// </summary>
    public double Ratio { get; set; } = 0.75;
}

/// <summary>Inpainting: hides one square block at a random position (context encoders).</summary>
public sealed class BlockMaskAttribute : AugmentationAttribute
{
    /// <summary>
    /// Block side in pixels.
    /// Default: 8. Allowed: &gt;= 1; smaller than the image. Otherwise: SSL015.
    /// </summary>
    public int Size { get; set; } = 8;
}

/// <summary>
/// BERT masking: selects <see cref="Probability"/> of the (non-special) tokens; of those,
/// <see cref="ReplaceWithMask"/> become [MASK], <see cref="ReplaceWithRandom"/> a random token,
/// and the rest stay. Only selected positions carry labels.
/// </summary>
public sealed class MaskTokensAttribute : AugmentationAttribute
{
    /// <summary>
    /// Fraction of tokens selected for prediction.
    /// Default: 0.15. Allowed: [0, 1]. Otherwise: SSL007.
    /// </summary>
    public double Probability { get; set; } = 0.15;
    /// <summary>
    /// Fraction of selected tokens replaced by [MASK].
    /// Default: 0.8. Allowed: [0, 1]; at most 1 - ReplaceWithRandom. Otherwise: SSL007, SSL022.
    /// </summary>
    public double ReplaceWithMask { get; set; } = 0.8;
    /// <summary>
    /// Fraction of selected tokens replaced by a random token.
    /// Default: 0.1. Allowed: [0, 1]; at most 1 - ReplaceWithMask. Otherwise: SSL007, SSL022.
    /// </summary>
    public double ReplaceWithRandom { get; set; } = 0.1;
}

/// <summary>SpanBERT / T5 style masking of contiguous spans with geometric lengths.</summary>
public sealed class SpanMaskAttribute : AugmentationAttribute
{
    /// <summary>
    /// Mean span length in tokens.
    /// Default: 3.0. Allowed: &gt;= 1; at most TextInput.MaxLength. Otherwise: SSL015.
    /// </summary>
    public double MeanSpan { get; set; } = 3.0;
    /// <summary>
    /// Fraction of tokens masked.
    /// Default: 0.15. Allowed: (0, 1). Otherwise: SSL007.
    /// </summary>
    public double Ratio { get; set; } = 0.15;
}

/// <summary>
/// Whole-word masking (BERT wwm): selects <see cref="Probability"/> of the words, and with a word all its
/// (non-special) tokens; of the selected tokens, <see cref="ReplaceWithMask"/> become [MASK],
/// <see cref="ReplaceWithRandom"/> a random token, and the rest stay. Words are the pre-tokenizer's pieces, marked
/// by <see cref="ByteLevelTokenizer.ToDataset"/> in <see cref="TokenBatch.WordStarts"/>.
/// </summary>
public sealed class WholeWordMaskAttribute : AugmentationAttribute
{
    /// <summary>
    /// Fraction of words selected for prediction.
    /// Default: 0.15. Allowed: [0, 1]. Otherwise: SSL007.
    /// </summary>
    public double Probability { get; set; } = 0.15;
    /// <summary>
    /// Fraction of selected tokens replaced by [MASK].
    /// Default: 0.8. Allowed: [0, 1]; at most 1 - ReplaceWithRandom. Otherwise: SSL007, SSL022.
    /// </summary>
    public double ReplaceWithMask { get; set; } = 0.8;
    /// <summary>
    /// Fraction of selected tokens replaced by a random token.
    /// Default: 0.1. Allowed: [0, 1]; at most 1 - ReplaceWithMask. Otherwise: SSL007, SSL022.
    /// </summary>
    public double ReplaceWithRandom { get; set; } = 0.1;
}

/// <summary>
/// T5 span corruption: noise spans (mean length <see cref="MeanSpan"/>, <see cref="NoiseDensity"/> of the tokens)
/// are each replaced by one sentinel (the top ids of the vocabulary: reserve them), and the target is the sentinels
/// followed by the spans they hide. <see cref="SpanCorruptionLossAttribute"/> decodes the target.
/// </summary>
public sealed class SpanCorruptionAttribute : AugmentationAttribute
{
    /// <summary>
    /// Fraction of tokens in noise spans.
    /// Default: 0.15. Allowed: (0, 1). Otherwise: SSL007.
    /// </summary>
    public double NoiseDensity { get; set; } = 0.15;
    /// <summary>
    /// Mean noise span length in tokens.
    /// Default: 3.0. Allowed: &gt;= 1; at most TextInput.MaxLength. Otherwise: SSL015.
    /// </summary>
    public double MeanSpan { get; set; } = 3.0;
}

/// <summary>SCARF: each selected feature is replaced by the same feature of a random other row (its marginal).</summary>
public sealed class FeatureCorruptionAttribute : AugmentationAttribute
{
    /// <summary>
    /// Fraction of features corrupted per row.
    /// Default: 0.6. Allowed: [0, 1]. Otherwise: SSL007.
    /// </summary>
    public double Rate { get; set; } = 0.6;
}

/// <summary>
/// VIME's mask generator and pretext corruption: each column of a row is masked with probability
/// <see cref="Probability"/> and a masked column takes the value of the same column in a random other row of the
/// batch (a one-hot block moves as a whole). <see cref="VimeLossAttribute"/> estimates the mask and reconstructs the row.
/// </summary>
public sealed class VimeMaskAttribute : AugmentationAttribute
{
    /// <summary>
    /// Probability that a column of a row is masked (VIME's p_m).
    /// Default: 0.3. Allowed: (0, 1). Otherwise: SSL007.
    /// </summary>
    public double Probability { get; set; } = 0.3;
}

/// <summary>Adds Gaussian noise to every time step.</summary>
public sealed class JitterAttribute : AugmentationAttribute
{
    /// <summary>
    /// Standard deviation of the noise.
    /// Default: 0.03. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Std { get; set; } = 0.03;
}

/// <summary>Multiplies each channel by a factor drawn from N(1, Std).</summary>
public sealed class ScalingAttribute : AugmentationAttribute
{
    /// <summary>
    /// Standard deviation of the factor.
    /// Default: 0.1. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Std { get; set; } = 0.1;
}

/// <summary>Zeroes a contiguous window of time steps.</summary>
public sealed class TimeMaskAttribute : AugmentationAttribute
{
    /// <summary>
    /// Fraction of the window masked.
    /// Default: 0.1. Allowed: (0, 1). Otherwise: SSL007.
    /// </summary>
    public double Ratio { get; set; } = 0.1;
}

/// <summary>
/// TS-TCC's permutation: cuts each series at random steps into 1 to <see cref="MaxSegments"/> segments and puts them
/// back in a random order (every channel alike).
/// </summary>
public sealed class SegmentPermutationAttribute : AugmentationAttribute
{
    /// <summary>
    /// The largest number of segments a series is cut into (the count is uniform from 1 to it).
    /// Default: 5. Allowed: from 2 to TimeSeriesInput.Length. Otherwise: SSL051.
    /// </summary>
    public int MaxSegments { get; set; } = 5;
}
