using System.Collections.Generic;

namespace SslDsl;

/// <summary>
/// Measures something about the representation during pretraining. Register monitors through
/// <see cref="TrainingOptions.Monitors"/> (or <see cref="TrainingOptions.CollapseMonitor"/>). They
/// run after each epoch with the network in eval mode and gradients off; the trainer restores the
/// global random state afterwards, so monitors never change the course of training. A monitor
/// that throws is reported in the log and switched off for the rest of the run.
/// </summary>
public interface ITrainingMonitor
{
    /// <summary>A short name used in log lines.</summary>
    string Name { get; }

    /// <summary>Called after each epoch, before its metrics are written; add measurements to <see cref="EpochMetrics.Extra"/>.</summary>
    void OnEpochEnd(ITrainingContext context, EpochMetrics metrics);

    /// <summary>Called once when <c>Fit</c> ends (also after a cancellation): write plots, summaries.</summary>
    void OnRunEnd(ITrainingContext context, IReadOnlyList<EpochMetrics> epochs)
    {
    }
}
