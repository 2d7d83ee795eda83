using System;

namespace SslDsl;

/// <summary>
/// Base of every augmentation, masking and corruption. Attribute order in source is pipeline
/// order; each view draws its own random parameters. In a multimodal task, an augmentation stands on the
/// <see cref="EncoderAttribute"/> member of the input it augments.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public abstract class AugmentationAttribute : Attribute
{
    /// <summary>
    /// Probability that the augmentation is applied to a sample.
    /// Default: 1.0 (GaussianBlur, HorizontalFlip, RandomErasing and VerticalFlip: 0.5; Grayscale and Solarize: 0.2; ColorJitter: 0.8). Allowed: [0, 1]. Otherwise: SSL007.
    /// </summary>
    public double P { get; set; } = 1.0;

    /// <summary>
    /// Restricts the augmentation to one view (0-based), for asymmetric views as in BYOL.
    /// ///
    /// Default: -1 (every view). Any value; 0, 1, ... restrict the step to that view.
    /// </summary>
    public int View { get; set; } = -1;
}
