using static TorchSharp.torch;

namespace SslDsl;

/// <summary>What a monitor may see and do during a run (implemented by the trainer).</summary>
public interface ITrainingContext
{
    /// <summary>The task's name.</summary>
    string TaskName { get; }

    /// <summary>The settings in force.</summary>
    TrainingSettings Settings { get; }

    /// <summary>Epochs completed so far (the epoch just finished, in <see cref="ITrainingMonitor.OnEpochEnd"/>).</summary>
    int CompletedEpochs { get; }

    /// <summary>Optimizer steps taken so far.</summary>
    long GlobalStep { get; }

    /// <summary>The device the model lives on.</summary>
    Device Device { get; }

    /// <summary>The run's output folder, or null when it writes nothing to disk.</summary>
    string? OutputDirectory { get; }

    /// <summary>Writes a line to the run's log.</summary>
    void Log(string message);

    /// <summary>
    /// Representations [N, D] (float, CPU) of the first <paramref name="count"/> samples of the
    /// data being trained on, in order: encoder in eval mode, deterministic input preparation, no gradients.
    /// </summary>
    Tensor EmbedTrainingSubset(int count);

    /// <summary>
    /// Representations [N, D] (float, CPU) of <paramref name="data"/> (its first <paramref name="limit"/> samples when given).
    /// </summary>
    /// <exception cref="System.ArgumentException"><typeparamref name="TBatch"/> is not the trainer's batch type.</exception>
    Tensor Embed<TBatch>(IDataSource<TBatch> data, int? limit = null)
        where TBatch : IBatch<TBatch>;

    /// <summary>
    /// Representations of <paramref name="data"/> (its first <paramref name="limit"/> samples when given) with
    /// the labels of the same samples, read from the same batches (null labels when the data has none).
    /// </summary>
    /// <exception cref="System.ArgumentException"><typeparamref name="TBatch"/> is not the trainer's batch type.</exception>
    Embeddings EmbedLabelled<TBatch>(IDataSource<TBatch> data, int? limit = null)
        where TBatch : IBatch<TBatch>;
}
