using System;
using System.Collections.Generic;

namespace SslDsl;

/// <summary>
/// Samples that the trainer, the fine-tuner, the linear probe and the monitors read in batches: an in-memory
/// <see cref="Dataset{TBatch}"/>, or a source that reads from disk as it goes (<see cref="ImageFolder"/>,
/// <see cref="TableSource"/>, <see cref="TextLineSource"/>, <see cref="SeriesSource"/>). A source has a fixed
/// number of samples addressed 0..<see cref="Count"/>-1; a <see cref="BatchRequest"/> says in which order
/// (sequential, or a permutation drawn from a seed) and from which batch on they are read, so an epoch is
/// reproduced exactly by its seed and a run resumes mid-epoch at the same batch.
/// </summary>
/// <typeparam name="TBatch">The batch type the source yields.</typeparam>
public interface IDataSource<TBatch> : IDisposable
    where TBatch : IBatch<TBatch>
{
    /// <summary>A name used in messages, metrics and checkpoints.</summary>
    string Name { get; }

    /// <summary>Number of samples.</summary>
    long Count { get; }

    /// <summary>Whether every sample carries a class label.</summary>
    bool IsLabelled { get; }

    /// <summary>
    /// A short fingerprint of what the source reads (its files, their sizes and the decoding settings, or
    /// sampled contents): another folder, slice or preprocessing changes it. Reading it costs little however
    /// large the source is; checkpoints record it with <see cref="Name"/> and <see cref="Count"/> so that a run
    /// is not resumed on other data.
    /// </summary>
    string Fingerprint();

    /// <summary>
    /// The batches of <paramref name="request"/>, in order. Tensors are created on the CPU when
    /// <c>MoveNext</c> runs: open a dispose scope before it. A source that decodes on worker threads
    /// starts them when enumeration starts and stops them when the enumerator is disposed.
    /// </summary>
    IEnumerable<TBatch> Batches(BatchRequest request);

    /// <summary>
    /// The samples <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 as a
    /// source of their own (a view: nothing is read or copied until it is). Dispose it when done.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside 0..<see cref="Count"/>.</exception>
    IDataSource<TBatch> Slice(long start, long count, string? name = null);
}
