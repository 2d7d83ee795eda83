using System;
using System.Globalization;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Measures linear-probe accuracy every few epochs (and after the last): embeds a labelled
/// training set and a test set with the frozen encoder, trains a linear classifier on the
/// standardized training embeddings (<see cref="FineTuner{TBatch}"/> in
/// <see cref="FineTuneMode.LinearProbe"/> mode, AdamW with cosine decay) and records its test
/// accuracy as <c>probe_accuracy</c> in <see cref="EpochMetrics.Extra"/>. Costlier than
/// <see cref="KnnMonitor{TBatch}"/>, and closer to how representations are usually reported.
/// </summary>
/// <typeparam name="TBatch">The task's batch type.</typeparam>
public sealed class LinearProbeMonitor<TBatch> : ITrainingMonitor
    where TBatch : IBatch<TBatch>
{
    /// <summary>The key of the accuracy in <see cref="EpochMetrics.Extra"/>.</summary>
    public const string AccuracyKey = "probe_accuracy";

    /// <summary>Creates the monitor.</summary>
    /// <param name="train">Labelled samples the probe is trained on.</param>
    /// <param name="test">Labelled samples it is evaluated on.</param>
    /// <param name="classes">Number of classes (labels 0..classes-1); &gt;= 2.</param>
    /// <param name="every">Measure after every this many epochs (and after the last); &gt;= 1.</param>
    /// <param name="epochs">Probe training epochs; &gt;= 1.</param>
    /// <param name="learningRate">Probe learning rate; &gt; 0.</param>
    /// <param name="batchSize">Probe batch size; &gt;= 1.</param>
    public LinearProbeMonitor(IDataSource<TBatch> train, IDataSource<TBatch> test, int classes, int every = 1, int epochs = 10, double learningRate = 1e-2, int batchSize = 256)
    {
        Train = train ?? throw new ArgumentNullException(nameof(train));
        Test = test ?? throw new ArgumentNullException(nameof(test));
        if (!train.IsLabelled)
        {
            throw new ArgumentException($"Dataset '{train.Name}' has no labels; the probe monitor needs labelled data.", nameof(train));
        }

        if (!test.IsLabelled)
        {
            throw new ArgumentException($"Dataset '{test.Name}' has no labels; the probe monitor needs labelled data.", nameof(test));
        }

        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "A probe needs at least 2 classes.");
        }

        if (every < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "The probe monitor's period (every) must be at least 1 epoch.");
        }

        if (epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "The probe needs at least 1 training epoch.");
        }

        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The probe learning rate must be a finite number > 0.");
        }

        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The probe batch size must be at least 1.");
        }

        Settings = new FineTuneSettings(classes, FineTuneMode.LinearProbe, 0, epochs, learningRate, 1.0, batchSize);
        Every = every;
    }

    /// <summary>The probe's training samples.</summary>
    public IDataSource<TBatch> Train { get; }

    /// <summary>The probe's test samples.</summary>
    public IDataSource<TBatch> Test { get; }

    /// <summary>The probe's settings.</summary>
    public FineTuneSettings Settings { get; }

    /// <summary>The period in epochs.</summary>
    public int Every { get; }

    /// <inheritdoc />
    public string Name => "linear-probe";

    /// <inheritdoc />
    public void OnEpochEnd(ITrainingContext context, EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Epoch % Every != 0 && metrics.Epoch != context.Settings.Epochs)
        {
            return;
        }

        var train = context.EmbedLabelled(Train);
        var test = context.EmbedLabelled(Test);
        using var trainLabels = train.RequireLabels(Train.Name);
        using var testLabels = test.RequireLabels(Test.Name);
        var result = Probe(train.Features, trainLabels, test.Features, testLabels, Settings, context.Settings.Seed);
        metrics.Extra[AccuracyKey] = result.Test!.Accuracy;
        context.Log(string.Create(CultureInfo.InvariantCulture,
            $"[{context.TaskName}] epoch {metrics.Epoch}: linear-probe accuracy {result.Test.Accuracy:P2} (train {result.Train.Accuracy:P2})"));
    }

    /// <summary>
    /// Trains and evaluates a linear probe on precomputed embeddings (taking ownership of
    /// <paramref name="trainFeatures"/> and <paramref name="testFeatures"/>).
    /// </summary>
    public static FineTuneResult Probe(Tensor trainFeatures, Tensor trainLabels, Tensor testFeatures, Tensor testLabels, FineTuneSettings settings, long seed)
    {
        ArgumentNullException.ThrowIfNull(trainFeatures);
        ArgumentNullException.ThrowIfNull(testFeatures);
        using var trainSet = new Dataset<TabularBatch>(new[] { trainFeatures }, trainLabels.to_type(ScalarType.Int64).clone(), "probe-train");
        using var testSet = new Dataset<TabularBatch>(new[] { testFeatures }, testLabels.to_type(ScalarType.Int64).clone(), "probe-test");
        using var identity = nn.Identity();
        var options = new TrainingOptions { Device = torch.CPU, Seed = seed, ShowProgress = false, Log = TextWriter.Null, CollapseMonitor = null };
        using var probe = new FineTuner<TabularBatch>(identity, (int)trainFeatures.shape[1], settings, options);
        return probe.Fit(trainSet, testSet);
    }
}
