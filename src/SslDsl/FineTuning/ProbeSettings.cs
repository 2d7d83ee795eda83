using System;
using System.Collections.Generic;
using System.Linq;

namespace SslDsl;

/// <summary>
/// How <see cref="LinearProbe"/> trains and selects a linear classifier on frozen features: every
/// (learning rate, weight decay) pair of the grid is trained on the training features and scored on
/// the validation features; the best pair is trained again on training + validation features and
/// scored once on the test features. Training is AdamW on standardized features with a cosine schedule
/// for <see cref="Epochs"/> epochs and at least <see cref="MinSteps"/> steps, enough for the convex problem to converge
/// (docs/benchmarks.md). Grid points whose learning rate times weight decay reaches 1 are skipped (<see cref="Grid"/>).
/// </summary>
public sealed record ProbeSettings
{
    /// <summary>The learning rates tried.</summary>
    public IReadOnlyList<double> LearningRates { get; init; } = new[] { 1e-3, 4e-3 };

    /// <summary>
    /// The (decoupled, AdamW) weight decays tried: by default {1e-4, 0.1, 1, 10}, from next to no regularisation to a
    /// strong one. AdamW shrinks the weights by lr x wd each step, so over a short fit (500 steps at lr 1e-3) a decay of
    /// 0.1 shrinks them by only 2.5 %: a probe fitted on a few hundred labels needs the larger values, and validation
    /// chooses 10 there (docs/benchmarks.md, section 1), while a long fit on many labels chooses a small one.
    /// </summary>
    public IReadOnlyList<double> WeightDecays { get; init; } = new[] { 1e-4, 1e-1, 1, 10 };

    /// <summary>Epochs over the cached features per fit (more when <see cref="MinSteps"/> asks for them).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>
    /// The fewest optimizer steps a fit takes (500 by default; 0: <see cref="Epochs"/> decides alone). A small labelled
    /// set is one batch per epoch (550 images in batches of 1,024), so 30 epochs would be 30 steps, far from converged;
    /// with 500 such a head converges too, while the main job's 55,000 images (54 batches x 30 epochs = 1,620 steps)
    /// are not affected.
    /// </summary>
    public int MinSteps { get; init; } = 500;

    /// <summary>The epochs a fit on <paramref name="samples"/> samples runs: <see cref="Epochs"/>, or more to reach <see cref="MinSteps"/>.</summary>
    public int EpochsFor(long samples)
    {
        long batches = Math.Max(1, (samples + BatchSize - 1) / BatchSize);
        return (int)Math.Max(Epochs, (MinSteps + batches - 1) / batches);
    }

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Seed of the head's initial weights and of the batch order.</summary>
    public long Seed { get; init; }

    /// <summary>
    /// Whether the final head is trained on training + validation data (true, the default: every label helps once
    /// the settings are chosen) or on the training data alone (false: label-efficiency studies, where the
    /// validation labels must not add to the labelled fraction being measured).
    /// </summary>
    public bool RefitOnValidation { get; init; } = true;

    /// <summary>
    /// The (learning rate, weight decay) pairs the probe trains, learning rates outer, in the order given. A pair whose
    /// product reaches 1 is left out: AdamW multiplies the weights by 1 - lr x wd every step, which would zero them or
    /// flip their sign each step instead of regularising (say a declared rate of 0.1, so 0.4 in the grid, with decay 10).
    /// </summary>
    public IEnumerable<(double LearningRate, double WeightDecay)> Grid() =>
        from lr in LearningRates
        from wd in WeightDecays
        where lr * wd < 1
        select (lr, wd);

    /// <summary>Checks every value and throws <see cref="ArgumentOutOfRangeException"/> naming it.</summary>
    public void Validate()
    {
        if (LearningRates is null || LearningRates.Count == 0 || LearningRates.Any(lr => !(lr > 0) || double.IsInfinity(lr)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRates), "ProbeSettings.LearningRates needs at least one finite learning rate > 0.");
        }

        if (WeightDecays is null || WeightDecays.Count == 0 || WeightDecays.Any(wd => !(wd >= 0) || double.IsInfinity(wd)))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecays), "ProbeSettings.WeightDecays needs at least one finite weight decay >= 0.");
        }

        if (!Grid().Any())
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecays),
                "ProbeSettings needs a learning rate and a weight decay whose product is below 1 (AdamW shrinks the weights by lr x wd each step).");
        }

        if (Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "ProbeSettings.Epochs must be at least 1.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "ProbeSettings.BatchSize must be at least 1.");
        }

        if (MinSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSteps), MinSteps, "ProbeSettings.MinSteps must be at least 0.");
        }
    }
}

/// <summary>One point of the probe's grid and its validation accuracy.</summary>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="WeightDecay">The weight decay.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation features after training on the training features.</param>
public sealed record ProbeCandidate(double LearningRate, double WeightDecay, double ValidationAccuracy);

/// <summary>What <see cref="LinearProbe.Fit"/> chose and measured.</summary>
/// <param name="Chosen">The grid point with the best validation accuracy (ties: the first in grid order).</param>
/// <param name="Candidates">Every grid point with its validation accuracy.</param>
/// <param name="Train">Accuracy of the final head on the features it was trained on (training + validation, or training alone when <see cref="ProbeSettings.RefitOnValidation"/> is false).</param>
/// <param name="Test">Accuracy of the final head on the test features, when given: measured once, after the choice.</param>
/// <param name="Seconds">Wall time of the whole probe (grid and final fit).</param>
public sealed record LinearProbeResult(ProbeCandidate Chosen, IReadOnlyList<ProbeCandidate> Candidates, EvaluationResult Train, EvaluationResult? Test, double Seconds)
{
    /// <summary>The best validation accuracy (that of <see cref="Chosen"/>).</summary>
    public double ValidationAccuracy => Chosen.ValidationAccuracy;

    /// <summary>The final head's mean training loss per epoch.</summary>
    public IReadOnlyList<double> FinalEpochLosses { get; init; } = Array.Empty<double>();

    /// <summary>The final head's learning rate at the end of each epoch (cosine schedule).</summary>
    public IReadOnlyList<double> FinalEpochLearningRates { get; init; } = Array.Empty<double>();
}
