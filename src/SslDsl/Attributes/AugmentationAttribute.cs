using System;

namespace SslDsl;

/// <summary>
/// Base of every augmentation, masking and corruption. Attribute order in source is pipeline
/// order; each view draws its own random parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class AugmentationAttribute : Attribute
{
    /// <summary>Probability that the augmentation is applied to a sample, in [0,1].</summary>
    public double P { get; set; } = 1.0;

    /// <summary>
    /// Restricts the augmentation to one view (0-based), for asymmetric views as in BYOL.
    /// -1 (the default) applies it to every view.
    /// </summary>
    public int View { get; set; } = -1;
}
