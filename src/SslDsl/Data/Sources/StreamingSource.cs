using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The base of the sources that read from disk as they go: the subclass says how many floats and longs a
/// sample takes, decodes one sample into a <see cref="SampleBuffer"/> slot (on a worker thread; it must be
/// thread-safe) and turns a filled buffer into a batch; this class supplies the order (<see cref="SampleOrder"/>:
/// seeded permutation, shard, first batch), the worker threads and the bounded read-ahead
/// (<see cref="DataLoaderOptions"/>), and slicing.
/// </summary>
/// <typeparam name="TBatch">The batch type.</typeparam>
public abstract class StreamingSource<TBatch> : IDataSource<TBatch>
    where TBatch : IBatch<TBatch>
{
    /// <summary>Creates the source.</summary>
    protected StreamingSource(string name, DataLoaderOptions? loader)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Loader = loader ?? DataLoaderOptions.Default;
        Loader.Validate();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The decoding threads and read-ahead.</summary>
    public DataLoaderOptions Loader { get; }

    /// <inheritdoc />
    public abstract long Count { get; }

    /// <inheritdoc />
    public abstract bool IsLabelled { get; }

    /// <summary>Floats a decoded sample takes in a <see cref="SampleBuffer"/>.</summary>
    protected internal abstract int FloatsPerSample { get; }

    /// <summary>Longs a decoded sample takes in a <see cref="SampleBuffer"/>.</summary>
    protected internal abstract int LongsPerSample { get; }

    /// <inheritdoc />
    public abstract string Fingerprint();

    /// <summary>
    /// Decodes sample <paramref name="index"/> into slot <paramref name="slot"/> of <paramref name="buffer"/>
    /// (its floats, longs and label); false when the source's policy skips the sample (a bad file under a
    /// skip policy). Runs on worker threads, several at a time.
    /// </summary>
    protected internal abstract bool ReadSample(long index, SampleBuffer buffer, int slot);

    /// <summary>The batch of the first <paramref name="count"/> slots of <paramref name="buffer"/>; runs on the reading thread.</summary>
    protected internal abstract TBatch Collate(SampleBuffer buffer, int count);

    /// <inheritdoc />
    public IEnumerable<TBatch> Batches(BatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(Name);
        return Iterate(new SampleOrder(Count, request), request.BatchSize);
    }

    private IEnumerable<TBatch> Iterate(SampleOrder order, int batchSize)
    {
        int floats = FloatsPerSample, longs = LongsPerSample;
        using var prefetcher = new BatchPrefetcher(order, ReadSample, () => new SampleBuffer(batchSize, floats, longs),
            Loader.Workers, Loader.EffectivePrefetch, Name);
        while (prefetcher.TryNext(out var job))
        {
            TBatch batch;
            try
            {
                batch = Collate(job.Buffer, job.Kept);
            }
            finally
            {
                prefetcher.Release(job);
            }

            yield return batch;
        }
    }

    /// <inheritdoc />
    public IDataSource<TBatch> Slice(long start, long count, string? name = null)
    {
        if (start < 0 || count < 0 || start + count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"'{Name}' has {Count} samples; the slice {start}..{start + count - 1} is outside them.");
        }

        return new SlicedSource<TBatch>(this, start, count, name ?? $"{Name}[{start}..{start + count})");
    }

    /// <summary>
    /// The samples at <paramref name="indices"/>, in that order, as a source of their own (a view: nothing is read
    /// or copied until it is). Dispose it when done.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0..<see cref="Count"/>-1.</exception>
    public IDataSource<TBatch> Subset(IReadOnlyList<long> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var copy = new long[indices.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = indices[i] >= 0 && indices[i] < Count
                ? indices[i]
                : throw new ArgumentOutOfRangeException(nameof(indices), indices[i], $"'{Name}' has {Count} samples; index {indices[i]} is outside them.");
        }

        return new SubsetSource<TBatch>(this, copy, name ?? $"{Name}[{copy.Length} samples]");
    }

    /// <summary>The float tensor [count, ..shape] of the first <paramref name="count"/> slots, copied straight into the tensor's memory.</summary>
    protected static Tensor FloatTensor(SampleBuffer buffer, int count, params long[] sampleShape)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var tensor = torch.empty(Shape(count, sampleShape), ScalarType.Float32);
        buffer.Floats.AsSpan(0, count * buffer.FloatsPerSample).CopyTo(MemoryMarshal.Cast<byte, float>(tensor.bytes));
        return tensor;
    }

    /// <summary>The long tensor [count, ..shape] of the first <paramref name="count"/> slots' longs from <paramref name="offset"/> in each slot.</summary>
    protected static Tensor LongTensor(SampleBuffer buffer, int count, int offset, params long[] sampleShape)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var tensor = torch.empty(Shape(count, sampleShape), ScalarType.Int64);
        var target = MemoryMarshal.Cast<byte, long>(tensor.bytes);
        int per = count == 0 ? 0 : target.Length / count;
        for (int i = 0; i < count; i++)
        {
            buffer.LongsOf(i).Slice(offset, per).CopyTo(target.Slice(i * per, per));
        }

        return tensor;
    }

    /// <summary>The labels long [count] of the first <paramref name="count"/> slots, or null when the source has none.</summary>
    protected Tensor? LabelTensor(SampleBuffer buffer, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (!IsLabelled)
        {
            return null;
        }

        var tensor = torch.empty(count, ScalarType.Int64);
        buffer.Labels.AsSpan(0, count).CopyTo(MemoryMarshal.Cast<byte, long>(tensor.bytes));
        return tensor;
    }

    private static long[] Shape(int count, long[] sampleShape)
    {
        var shape = new long[sampleShape.Length + 1];
        shape[0] = count;
        sampleShape.CopyTo(shape, 1);
        return shape;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the source holds open (files, caches).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>A contiguous part of a streaming source, read through it.</summary>
internal sealed class SlicedSource<TBatch> : StreamingSource<TBatch>
    where TBatch : IBatch<TBatch>
{
    private readonly StreamingSource<TBatch> _whole;
    private readonly long _start;
    private readonly long _count;

    public SlicedSource(StreamingSource<TBatch> whole, long start, long count, string name)
        : base(name, whole.Loader)
    {
        _whole = whole;
        _start = start;
        _count = count;
    }

    public override long Count => _count;

    public override bool IsLabelled => _whole.IsLabelled;

    protected internal override int FloatsPerSample => _whole.FloatsPerSample;

    protected internal override int LongsPerSample => _whole.LongsPerSample;

    public override string Fingerprint() => SourceFingerprint.Of(_whole.Fingerprint(), _start, _count);

    protected internal override bool ReadSample(long index, SampleBuffer buffer, int slot) => _whole.ReadSample(_start + index, buffer, slot);

    protected internal override TBatch Collate(SampleBuffer buffer, int count) => _whole.Collate(buffer, count);
}

/// <summary>Chosen samples of a streaming source, in a given order, read through it.</summary>
internal sealed class SubsetSource<TBatch> : StreamingSource<TBatch>
    where TBatch : IBatch<TBatch>
{
    private readonly StreamingSource<TBatch> _whole;
    private readonly long[] _indices;

    public SubsetSource(StreamingSource<TBatch> whole, long[] indices, string name)
        : base(name, whole.Loader)
    {
        _whole = whole;
        _indices = indices;
    }

    public override long Count => _indices.Length;

    public override bool IsLabelled => _whole.IsLabelled;

    protected internal override int FloatsPerSample => _whole.FloatsPerSample;

    protected internal override int LongsPerSample => _whole.LongsPerSample;

    public override string Fingerprint() => SourceFingerprint.Of(_whole.Fingerprint(), _indices.Length, string.Join(",", _indices.Take(64)));

    protected internal override bool ReadSample(long index, SampleBuffer buffer, int slot) => _whole.ReadSample(_indices[index], buffer, slot);

    protected internal override TBatch Collate(SampleBuffer buffer, int count) => _whole.Collate(buffer, count);
}
