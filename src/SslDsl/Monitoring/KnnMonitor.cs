using System;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Measures k-NN accuracy every few epochs (and after the last): embeds a labelled reference set
/// (typically a labelled subset of the training data) and a test set with the encoder, classifies
/// each test embedding by its <see cref="K"/> most cosine-similar reference embeddings
/// (<see cref="KnnClassifier"/>; by default the temperature-weighted vote of InstDisc / DINO,
/// k = 20, T = 0.07) and records the accuracy as <c>knn_accuracy</c> in <see cref="EpochMetrics.Extra"/>.
/// </summary>
/// <typeparam name="TBatch">The task's batch type.</typeparam>
public sealed class KnnMonitor<TBatch> : ITrainingMonitor
    where TBatch : IBatch<TBatch>
{
    /// <summary>The key of the accuracy in <see cref="EpochMetrics.Extra"/>.</summary>
    public const string AccuracyKey = "knn_accuracy";

    /// <summary>Creates the monitor.</summary>
    /// <param name="reference">Labelled samples the test samples are compared with.</param>
    /// <param name="test">Labelled samples whose labels are predicted.</param>
    /// <param name="every">Measure after every this many epochs (and after the last); &gt;= 1.</param>
    /// <param name="k">Neighbours; &gt;= 1.</param>
    /// <param name="temperature">T of the weighted vote; &gt; 0.</param>
    /// <param name="voting">Weighted (default) or majority voting.</param>
    /// <exception cref="ArgumentException">A dataset has no labels or no samples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">every, k or temperature out of range.</exception>
    public KnnMonitor(IDataSource<TBatch> reference, IDataSource<TBatch> test, int every = 1, int k = 20, double temperature = 0.07, KnnVoting voting = KnnVoting.Weighted)
    {
        Reference = reference ?? throw new ArgumentNullException(nameof(reference));
        Test = test ?? throw new ArgumentNullException(nameof(test));
        RequireLabelled(reference, nameof(reference));
        RequireLabelled(test, nameof(test));
        if (every < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "The kNN monitor's period (every) must be at least 1 epoch.");
        }

        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        }

        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The kNN temperature must be a finite number > 0.");
        }

        Every = every;
        K = k;
        Temperature = temperature;
        Voting = voting;
    }

    /// <summary>The labelled reference samples.</summary>
    public IDataSource<TBatch> Reference { get; }

    /// <summary>The samples classified.</summary>
    public IDataSource<TBatch> Test { get; }

    /// <summary>The period in epochs.</summary>
    public int Every { get; }

    /// <summary>Neighbours per test sample.</summary>
    public int K { get; }

    /// <summary>Temperature of the weighted vote.</summary>
    public double Temperature { get; }

    /// <summary>The voting rule.</summary>
    public KnnVoting Voting { get; }

    /// <inheritdoc />
    public string Name => "knn";

    /// <inheritdoc />
    public void OnEpochEnd(ITrainingContext context, EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Epoch % Every != 0 && metrics.Epoch != context.Settings.Epochs)
        {
            return;
        }

        using var scope = torch.NewDisposeScope();
        using var reference = context.EmbedLabelled(Reference);
        using var test = context.EmbedLabelled(Test);
        double accuracy = KnnClassifier.Accuracy(reference.Features, reference.RequireLabels(Reference.Name), test.Features, test.RequireLabels(Test.Name), K, Temperature, Voting);
        metrics.Extra[AccuracyKey] = accuracy;
        context.Log(string.Create(CultureInfo.InvariantCulture,
            $"[{context.TaskName}] epoch {metrics.Epoch}: {K}-NN accuracy {accuracy:P2} ({Test.Count} held-out samples against {Reference.Count} references)"));
    }

    private static void RequireLabelled(IDataSource<TBatch> data, string name)
    {
        if (!data.IsLabelled)
        {
            throw new ArgumentException($"Dataset '{data.Name}' has no labels; the kNN monitor needs labelled data.", name);
        }

        if (data.Count == 0)
        {
            throw new ArgumentException($"Dataset '{data.Name}' is empty.", name);
        }
    }
}
