namespace SslDsl;

/// <summary>Crops a random area (scale and aspect ratio drawn per sample) and resizes it back to the input size.</summary>
public sealed class RandomResizedCropAttribute : AugmentationAttribute
{
    /// <summary>
    /// Smallest crop area as a fraction of the image.
    /// Default: 0.08. Allowed: (0, 1]; at most MaxScale. Otherwise: SSL007, SSL026.
    /// </summary>
    public double MinScale { get; set; } = 0.08;
    /// <summary>
    /// Largest crop area as a fraction of the image.
    /// Default: 1.0. Allowed: (0, 1]; at least MinScale. Otherwise: SSL007, SSL026.
    /// </summary>
    public double MaxScale { get; set; } = 1.0;
    /// <summary>
    /// Smallest aspect ratio (width / height).
    /// Default: 0.75. Allowed: &gt; 0; at most MaxRatio. Otherwise: SSL026.
    /// </summary>
    public double MinRatio { get; set; } = 3.0 / 4.0;
    /// <summary>
    /// Largest aspect ratio (width / height).
    /// Default: 1.3333333333333333. Allowed: &gt; 0; at least MinRatio. Otherwise: SSL026.
    /// </summary>
    public double MaxRatio { get; set; } = 4.0 / 3.0;
}

/// <summary>Mirrors the image left to right.</summary>
public sealed class HorizontalFlipAttribute : AugmentationAttribute
{
    /// <summary>Declares a horizontal flip with P = 0.5.</summary>
    public HorizontalFlipAttribute() => P = 0.5;
}

/// <summary>Mirrors the image top to bottom.</summary>
public sealed class VerticalFlipAttribute : AugmentationAttribute
{
    /// <summary>Declares a vertical flip with P = 0.5.</summary>
    public VerticalFlipAttribute() => P = 0.5;
}

/// <summary>Rotates by an angle drawn uniformly in [-Degrees, Degrees] (bilinear, zero fill).</summary>
public sealed class RandomRotationAttribute : AugmentationAttribute
{
    /// <summary>
    /// Largest rotation in degrees.
    /// Default: 15.0. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Degrees { get; set; } = 15.0;
}

/// <summary>Random brightness, contrast, saturation and hue changes (factors drawn per sample).</summary>
public sealed class ColorJitterAttribute : AugmentationAttribute
{
    /// <summary>Declares a colour jitter with P = 0.8.</summary>
    public ColorJitterAttribute() => P = 0.8;

    /// <summary>
    /// Brightness factor drawn in [1-b, 1+b].
    /// Default: 0.4. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Brightness { get; set; } = 0.4;
    /// <summary>
    /// Contrast factor drawn in [1-c, 1+c].
    /// Default: 0.4. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Contrast { get; set; } = 0.4;
    /// <summary>
    /// Saturation factor drawn in [1-s, 1+s] (colour images only).
    /// Default: 0.0. Allowed: &gt;= 0; 0 on a 1-channel image. Otherwise: SSL014, SSL026.
    /// </summary>
    public double Saturation { get; set; } = 0.0;
    /// <summary>
    /// Hue shift drawn in [-h, h] (colour images only).
    /// Default: 0.0. Allowed: [0, 0.5]; 0 on a 1-channel image. Otherwise: SSL014, SSL026.
    /// </summary>
    public double Hue { get; set; } = 0.0;
}

/// <summary>Converts to grayscale (kept at the input's channel count).</summary>
public sealed class GrayscaleAttribute : AugmentationAttribute
{
    /// <summary>Declares a grayscale conversion with P = 0.2.</summary>
    public GrayscaleAttribute() => P = 0.2;
}

/// <summary>Gaussian blur with a sigma drawn per sample.</summary>
public sealed class GaussianBlurAttribute : AugmentationAttribute
{
    /// <summary>Declares a blur with P = 0.5.</summary>
    public GaussianBlurAttribute() => P = 0.5;

    /// <summary>
    /// Odd kernel size, smaller than the image.
    /// Default: 3. Allowed: &gt;= 1; odd and smaller than the image. Otherwise: SSL015.
    /// </summary>
    public int KernelSize { get; set; } = 3;
    /// <summary>
    /// Smallest sigma.
    /// Default: 0.1. Allowed: &gt; 0; at most SigmaMax. Otherwise: SSL026.
    /// </summary>
    public double SigmaMin { get; set; } = 0.1;
    /// <summary>
    /// Largest sigma.
    /// Default: 2.0. Allowed: &gt; 0; at least SigmaMin. Otherwise: SSL026.
    /// </summary>
    public double SigmaMax { get; set; } = 2.0;
}

/// <summary>Inverts pixels above a threshold.</summary>
public sealed class SolarizeAttribute : AugmentationAttribute
{
    /// <summary>Declares a solarization with P = 0.2.</summary>
    public SolarizeAttribute() => P = 0.2;

    /// <summary>
    /// Pixels at or above this value become 1 - value.
    /// Default: 0.5. Allowed: [0, 1]. Otherwise: SSL007.
    /// </summary>
    public double Threshold { get; set; } = 0.5;
}

/// <summary>Adds zero-mean Gaussian noise (also the corruption of a denoising autoencoder).</summary>
public sealed class GaussianNoiseAttribute : AugmentationAttribute
{
    /// <summary>
    /// Standard deviation of the noise.
    /// Default: 0.1. Allowed: &gt;= 0. Otherwise: SSL026.
    /// </summary>
    public double Std { get; set; } = 0.1;
}

/// <summary>Erases a random rectangle (random area fraction), filling it with zeros.</summary>
public sealed class RandomErasingAttribute : AugmentationAttribute
{
    /// <summary>Declares a random erasing with P = 0.5.</summary>
    public RandomErasingAttribute() => P = 0.5;

    /// <summary>
    /// Smallest erased area fraction.
    /// Default: 0.02. Allowed: (0, 1]; at most MaxArea. Otherwise: SSL007, SSL026.
    /// </summary>
    public double MinArea { get; set; } = 0.02;
    /// <summary>
    /// Largest erased area fraction.
    /// Default: 0.33. Allowed: (0, 1]; at least MinArea. Otherwise: SSL007, SSL026.
    /// </summary>
    public double MaxArea { get; set; } = 0.33;
}

/// <summary>Per-channel normalization <c>(x - mean) / std</c>; deterministic, applied last in its place.</summary>
public sealed class NormalizeAttribute : AugmentationAttribute
{
    /// <summary>
    /// Per-channel means (one value applies to every channel).
    /// Default: { 0.5 }. Allowed: one value, or one per channel; not null. Otherwise: SSL015, SSL026.
    /// </summary>
    public double[] Mean { get; set; } = { 0.5 };
    /// <summary>
    /// Per-channel standard deviations (one value applies to every channel).
    /// Default: { 0.5 }. Allowed: one value &gt; 0, or one per channel; not null. Otherwise: SSL015, SSL026.
    /// </summary>
    public double[] Std { get; set; } = { 0.5 };
}
