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
    public NonFiniteLossException(string taskName, long step, int epoch, IReadOnlyDictionary<string, double> terms, string? lastCheckpoint)
        : base(BuildMessage(taskName, step, epoch, terms, lastCheckpoint))
    {
        Step = step;
        Epoch = epoch;
        Terms = terms;
        LastCheckpoint = lastCheckpoint;
    }

    /// <summary>The global step (0-based) whose loss was not finite.</summary>
    public long Step { get; }

    /// <summary>The epoch (1-based) of that step.</summary>
    public int Epoch { get; }

    /// <summary>The value of each loss term at that step.</summary>
    public IReadOnlyDictionary<string, double> Terms { get; }

    /// <summary>The last good checkpoint, or null when none was written.</summary>
    public string? LastCheckpoint { get; }

    /// <summary>The names of the terms that are NaN or infinite.</summary>
    public IEnumerable<string> BadTerms => Terms.Where(t => !double.IsFinite(t.Value)).Select(t => t.Key);

    private static string BuildMessage(string taskName, long step, int epoch, IReadOnlyDictionary<string, double> terms, string? lastCheckpoint)
    {
        var bad = terms.Where(t => !double.IsFinite(t.Value)).Select(t => $"{t.Key} = {t.Value}").ToArray();
        string which = bad.Length > 0 ? string.Join(", ", bad) : "the total";
        string keep = lastCheckpoint is null
            ? "No checkpoint had been written yet."
            : $"The last good checkpoint is kept at '{lastCheckpoint}'; resume from it with a lower learning rate or gradient clipping.";
        return $"Task '{taskName}': the loss became non-finite at step {step} (epoch {epoch}): {which}. Training stopped before applying the update. {keep}";
    }
}
