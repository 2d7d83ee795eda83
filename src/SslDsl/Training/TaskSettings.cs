namespace SslDsl;

/// <summary>The optimizer a task declares (from <see cref="OptimizerAttribute"/>).</summary>
/// <param name="Kind">The optimizer.</param>
/// <param name="LearningRate">Base learning rate.</param>
/// <param name="WeightDecay">Weight decay.</param>
/// <param name="Momentum">Momentum (SGD and LARS).</param>
public sealed record OptimizerSettings(OptimizerKind Kind, double LearningRate, double WeightDecay, double Momentum)
{
    /// <summary>AdamW with learning rate 1e-3 and no weight decay: the default when a task declares no optimizer.</summary>
    public static OptimizerSettings Default { get; } = new(OptimizerKind.AdamW, 1e-3, 0.0, 0.9);
}

/// <summary>The learning-rate schedule a task declares (from <see cref="LearningRateScheduleAttribute"/>).</summary>
/// <param name="Kind">The schedule.</param>
/// <param name="WarmupEpochs">Epochs of linear warm-up.</param>
/// <param name="MinLearningRate">Learning rate at the end of cosine decay.</param>
/// <param name="StepEpochs">Epochs between decays (Step).</param>
/// <param name="Gamma">Decay factor (Step).</param>
public sealed record ScheduleSettings(ScheduleKind Kind, double WarmupEpochs, double MinLearningRate, int StepEpochs, double Gamma)
{
    /// <summary>A constant learning rate: the default when a task declares no schedule.</summary>
    public static ScheduleSettings Default { get; } = new(ScheduleKind.Constant, 0, 0, 30, 0.1);
}

/// <summary>Everything a task declares about training; run-time <see cref="TrainingOptions"/> override parts of it.</summary>
/// <param name="TaskName">The task's name.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Epochs">Epochs.</param>
/// <param name="Seed">Seed of weights, shuffling and augmentations.</param>
/// <param name="GradientClip">Largest gradient norm; 0 disables clipping.</param>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Schedule">The learning-rate schedule.</param>
/// <param name="AccumulateSteps">Batches whose gradients are summed into one optimizer update (1: an update after every batch).</param>
/// <param name="Precision">The arithmetic of the network's forward pass (float32 unless declared).</param>
public sealed record TrainingSettings(
    string TaskName,
    int BatchSize,
    int Epochs,
    long Seed,
    double GradientClip,
    OptimizerSettings Optimizer,
    ScheduleSettings Schedule,
    int AccumulateSteps = 1,
    TrainingPrecision Precision = TrainingPrecision.Float32);

/// <summary>The fine-tuning a task declares (from <see cref="FineTuneAttribute"/>).</summary>
/// <param name="Classes">Number of classes.</param>
/// <param name="Mode">What is trained.</param>
/// <param name="UnfreezeLastLayers">Encoder blocks trained with PartialUnfreeze.</param>
/// <param name="Epochs">Fine-tune epochs.</param>
/// <param name="LearningRate">Head learning rate.</param>
/// <param name="EncoderLearningRateScale">Encoder learning-rate multiplier (Full, PartialUnfreeze).</param>
/// <param name="BatchSize">Fine-tune batch size.</param>
public sealed record FineTuneSettings(
    int Classes,
    FineTuneMode Mode,
    int UnfreezeLastLayers,
    int Epochs,
    double LearningRate,
    double EncoderLearningRateScale,
    int BatchSize);
