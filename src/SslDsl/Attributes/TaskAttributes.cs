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
