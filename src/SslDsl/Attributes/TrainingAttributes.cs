using System;

namespace SslDsl;

/// <summary>The optimizer a task's trainer uses.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OptimizerAttribute : Attribute
{
    /// <summary>Declares the optimizer.</summary>
    public OptimizerAttribute(OptimizerKind kind) => Kind = kind;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Kind { get; }
    /// <summary>Base learning rate; must be &gt; 0.</summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>Weight decay; must be &gt;= 0.</summary>
    public double WeightDecay { get; set; } = 0.0;
    /// <summary>Momentum (SGD and LARS), in [0,1).</summary>
    public double Momentum { get; set; } = 0.9;
}

/// <summary>How the learning rate changes over training.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LearningRateScheduleAttribute : Attribute
{
    /// <summary>Declares the schedule.</summary>
    public LearningRateScheduleAttribute(ScheduleKind kind) => Kind = kind;

    /// <summary>The schedule.</summary>
    public ScheduleKind Kind { get; }
    /// <summary>Epochs of linear warm-up (WarmupCosine).</summary>
    public double WarmupEpochs { get; set; } = 0;
    /// <summary>The learning rate at the end of cosine decay.</summary>
    public double MinLearningRate { get; set; } = 0;
    /// <summary>Epochs between decays (Step).</summary>
    public int StepEpochs { get; set; } = 30;
    /// <summary>Decay factor (Step).</summary>
    public double Gamma { get; set; } = 0.1;
}

/// <summary>Batch size, epochs, seed, gradient clipping and accumulation; run-time options may override some of them.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TrainingAttribute : Attribute
{
    /// <summary>Samples per batch; must be &gt; 0.</summary>
    public int BatchSize { get; set; } = 256;
    /// <summary>Number of epochs; must be &gt; 0.</summary>
    public int Epochs { get; set; } = 10;
    /// <summary>Seed of every random draw (weights, shuffling, augmentations).</summary>
    public long Seed { get; set; } = 42;
    /// <summary>Largest gradient norm; 0 disables clipping; must be &gt;= 0.</summary>
    public double GradientClip { get; set; } = 0;
    /// <summary>Batches whose gradients are summed into one optimizer update (an effective batch AccumulateSteps times larger); must be &gt;= 1.</summary>
    public int AccumulateSteps { get; set; } = 1;
}

/// <summary>The downstream head trained on labels after pretraining.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FineTuneAttribute : Attribute
{
    /// <summary>Number of classes; must be &gt;= 2.</summary>
    public int Classes { get; set; }
    /// <summary>What is trained.</summary>
    public FineTuneMode Mode { get; set; } = FineTuneMode.LinearProbe;
    /// <summary>Encoder blocks trained with <see cref="FineTuneMode.PartialUnfreeze"/> (counted from the top).</summary>
    public int UnfreezeLastLayers { get; set; } = 0;
    /// <summary>Fine-tune epochs.</summary>
    public int Epochs { get; set; } = 10;
    /// <summary>Learning rate of the head.</summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>Multiplier of the learning rate for trainable encoder parameters (Full, PartialUnfreeze).</summary>
    public double EncoderLearningRateScale { get; set; } = 0.1;
    /// <summary>Fine-tune batch size.</summary>
    public int BatchSize { get; set; } = 256;
}
