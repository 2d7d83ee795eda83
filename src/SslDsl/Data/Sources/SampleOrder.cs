using System;
using System.Collections.Generic;
using TorchSharp;

namespace SslDsl;

/// <summary>
/// The order in which one pass of a <see cref="BatchRequest"/> visits the samples of a source: sample
/// indices by position (the source's own order, or <c>torch.randperm(count)</c> drawn from a generator seeded
/// with <see cref="BatchRequest.Seed"/>), restricted to the request's shard, cut into batches from
/// <see cref="BatchRequest.FirstBatch"/> on. Every source uses it, so an in-memory dataset and a folder that
/// hold the same samples in the same order yield the same batches.
/// </summary>
internal sealed class SampleOrder
{
    private readonly long[]? _permutation;
    private readonly BatchRequest _request;

    /// <summary>The order of <paramref name="request"/> over <paramref name="count"/> samples.</summary>
    public SampleOrder(long count, BatchRequest request)
    {
        _request = request;
        Length = request.Shard.SampleCount(count);
        if (request.Shuffle && count > 0)
        {
            using var generator = new torch.Generator(unchecked((ulong)request.Seed));
            using var permutation = torch.randperm(count, generator: generator);
            _permutation = permutation.data<long>().ToArray();
        }
    }

    /// <summary>Samples this pass visits (this shard's part of the order).</summary>
    public long Length { get; }

    /// <summary>The sample at <paramref name="position"/> of this shard's order.</summary>
    public long this[long position]
    {
        get
        {
            long global = (position * _request.Shard.WorldSize) + _request.Shard.Rank;
            return _permutation is null ? global : _permutation[global];
        }
    }

    /// <summary>The batches from <see cref="BatchRequest.FirstBatch"/> on: first position and size of each.</summary>
    public IEnumerable<(long Start, int Size)> Batches()
    {
        int size = _request.BatchSize;
        for (long start = _request.FirstBatch * size; start < Length; start += size)
        {
            long take = Math.Min(size, Length - start);
            if (_request.DropLast && take < size)
            {
                yield break;
            }

            yield return (start, (int)take);
        }
    }

    /// <summary>The sample indices of the batch at <paramref name="start"/> with <paramref name="size"/> samples.</summary>
    public long[] Indices(long start, int size)
    {
        var indices = new long[size];
        for (int i = 0; i < size; i++)
        {
            indices[i] = this[start + i];
        }

        return indices;
    }
}
