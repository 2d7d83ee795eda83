using System.Collections.Generic;

namespace SslDsl;

/// <summary>Accuracy and loss of a classifier on a labelled dataset.</summary>
/// <param name="Accuracy">Fraction of samples classified correctly.</param>
/// <param name="Loss">Mean cross entropy.</param>
/// <param name="Count">Number of samples evaluated.</param>
public sealed record EvaluationResult(double Accuracy, double Loss, long Count);

/// <summary>The outcome of fine-tuning.</summary>
/// <param name="Mode">What was trained.</param>
/// <param name="EpochLosses">Mean training loss per epoch.</param>
/// <param name="Train">Accuracy on the training data after the last epoch.</param>
/// <param name="Test">Accuracy on the test data, when a test set was given.</param>
/// <param name="Seconds">Wall time.</param>
/// <remarks>For a linear probe, <paramref name="EpochLosses"/> is the final head's curve and <see cref="Probe"/> holds the grid, the choice and the scores.</remarks>
public sealed record FineTuneResult(FineTuneMode Mode, IReadOnlyList<double> EpochLosses, EvaluationResult Train, EvaluationResult? Test, double Seconds)
{
    /// <summary>Accuracy on the validation split (for a linear probe: that of the chosen grid point, before the final refit).</summary>
    public EvaluationResult? Validation { get; init; }

    /// <summary>The linear probe's grid, choice and scores (<see cref="FineTuneMode.LinearProbe"/> only).</summary>
    public LinearProbeResult? Probe { get; init; }
}
