using System;
using System.Collections.Generic;
using System.IO;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Monitoring;

/// <summary>The collapse monitor records its statistics and warns below its thresholds.</summary>
public class CollapseMonitorTests
{
    /// <summary>A context that hands out fixed embeddings.</summary>
    private sealed class FixedContext : ITrainingContext
    {
        private readonly Tensor _embeddings;

        public FixedContext(Tensor embeddings) => _embeddings = embeddings;

        public List<string> Lines { get; } = new();

        public int Requested { get; private set; }

        public string TaskName => "fixed";

        public TrainingSettings Settings => new("fixed", 4, 3, 0, 0, OptimizerSettings.Default, ScheduleSettings.Default);

        public int CompletedEpochs => 1;

        public long GlobalStep => 1;

        public Device Device => torch.CPU;

        public string? OutputDirectory => null;

        public void Log(string message) => Lines.Add(message);

        public Tensor EmbedTrainingSubset(int count)
        {
            Requested = count;
            return _embeddings.narrow(0, 0, Math.Min(count, _embeddings.shape[0])).clone();
        }

        public Tensor Embed<TBatch>(IDataSource<TBatch> data, int? limit = null)
            where TBatch : IBatch<TBatch> => throw new NotSupportedException();

        public Embeddings EmbedLabelled<TBatch>(IDataSource<TBatch> data, int? limit = null)
            where TBatch : IBatch<TBatch> => throw new NotSupportedException();
    }

    private static EpochMetrics Epoch() => new(1, 1, 1.0, new Dictionary<string, double>(), 1e-3, 1, 1);

    [Fact]
    public void CollapsedEmbeddingsAreRecordedAndWarnedAbout()
    {
        // Every embedding is a multiple of (1, 1, 1, 1): normalized they are identical, std 0, rank 1.
        using var collapsed = torch.arange(1, 9, dtype: ScalarType.Float32).unsqueeze(1).expand(8, 4).contiguous();
        var context = new FixedContext(collapsed);
        var monitor = new CollapseMonitor(samples: 6);
        var metrics = Epoch();
        monitor.OnEpochEnd(context, metrics);

        Assert.Equal(6, context.Requested);
        Assert.Equal(0.0, metrics.Extra[CollapseMonitor.StdKey], 6);
        Assert.Equal(1.0, metrics.Extra[CollapseMonitor.EffectiveRankKey], 4);
        var warning = Assert.Single(context.Lines);
        Assert.Same(warning, Assert.Single(monitor.Warnings));
        Assert.Contains("representation collapse suspected", warning);
        Assert.Contains("healthy about 1/sqrt(4) = 0.5; warning below 0.05", warning);
        Assert.Contains("effective rank 1.00 of 4", warning);
        Assert.Contains("Try stronger", warning);
    }

    [Fact]
    public void SpreadEmbeddingsPassAndThresholdsAreOptions()
    {
        // Eight one-hot rows, two per dimension of 4. Per dimension the values are two 1s and six 0s:
        // mean 1/4, sample variance (2 * 0.75^2 + 6 * 0.25^2) / 7 = 1.5 / 7, std 0.46291.
        // The singular values are all sqrt(2), so the effective rank is 4.
        using var eye = torch.eye(4);
        using var spread = torch.cat(new[] { eye, eye }, 0);
        var context = new FixedContext(spread);
        var metrics = Epoch();
        new CollapseMonitor().OnEpochEnd(context, metrics);
        Assert.Equal(Math.Sqrt(1.5 / 7), metrics.Extra[CollapseMonitor.StdKey], 5);
        Assert.Equal(4.0, metrics.Extra[CollapseMonitor.EffectiveRankKey], 5);
        Assert.Empty(context.Lines);

        var strict = new CollapseMonitor(minEffectiveRank: 5);
        strict.OnEpochEnd(context, Epoch());
        Assert.Contains("very low-dimensional subspace", Assert.Single(context.Lines));
    }

    [Theory]
    [InlineData(1, 0.1, 2.0, "samples")]
    [InlineData(512, -0.1, 2.0, "stdFactor")]
    [InlineData(512, 1.5, 2.0, "stdFactor")]
    [InlineData(512, 0.1, -1.0, "minEffectiveRank")]
    [InlineData(512, 0.1, double.NaN, "minEffectiveRank")]
    public void OutOfRangeSettingsAreRejected(int samples, double stdFactor, double minRank, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CollapseMonitor(samples, stdFactor, minRank));
        Assert.Equal(parameter, e.ParamName);
    }
}
