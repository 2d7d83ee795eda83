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
    /// <summary>Colour channels (1 for grayscale, 3 for RGB).</summary>
    public int Channels { get; set; } = 1;
    /// <summary>Height in pixels.</summary>
    public int Height { get; set; } = 28;
    /// <summary>Width in pixels.</summary>
    public int Width { get; set; } = 28;
}

/// <summary>Token sequences, batched as <see cref="TokenBatch"/> (long ids [B,L] and an attention mask).</summary>
public sealed class TextInputAttribute : InputAttribute
{
    /// <summary>Sequence length after padding or truncation.</summary>
    public int MaxLength { get; set; } = 128;
    /// <summary>Vocabulary size; must be &gt; 0.</summary>
    public int VocabSize { get; set; }
    /// <summary>The padding token id.</summary>
    public int PadId { get; set; } = 0;
    /// <summary>The id of the [MASK] token.</summary>
    public int MaskId { get; set; } = 3;
    /// <summary>The id of the [CLS] / beginning-of-sequence token (never masked).</summary>
    public int ClsId { get; set; } = 1;
    /// <summary>The id of the [SEP] / end-of-sequence token (never masked).</summary>
    public int SepId { get; set; } = 2;
}

/// <summary>Rows of numeric features, batched as <see cref="TabularBatch"/> (float [B,F]).</summary>
public sealed class TabularInputAttribute : InputAttribute
{
    /// <summary>Number of features per row.</summary>
    public int Features { get; set; }
}

/// <summary>Fixed-length multichannel series, batched as <see cref="SeriesBatch"/> (float [B,C,T]).</summary>
public sealed class TimeSeriesInputAttribute : InputAttribute
{
    /// <summary>Number of channels.</summary>
    public int Channels { get; set; } = 1;
    /// <summary>Window length in time steps.</summary>
    public int Length { get; set; } = 64;
}
