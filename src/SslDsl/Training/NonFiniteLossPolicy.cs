namespace SslDsl;

/// <summary>What a trainer does when a step's loss or gradient norm is NaN or infinite.</summary>
public enum NonFiniteLossPolicy
{
    /// <summary>
    /// Throw <see cref="NonFiniteLossException"/> before the update is applied; the checkpoints on
    /// disk are left as they were (the last good one is kept).
    /// </summary>
    Stop,

    /// <summary>
    /// Drop the batch (no update; buffers such as batch-norm statistics are restored), log a
    /// warning and go on, up to <see cref="TrainingOptions.MaxSkippedBatches"/> in a run; then stop as with <see cref="Stop"/>.
    /// </summary>
    SkipBatch,
}
