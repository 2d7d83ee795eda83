using System;

namespace SslDsl;

/// <summary>The optimizer a task's trainer uses.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OptimizerAttribute : Attribute
{
    /// <summary>Declares the optimizer.</summary>
    /// <param name="kind">The optimizer. Default: none (required). Allowed: a named OptimizerKind. Otherwise: SSL025.</param>
    public OptimizerAttribute(OptimizerKind kind) => Kind = kind;

    /// <summary>
    /// The optimizer.
    /// Default: none (required). Allowed: a named OptimizerKind. Otherwise: SSL025.
    /// </summary>
    public OptimizerKind Kind { get; }
    /// <summary>
    /// Base learning rate.
    /// Default: 0.001. Allowed: &gt; 0. Otherwise: SSL025.
    /// </summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>
    /// Weight decay.
    /// Default: 0.0. Allowed: &gt;= 0. Otherwise: SSL025.
    /// </summary>
    public double WeightDecay { get; set; } = 0.0;
    /// <summary>
    /// Momentum (SGD and LARS).
    /// Default: 0.9. Allowed: [0, 1). Otherwise: SSL009.
    /// </summary>
    public double Momentum { get; set; } = 0.9;
}

/// <summary>How the learning rate changes over training.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LearningRateScheduleAttribute : Attribute
{
    /// <summary>Declares the schedule.</summary>
    /// <param name="kind">The schedule. Default: none (required). Allowed: a named ScheduleKind. Otherwise: SSL025.</param>
    public LearningRateScheduleAttribute(ScheduleKind kind) => Kind = kind;

    /// <summary>
    /// The schedule.
    /// Default: none (required). Allowed: a named ScheduleKind. Otherwise: SSL025.
    /// </summary>
    public ScheduleKind Kind { get; }
    /// <summary>
    /// Epochs of linear warm-up (WarmupCosine).
    /// Default: 0.0. Allowed: &gt;= 0; less than Training.Epochs with WarmupCosine for the cosine decay to start. Otherwise: SSL025, SSL032.
    /// </summary>
    public double WarmupEpochs { get; set; } = 0;
    /// <summary>
    /// The learning rate at the end of cosine decay.
    /// Default: 0.0. Allowed: &gt;= 0; at most Optimizer.LearningRate with a cosine. Otherwise: SSL025.
    /// </summary>
    public double MinLearningRate { get; set; } = 0;
    /// <summary>
    /// Epochs between decays (Step).
    /// Default: 30. Allowed: &gt;= 1. Otherwise: SSL025.
    /// </summary>
    public int StepEpochs { get; set; } = 30;
    /// <summary>
    /// Decay factor (Step).
    /// Default: 0.1. Allowed: &gt; 0. Otherwise: SSL025.
    /// </summary>
    public double Gamma { get; set; } = 0.1;
}

/// <summary>Batch size, epochs, seed, gradient clipping, accumulation and precision; run-time options may override some of them.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TrainingAttribute : Attribute
{
    /// <summary>
    /// Samples per batch.
    /// Default: 256. Allowed: &gt;= 1. Otherwise: SSL025.
    /// </summary>
    public int BatchSize { get; set; } = 256;
    /// <summary>
    /// Number of epochs.
    /// Default: 10. Allowed: &gt;= 1. Otherwise: SSL025.
    /// </summary>
    public int Epochs { get; set; } = 10;
    /// <summary>
    /// Seed of every random draw (weights, shuffling, augmentations).
    /// Default: 42. Any value.
    /// </summary>
    public long Seed { get; set; } = 42;
    /// <summary>
    /// Largest gradient norm; 0 disables clipping.
    /// Default: 0.0. Allowed: &gt;= 0. Otherwise: SSL025.
    /// </summary>
    public double GradientClip { get; set; } = 0;
    /// <summary>
    /// Batches whose gradients are summed into one optimizer update (an effective batch AccumulateSteps times larger).
    /// Default: 1. Allowed: &gt;= 1. Otherwise: SSL025.
    /// </summary>
    public int AccumulateSteps { get; set; } = 1;
    /// <summary>
    /// The arithmetic of the network's forward pass: Float32, MixedBFloat16 (convolutions and linear layers in bfloat16, as torch.autocast), or Auto (MixedBFloat16 where the CPU computes bfloat16 natively).
    /// Default: Float32. Any value.
    /// </summary>
    public TrainingPrecision Precision { get; set; } = TrainingPrecision.Float32;
}

/// <summary>The downstream head trained on labels after pretraining.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FineTuneAttribute : Attribute
{
    /// <summary>
    /// Number of classes.
    /// Default: 0 (not set). Allowed: at least 2. Otherwise: SSL021.
    /// </summary>
    public int Classes { get; set; }
    /// <summary>
    /// What is trained.
    /// Default: LinearProbe. Allowed: a named FineTuneMode. Otherwise: SSL021.
    /// </summary>
    public FineTuneMode Mode { get; set; } = FineTuneMode.LinearProbe;
    /// <summary>
    /// Encoder blocks trained with <see cref="FineTuneMode.PartialUnfreeze"/> (counted from the top).
    /// Default: 0. Allowed: &gt;= 0, and &gt;= 1 with PartialUnfreeze. Otherwise: SSL021.
    /// </summary>
    public int UnfreezeLastLayers { get; set; } = 0;
    /// <summary>
    /// Fine-tune epochs.
    /// Default: 10. Allowed: &gt;= 1. Otherwise: SSL025.
    /// </summary>
    public int Epochs { get; set; } = 10;
    /// <summary>
    /// Learning rate of the head.
    /// Default: 0.001. Allowed: &gt; 0. Otherwise: SSL025.
    /// </summary>
    public double LearningRate { get; set; } = 1e-3;
    /// <summary>
    /// Multiplier of the learning rate for trainable encoder parameters (Full, PartialUnfreeze).
    /// Default: 0.1. Allowed: &gt; 0. Otherwise: SSL025.
    /// </summary>
    public double EncoderLearningRateScale { get; set; } = 0.1;
    /// <summary>
    /// Fine-tune batch size.
    /// Default: 256. Allowed: &gt;= 1. Otherwise: SSL025.
    /// </summary>
    public int BatchSize { get; set; } = 256;
}
