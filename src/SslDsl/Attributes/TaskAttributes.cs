using System;

namespace SslDsl;

/// <summary>
/// Marks a <c>partial</c> class as a self-supervised pretext task. The source generator emits
/// <c>Model</c>, <c>Pipeline</c>, <c>Trainer</c>, <c>FineTuner</c> and <c>Describe()</c> for it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PretextTaskAttribute : Attribute
{
    /// <summary>Declares a pretext task.</summary>
    /// <param name="name">A name unique in the compilation; used in checkpoints, metrics and output folders. Default: none (required). Allowed: a name no other task of the compilation has; not null. Otherwise: SSL024, SSL026.</param>
    public PretextTaskAttribute(string name) => Name = name;

    /// <summary>
    /// The task's name.
    /// Default: none (required). Allowed: a name no other task of the compilation has; not null. Otherwise: SSL024, SSL026.
    /// </summary>
    public string Name { get; }
}

/// <summary>How many augmented views of each sample the pipeline draws (two for contrastive objectives).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ViewsAttribute : Attribute
{
    /// <summary>Declares the number of views.</summary>
    /// <param name="count">How many augmented views of each sample the pipeline draws. Default: none (required). Allowed: 1 to 64; at least 2 with a joint-embedding objective. Otherwise: SSL010, SSL026.</param>
    public ViewsAttribute(int count) => Count = count;

    /// <summary>
    /// The number of views.
    /// Default: none (required). Allowed: 1 to 64; at least 2 with a joint-embedding objective. Otherwise: SSL010, SSL026.
    /// </summary>
    public int Count { get; }
}

/// <summary>
/// Multi-crop views (SwAV, DINO): two global crops of <see cref="GlobalSize"/> pixels and
/// <see cref="LocalViews"/> local crops of the smaller <see cref="LocalSize"/>, each a random resized crop of its
/// own scale range. It declares the views (instead of <see cref="ViewsAttribute"/>) and crops them (instead of
/// <see cref="RandomResizedCropAttribute"/>); the other augmentations apply to every crop, or to the one their
/// View names (0 and 1 are the global crops, then the local ones). The global crops come first in the views.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MultiCropAttribute : Attribute
{
    /// <summary>
    /// Side of the square global crops, in pixels.
    /// Default: 224. Allowed: &gt;= 1; larger than LocalSize. Otherwise: SSL015, SSL027.
    /// </summary>
    public int GlobalSize { get; set; } = 224;
    /// <summary>
    /// Side of the square local crops, in pixels.
    /// Default: 96. Allowed: &gt;= 1; smaller than GlobalSize. Otherwise: SSL015, SSL027.
    /// </summary>
    public int LocalSize { get; set; } = 96;
    /// <summary>
    /// Number of local crops (0: the two global crops only).
    /// Default: 6. Allowed: &gt;= 0; at most 62. Otherwise: SSL026.
    /// </summary>
    public int LocalViews { get; set; } = 6;
    /// <summary>
    /// Smallest global crop area, as a fraction of the image.
    /// Default: 0.4. Allowed: (0, 1]; at most GlobalMaxScale. Otherwise: SSL007, SSL026.
    /// </summary>
    public double GlobalMinScale { get; set; } = 0.4;
    /// <summary>
    /// Largest global crop area, as a fraction of the image.
    /// Default: 1.0. Allowed: (0, 1]; at least GlobalMinScale. Otherwise: SSL007, SSL026.
    /// </summary>
    public double GlobalMaxScale { get; set; } = 1.0;
    /// <summary>
    /// Smallest local crop area, as a fraction of the image.
    /// Default: 0.05. Allowed: (0, 1]; at most LocalMaxScale. Otherwise: SSL007, SSL026.
    /// </summary>
    public double LocalMinScale { get; set; } = 0.05;
    /// <summary>
    /// Largest local crop area, as a fraction of the image.
    /// Default: 0.4. Allowed: (0, 1]; at least LocalMinScale. Otherwise: SSL007, SSL026.
    /// </summary>
    public double LocalMaxScale { get; set; } = 0.4;
}

/// <summary>
/// Declares a task that pretrains one shared encoder on several pretext tasks at once:
/// <c>L = sum of Weight_i * L_i</c> over its <see cref="ObjectiveAttribute"/> entries.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MultiTaskPretrainingAttribute : Attribute
{
    /// <summary>Declares a multi-task pretraining.</summary>
    /// <param name="name">A name unique in the compilation; used in checkpoints, metrics and output folders. Default: none (required). Allowed: a name no other task of the compilation has; not null. Otherwise: SSL024, SSL026.</param>
    public MultiTaskPretrainingAttribute(string name) => Name = name;

    /// <summary>
    /// The task's name.
    /// Default: none (required). Allowed: a name no other task of the compilation has; not null. Otherwise: SSL024, SSL026.
    /// </summary>
    public string Name { get; }
}

/// <summary>One member task of a <see cref="MultiTaskPretrainingAttribute"/> and its weight.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ObjectiveAttribute : Attribute
{
    /// <summary>Adds the pretext task <paramref name="task"/> to a multi-task pretraining.</summary>
    /// <param name="task">The member task class. Default: none (required). Allowed: a [PretextTask] class reading the same input as the other members, listed once. Otherwise: SSL019.</param>
    public ObjectiveAttribute(Type task) => Task = task;

    /// <summary>
    /// The pretext task class (marked with <see cref="PretextTaskAttribute"/>).
    /// Default: none (required). Allowed: a [PretextTask] class reading the same input as the other members, listed once. Otherwise: SSL019.
    /// </summary>
    public Type Task { get; }

    /// <summary>
    /// The weight of this task's loss in the sum.
    /// Default: 1.0. Allowed: &gt; 0. Otherwise: SSL020.
    /// </summary>
    public double Weight { get; set; } = 1.0;
}
