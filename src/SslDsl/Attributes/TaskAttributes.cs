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
    /// <param name="name">A name unique in the compilation; used in checkpoints, metrics and output folders.</param>
    public PretextTaskAttribute(string name) => Name = name;

    /// <summary>The task's name.</summary>
    public string Name { get; }
}

/// <summary>How many augmented views of each sample the pipeline draws (two for contrastive objectives).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ViewsAttribute : Attribute
{
    /// <summary>Declares the number of views.</summary>
    public ViewsAttribute(int count) => Count = count;

    /// <summary>The number of views.</summary>
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
    public MultiTaskPretrainingAttribute(string name) => Name = name;

    /// <summary>The task's name.</summary>
    public string Name { get; }
}

/// <summary>One member task of a <see cref="MultiTaskPretrainingAttribute"/> and its weight.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ObjectiveAttribute : Attribute
{
    /// <summary>Adds the pretext task <paramref name="task"/> to a multi-task pretraining.</summary>
    public ObjectiveAttribute(Type task) => Task = task;

    /// <summary>The pretext task class (marked with <see cref="PretextTaskAttribute"/>).</summary>
    public Type Task { get; }

    /// <summary>The weight of this task's loss in the sum. Must be &gt; 0.</summary>
    public double Weight { get; set; } = 1.0;
}
