using System.Collections.Generic;

namespace SslDsl;

/// <summary>What one epoch of pretraining measured.</summary>
/// <param name="Epoch">The epoch, 1-based.</param>
/// <param name="Steps">Batches whose loss counted in the epoch: one optimizer step each, or one step per <see cref="TrainingSettings.AccumulateSteps"/> batches.</param>
/// <param name="Loss">Mean total loss over those batches.</param>
/// <param name="Terms">Mean of each loss term.</param>
/// <param name="LearningRate">Learning rate at the epoch's last step.</param>
/// <param name="Seconds">Wall time of the epoch.</param>
/// <param name="SamplesPerSecond">Throughput: samples per second of all ranks together when several train.</param>
public sealed record EpochMetrics(
    int Epoch,
    long Steps,
    double Loss,
    IReadOnlyDictionary<string, double> Terms,
    double LearningRate,
    double Seconds,
    double SamplesPerSecond)
{
    /// <summary>Further measurements added by monitors (collapse, kNN accuracy), by name.</summary>
    public Dictionary<string, double> Extra { get; } = new();
}

/// <summary>The outcome of <c>Fit</c>.</summary>
/// <param name="Epochs">Per-epoch metrics, in order (including epochs restored from a checkpoint's history).</param>
/// <param name="Seconds">Wall time of this call.</param>
/// <param name="ResumedFromEpoch">The epoch training resumed after, or 0 for a fresh run.</param>
public sealed record FitResult(IReadOnlyList<EpochMetrics> Epochs, double Seconds, int ResumedFromEpoch)
{
    /// <summary>True when the run was cancelled before its last epoch ended (a resumable checkpoint was saved when there is an output folder).</summary>
    public bool Interrupted { get; init; }

    /// <summary>Batches skipped in the whole run (including before a resume) because their loss was not finite.</summary>
    public long SkippedBatches { get; init; }

    /// <summary>The checkpoint that holds the final state, or null when none was written.</summary>
    public string? Checkpoint { get; init; }
}

/// <summary>What one optimizer step measured.</summary>
/// <param name="Step">The global step just taken, 1-based (equal to the trainer's <c>GlobalStep</c> after it).</param>
/// <param name="Epoch">The epoch, 1-based.</param>
/// <param name="BatchInEpoch">Batches of the epoch consumed so far, this one included.</param>
/// <param name="Loss">The step's total loss.</param>
/// <param name="Terms">The step's loss terms.</param>
/// <param name="LearningRate">The learning rate of the step.</param>
public sealed record StepMetrics(long Step, int Epoch, long BatchInEpoch, double Loss, IReadOnlyDictionary<string, double> Terms, double LearningRate);
