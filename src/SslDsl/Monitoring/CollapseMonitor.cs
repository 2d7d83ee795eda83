using System;
using System.Collections.Generic;
using System.Globalization;

namespace SslDsl;

/// <summary>
/// Watches for representation collapse. After every epoch it embeds a fixed subset of the
/// training data (the first <see cref="Samples"/> samples, deterministic input preparation,
/// eval mode, no gradients) and records in <see cref="EpochMetrics.Extra"/>:
/// <c>embedding_std</c> (<see cref="RepresentationStatistics.NormalizedStd"/>: collapse gives 0,
/// a healthy spread about 1/sqrt(D)) and <c>effective_rank</c>
/// (<see cref="RepresentationStatistics.EffectiveRank"/>). It logs a warning, with the numbers and
/// what to try, when the std falls below <see cref="StdFactor"/>/sqrt(D) or the effective rank
/// below <see cref="MinEffectiveRank"/>.
/// </summary>
public sealed class CollapseMonitor : ITrainingMonitor
{
    /// <summary>The key of the normalized embedding standard deviation in <see cref="EpochMetrics.Extra"/>.</summary>
    public const string StdKey = "embedding_std";

    /// <summary>The key of the effective rank in <see cref="EpochMetrics.Extra"/>.</summary>
    public const string EffectiveRankKey = "effective_rank";

    private readonly List<string> _warnings = new();

    /// <summary>Creates the monitor.</summary>
    /// <param name="samples">How many training samples to embed (the first ones); at least 2.</param>
    /// <param name="stdFactor">Warn when the std is below stdFactor / sqrt(D); in [0, 1].</param>
    /// <param name="minEffectiveRank">Warn when the effective rank is below this; &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public CollapseMonitor(int samples = 512, double stdFactor = 0.1, double minEffectiveRank = 2.0)
    {
        if (samples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The collapse monitor needs at least 2 samples to measure a spread.");
        }

        if (!(stdFactor >= 0 && stdFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(stdFactor), stdFactor, "The std threshold factor must be in [0, 1] (the warning fires below factor / sqrt(D)).");
        }

        if (!(minEffectiveRank >= 0) || double.IsInfinity(minEffectiveRank))
        {
            throw new ArgumentOutOfRangeException(nameof(minEffectiveRank), minEffectiveRank, "The minimum effective rank must be a finite number >= 0.");
        }

        Samples = samples;
        StdFactor = stdFactor;
        MinEffectiveRank = minEffectiveRank;
    }

    /// <summary>How many training samples are embedded.</summary>
    public int Samples { get; }

    /// <summary>The warning fires when the normalized std is below StdFactor / sqrt(D).</summary>
    public double StdFactor { get; }

    /// <summary>The warning fires when the effective rank is below this.</summary>
    public double MinEffectiveRank { get; }

    /// <summary>The warnings logged so far.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <inheritdoc />
    public string Name => "collapse";

    /// <inheritdoc />
    public void OnEpochEnd(ITrainingContext context, EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metrics);
        using var embeddings = context.EmbedTrainingSubset(Samples);
        if (embeddings.shape[0] < 2)
        {
            return;
        }

        double std = RepresentationStatistics.NormalizedStd(embeddings);
        double rank = RepresentationStatistics.EffectiveRank(embeddings);
        metrics.Extra[StdKey] = std;
        metrics.Extra[EffectiveRankKey] = rank;
        string? warning = Check(context.TaskName, metrics.Epoch, std, rank, (int)embeddings.shape[1]);
        if (warning is not null)
        {
            _warnings.Add(warning);
            context.Log(warning);
        }
    }

    /// <summary>The warning for these measurements, or null when they look healthy.</summary>
    public string? Check(string taskName, int epoch, double std, double effectiveRank, int dimensions)
    {
        double healthy = 1.0 / Math.Sqrt(Math.Max(1, dimensions));
        double stdLimit = StdFactor * healthy;
        bool lowStd = std < stdLimit;
        bool lowRank = effectiveRank < MinEffectiveRank;
        if (!lowStd && !lowRank)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        string what = lowStd && lowRank ? "the embeddings have collapsed to (nearly) one point"
            : lowStd ? "the embeddings barely vary between samples"
            : "the embeddings span only a very low-dimensional subspace";
        return string.Create(c, $"WARNING [{taskName}] epoch {epoch}: representation collapse suspected: {what}. ") +
            string.Create(c, $"Embedding std {std:G3} (healthy about 1/sqrt({dimensions}) = {healthy:G3}; warning below {stdLimit:G3}), ") +
            string.Create(c, $"effective rank {effectiveRank:F2} of {dimensions} (warning below {MinEffectiveRank:G3}). ") +
            "Try stronger or more varied augmentations, a lower learning rate or longer warm-up, a larger batch, " +
            "a higher contrastive temperature, or check that the objective's negatives / variance terms are active.";
    }
}
