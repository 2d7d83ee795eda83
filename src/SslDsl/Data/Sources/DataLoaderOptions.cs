using System;

namespace SslDsl;

/// <summary>
/// How a streaming source decodes: on <see cref="Workers"/> background threads, each decoding whole batches,
/// with at most <see cref="Prefetch"/> batches decoded or being decoded ahead of the one the trainer uses.
/// Memory for samples is bounded by <see cref="Prefetch"/> batch buffers, whatever the size of the data.
/// </summary>
public sealed record DataLoaderOptions
{
    /// <summary>The options every source uses unless given others.</summary>
    public static DataLoaderOptions Default { get; } = new();

    /// <summary>
    /// Decoding threads; 0 decodes on the thread that reads the batches (no threads, no read-ahead).
    /// Default: half the processor count, at least 1 and at most 4 (libtorch wants the other cores).
    /// </summary>
    public int Workers { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    /// <summary>Batches decoded ahead (the bounded queue); 0 means twice <see cref="Workers"/>.</summary>
    public int Prefetch { get; init; }

    /// <summary>The read-ahead in force: <see cref="Prefetch"/>, or twice <see cref="Workers"/> (at least 1).</summary>
    public int EffectivePrefetch => Prefetch > 0 ? Prefetch : Math.Max(1, 2 * Workers);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Workers or Prefetch is negative.</exception>
    public void Validate()
    {
        if (Workers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "DataLoaderOptions: Workers must be >= 0 (0 decodes on the reading thread).");
        }

        if (Prefetch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Prefetch), Prefetch, "DataLoaderOptions: Prefetch must be >= 0 (0 means twice Workers).");
        }
    }
}
