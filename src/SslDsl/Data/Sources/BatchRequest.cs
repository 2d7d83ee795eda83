using System;

namespace SslDsl;

/// <summary>
/// How one pass over a <see cref="IDataSource{TBatch}"/> reads it: batches of <see cref="BatchSize"/> samples,
/// in file order or in a permutation drawn from <see cref="Seed"/>, optionally without the last incomplete
/// batch, starting at batch <see cref="FirstBatch"/> (exact mid-epoch resume: the batches before it are
/// neither read nor decoded), and restricted to one <see cref="Shard"/> of the order (data-parallel ranks).
/// </summary>
/// <param name="BatchSize">Samples per batch (the last one may be smaller unless <see cref="DropLast"/>).</param>
public sealed record BatchRequest(int BatchSize)
{
    /// <summary>Read in a permutation drawn from <see cref="Seed"/> (the same as <c>torch.randperm</c> with that seed) instead of in order.</summary>
    public bool Shuffle { get; init; }

    /// <summary>The seed of the permutation when <see cref="Shuffle"/>.</summary>
    public long Seed { get; init; }

    /// <summary>Leave out the last batch when it is smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }

    /// <summary>The first batch to read (0-based): the earlier batches of the same order are skipped without reading them.</summary>
    public long FirstBatch { get; init; }

    /// <summary>Which part of the order this reader takes; <see cref="DataShard.Whole"/> by default.</summary>
    public DataShard Shard { get; init; } = DataShard.Whole;

    /// <summary>Checks the values; the message names the bad one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate(string sourceName)
    {
        if (BatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"Batch size must be > 0 (data '{sourceName}').");
        }

        if (FirstBatch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstBatch), FirstBatch, $"The first batch must be >= 0 (data '{sourceName}').");
        }

        Shard.Validate();
    }

    /// <summary>Number of batches this request yields from a source of <paramref name="count"/> samples, counting those before <see cref="FirstBatch"/>.</summary>
    public long BatchCount(long count)
    {
        long samples = Shard.SampleCount(count);
        return DropLast ? samples / BatchSize : (samples + BatchSize - 1) / BatchSize;
    }
}

/// <summary>
/// One of <see cref="WorldSize"/> equal parts of a pass: the reader of rank r takes the positions
/// r, r + W, r + 2W, ... of the (shuffled) order, after the order is cut to a multiple of W so that every
/// rank reads as many samples (PyTorch's DistributedSampler with drop_last). Every rank draws the same
/// permutation from the same seed, so together the ranks read each sample of the cut order once per epoch.
/// </summary>
/// <param name="Rank">This reader's part, 0..WorldSize-1.</param>
/// <param name="WorldSize">The number of parts.</param>
public readonly record struct DataShard(int Rank, int WorldSize)
{
    /// <summary>The whole order (rank 0 of 1).</summary>
    public static DataShard Whole { get; } = new(0, 1);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">WorldSize &lt; 1 or Rank outside 0..WorldSize-1.</exception>
    public void Validate()
    {
        if (WorldSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WorldSize), WorldSize, "The world size must be at least 1.");
        }

        if (Rank < 0 || Rank >= WorldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Rank), Rank, $"The rank must be in 0..{WorldSize - 1} (world size {WorldSize}).");
        }
    }

    /// <summary>Samples this shard reads from <paramref name="count"/>.</summary>
    public long SampleCount(long count) => WorldSize == 1 ? count : count / WorldSize;
}
