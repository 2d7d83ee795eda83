using System.Collections.Generic;

namespace SslDsl;

/// <summary>What one epoch of pretraining measured.</summary>
/// <param name="Epoch">The epoch, 1-based.</param>
/// <param name="Steps">Optimizer steps taken in the epoch.</param>
/// <param name="Loss">Mean total loss over the epoch's steps.</param>
/// <param name="Terms">Mean of each loss term.</param>
/// <param name="LearningRate">Learning rate at the epoch's last step.</param>
/// <param name="Seconds">Wall time of the epoch.</param>
/// <param name="SamplesPerSecond">Throughput.</param>
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
public sealed record FitResult(IReadOnlyList<EpochMetrics> Epochs, double Seconds, int ResumedFromEpoch);
