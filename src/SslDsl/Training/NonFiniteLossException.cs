using System;
using System.Collections.Generic;
using System.Linq;

namespace SslDsl;

/// <summary>
/// A step produced a NaN or infinite loss. Training stops before the bad update is applied;
/// the last good checkpoint (if any) is kept.
/// </summary>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception for step <paramref name="step"/> with the value of each term.</summary>
    /// <param name="taskName">The task.</param>
    /// <param name="step">The global step (0-based) whose loss was not finite.</param>
    /// <param name="epoch">The epoch (1-based).</param>
    /// <param name="terms">The value of each loss term (and of the gradient norm when that was the culprit).</param>
    /// <param name="lastCheckpoint">The newest checkpoint on disk whose checksums verify, or null.</param>
    /// <param name="skippedBefore">Bad batches already skipped in this run (with <see cref="NonFiniteLossPolicy.SkipBatch"/>).</param>
    /// <param name="detail">Where the non-finite value came from, in words (see <see cref="TrainingOptions.CheckNumerics"/>), or null.</param>
    /// <param name="updateApplied">True when the optimizer update had already been applied (its result was the non-finite value).</param>
    public NonFiniteLossException(string taskName, long step, int epoch, IReadOnlyDictionary<string, double> terms, string? lastCheckpoint, long skippedBefore = 0,
        string? detail = null, bool updateApplied = false)
        : base(BuildMessage(taskName, step, epoch, terms, lastCheckpoint, skippedBefore, detail, updateApplied))
    {
        UpdateApplied = updateApplied;
        Detail = detail;
        Step = step;
        Epoch = epoch;
        Terms = terms;
        LastCheckpoint = lastCheckpoint;
        SkippedBefore = skippedBefore;
    }

    /// <summary>True when the step's update had been applied before the non-finite value was found (the parameters in memory are damaged).</summary>
    public bool UpdateApplied { get; }

    /// <summary>Where the non-finite value came from, in words (the module, parameter or gradient), when known.</summary>
    public string? Detail { get; }

    /// <summary>Bad batches skipped before this one (with <see cref="NonFiniteLossPolicy.SkipBatch"/>).</summary>
    public long SkippedBefore { get; }

    /// <summary>The name under which a non-finite gradient norm is reported in <see cref="Terms"/>.</summary>
    public const string GradientNormTerm = "gradient_norm";

    /// <summary>The global step (0-based) whose loss was not finite.</summary>
    public long Step { get; }

    /// <summary>The epoch (1-based) of that step.</summary>
    public int Epoch { get; }

    /// <summary>The value of each loss term at that step.</summary>
    public IReadOnlyDictionary<string, double> Terms { get; }

    /// <summary>The newest checkpoint whose checksums verified when training stopped, or null when none does.</summary>
    public string? LastCheckpoint { get; }

    /// <summary>The names of the terms that are NaN or infinite.</summary>
    public IEnumerable<string> BadTerms => Terms.Where(t => !double.IsFinite(t.Value)).Select(t => t.Key);

    private static string BuildMessage(string taskName, long step, int epoch, IReadOnlyDictionary<string, double> terms, string? lastCheckpoint, long skippedBefore, string? detail, bool updateApplied)
    {
        string skipped = skippedBefore > 0 ? $" {skippedBefore} bad batch(es) had already been skipped, the most TrainingOptions.MaxSkippedBatches allows." : "";
        var bad = terms.Where(t => !double.IsFinite(t.Value)).Select(t => $"{t.Key} = {t.Value}").ToArray();
        string what = updateApplied ? "parameters" : bad.Length == 1 && bad[0].StartsWith(GradientNormTerm + " ", StringComparison.Ordinal) ? "gradient norm" : "loss";
        string which = updateApplied ? "" : ": " + (bad.Length > 0 ? string.Join(", ", bad) : "the total");
        string keep = lastCheckpoint is null
            ? "No checkpoint of this run verifies (none was written yet, or every one is damaged)."
            : $"The last good checkpoint is '{lastCheckpoint}' (its checksums verify); resume from it with a lower learning rate or gradient clipping.";
        string where = detail is null ? "" : $" Where: {detail}";
        string stop = updateApplied ? "Training stopped after that update; the model in memory is damaged." : "Training stopped before applying the update.";
        return $"Task '{taskName}': the {what} became non-finite at step {step} (epoch {epoch}){which}.{where} {stop}{skipped} {keep}" +
            (skippedBefore > 0 ? "" : " To drop such batches instead, set TrainingOptions.OnNonFiniteLoss = NonFiniteLossPolicy.SkipBatch.");
    }
}
