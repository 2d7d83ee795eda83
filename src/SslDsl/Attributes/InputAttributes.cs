using System;

namespace SslDsl;

/// <summary>Base of the input declarations; a task has exactly one.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public abstract class InputAttribute : Attribute
{
}

/// <summary>Images of a fixed size, batched as <see cref="ImageBatch"/> (float [B,C,H,W], values in [0,1]).</summary>
public sealed class ImageInputAttribute : InputAttribute
{
    /// <summary>
    /// Colour channels (1 for grayscale, 3 for RGB).
    /// Default: 1. Allowed: &gt;= 1; 3 for Saturation or Hue jitter to have an effect. Otherwise: SSL014, SSL015.
    /// </summary>
    public int Channels { get; set; } = 1;
    /// <summary>
    /// Height in pixels.
    /// Default: 28. Allowed: &gt;= 1. Otherwise: SSL015.
    /// </summary>
    public int Height { get; set; } = 28;
    /// <summary>
    /// Width in pixels.
    /// Default: 28. Allowed: &gt;= 1. Otherwise: SSL015.
    /// </summary>
    public int Width { get; set; } = 28;
}

/// <summary>Token sequences, batched as <see cref="TokenBatch"/> (long ids [B,L] and an attention mask).</summary>
public sealed class TextInputAttribute : InputAttribute
{
    /// <summary>
    /// Sequence length after padding or truncation.
    /// Default: 128. Allowed: &gt;= 1. Otherwise: SSL015.
    /// </summary>
    public int MaxLength { get; set; } = 128;
    /// <summary>
    /// Vocabulary size of the tokenizer.
    /// Default: 0 (not set). Allowed: &gt; 0; with [SpanCorruption], room for its sentinels above the special ids. Otherwise: SSL023, SSL047.
    /// </summary>
    public int VocabSize { get; set; }
    /// <summary>
    /// The padding token id.
    /// Default: 0. Allowed: from 0 to VocabSize - 1. Otherwise: SSL023.
    /// </summary>
    public int PadId { get; set; } = 0;
    /// <summary>
    /// The id of the [MASK] token.
    /// Default: 3. Allowed: from 0 to VocabSize - 1. Otherwise: SSL023.
    /// </summary>
    public int MaskId { get; set; } = 3;
    /// <summary>
    /// The id of the [CLS] / beginning-of-sequence token (never masked).
    /// Default: 1. Allowed: from 0 to VocabSize - 1. Otherwise: SSL023.
    /// </summary>
    public int ClsId { get; set; } = 1;
    /// <summary>
    /// The id of the [SEP] / end-of-sequence token (never masked).
    /// Default: 2. Allowed: from 0 to VocabSize - 1. Otherwise: SSL023.
    /// </summary>
    public int SepId { get; set; } = 2;
}

/// <summary>Rows of numeric features, batched as <see cref="TabularBatch"/> (float [B,F]).</summary>
public sealed class TabularInputAttribute : InputAttribute
{
    /// <summary>
    /// Number of features per row.
    /// Default: 0 (not set). Allowed: &gt;= 1; set (the number of columns); with VIME, at least the categorical columns' features. Otherwise: SSL015, SSL053.
    /// </summary>
    public int Features { get; set; }
}

/// <summary>Fixed-length multichannel series, batched as <see cref="SeriesBatch"/> (float [B,C,T]).</summary>
public sealed class TimeSeriesInputAttribute : InputAttribute
{
    /// <summary>
    /// Number of channels.
    /// Default: 1. Allowed: &gt;= 1. Otherwise: SSL015.
    /// </summary>
    public int Channels { get; set; } = 1;
    /// <summary>
    /// Window length in time steps.
    /// Default: 64. Allowed: &gt;= 1. Otherwise: SSL015.
    /// </summary>
    public int Length { get; set; } = 64;
}
