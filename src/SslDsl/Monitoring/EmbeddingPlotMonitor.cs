using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// When a run ends, writes <c>embeddings-pca.png</c> to the output folder: a 2-D PCA scatter of
/// the encoder's embeddings of a labelled dataset (typically the test set), coloured by label
/// (<see cref="EmbeddingPlot.WritePca"/>). Does nothing when the run has no output folder.
/// </summary>
/// <typeparam name="TBatch">The task's batch type.</typeparam>
public sealed class EmbeddingPlotMonitor<TBatch> : ITrainingMonitor
    where TBatch : IBatch<TBatch>
{
    /// <summary>The file written in the output folder.</summary>
    public const string FileName = "embeddings-pca.png";

    private readonly IReadOnlyList<string>? _classNames;

    /// <summary>Creates the monitor.</summary>
    /// <param name="data">Labelled samples to embed.</param>
    /// <param name="limit">Embed at most this many (the first ones); &gt;= 2.</param>
    /// <param name="classNames">Names by label for the legend (e.g. <see cref="FashionMnist.ClassNames"/>).</param>
    public EmbeddingPlotMonitor(IDataSource<TBatch> data, int limit = 2000, IReadOnlyList<string>? classNames = null)
    {
        Data = data ?? throw new ArgumentNullException(nameof(data));
        if (!data.IsLabelled)
        {
            throw new ArgumentException($"Dataset '{data.Name}' has no labels; the embedding plot colours points by label.", nameof(data));
        }

        if (limit < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The embedding plot needs at least 2 samples.");
        }

        Limit = limit;
        _classNames = classNames;
    }

    /// <summary>The labelled samples plotted.</summary>
    public IDataSource<TBatch> Data { get; }

    /// <summary>The most samples embedded.</summary>
    public int Limit { get; }

    /// <summary>The file written by the last run, or null.</summary>
    public string? WrittenPath { get; private set; }

    /// <inheritdoc />
    public string Name => "embedding-plot";

    /// <inheritdoc />
    public void OnEpochEnd(ITrainingContext context, EpochMetrics metrics)
    {
    }

    /// <inheritdoc />
    public void OnRunEnd(ITrainingContext context, IReadOnlyList<EpochMetrics> epochs)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OutputDirectory is null)
        {
            return;
        }

        using var scope = torch.NewDisposeScope();
        using var embeddings = context.EmbedLabelled(Data, Limit);
        string path = Path.Combine(context.OutputDirectory, FileName);
        EmbeddingPlot.WritePca(path, embeddings.Features, embeddings.RequireLabels(Data.Name), $"{context.TaskName}: embeddings after epoch {context.CompletedEpochs} (PCA)", _classNames);
        WrittenPath = path;
        context.Log($"[{context.TaskName}] embedding plot: {path}");
    }
}
