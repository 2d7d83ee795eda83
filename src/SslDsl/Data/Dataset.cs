using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// An in-memory dataset: tensors whose first dimension indexes samples (kept on the CPU),
/// optional labels, and batching with seeded shuffling. For data too large to hold in memory use a
/// streaming <see cref="IDataSource{TBatch}"/> (an image folder, a table, text or series files).
/// </summary>
/// <typeparam name="TBatch">The batch type the dataset yields.</typeparam>
public sealed class Dataset<TBatch> : IDataSource<TBatch>
    where TBatch : IBatch<TBatch>
{
    private readonly Tensor[] _tensors;

    /// <summary>Creates a dataset over <paramref name="tensors"/> (same first dimension) and optional labels.</summary>
    /// <exception cref="ArgumentException">The tensors disagree on the number of samples.</exception>
    public Dataset(Tensor[] tensors, Tensor? labels = null, string? name = null)
    {
        if (tensors is null || tensors.Length == 0)
        {
            throw new ArgumentException("A dataset needs at least one tensor.", nameof(tensors));
        }

        long n = tensors[0].shape[0];
        for (int i = 1; i < tensors.Length; i++)
        {
            if (tensors[i].shape[0] != n)
            {
                throw new ArgumentException($"Tensor {i} of dataset '{name}' has {tensors[i].shape[0]} samples; tensor 0 has {n}.", nameof(tensors));
            }
        }

        if (labels is not null && labels.shape[0] != n)
        {
            throw new ArgumentException($"The labels of dataset '{name}' have {labels.shape[0]} entries for {n} samples.", nameof(labels));
        }

        _tensors = tensors;
        Labels = labels;
        Name = name ?? typeof(TBatch).Name;
    }

    /// <summary>A name used in messages and metrics.</summary>
    public string Name { get; }

    /// <summary>Number of samples.</summary>
    public long Count => _tensors[0].shape[0];

    /// <summary>Labels (long [N]) or null.</summary>
    public Tensor? Labels { get; }

    /// <inheritdoc />
    public bool IsLabelled => Labels is not null;

    /// <summary>The sample tensors (first the encoder's input).</summary>
    public IReadOnlyList<Tensor> Tensors => _tensors;

    /// <summary>Number of batches one epoch yields.</summary>
    public long BatchCount(int batchSize, bool dropLast) =>
        dropLast ? Count / batchSize : (Count + batchSize - 1) / batchSize;

    /// <summary>
    /// Yields the dataset in batches. With <paramref name="shuffle"/>, the order is a permutation
    /// drawn from <paramref name="seed"/>, so an epoch is reproduced exactly by its seed.
    /// Batches are created on the CPU when <c>MoveNext</c> runs: open a dispose scope before it.
    /// </summary>
    public IEnumerable<TBatch> Batches(int batchSize, bool shuffle = false, long seed = 0, bool dropLast = false) =>
        Batches(new BatchRequest(batchSize) { Shuffle = shuffle, Seed = seed, DropLast = dropLast });

    /// <inheritdoc />
    public IEnumerable<TBatch> Batches(BatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(Name);
        return Iterate(new SampleOrder(Count, request), sequential: !request.Shuffle && request.Shard.WorldSize == 1);
    }

    private IEnumerable<TBatch> Iterate(SampleOrder order, bool sequential)
    {
        foreach (var (start, size) in order.Batches())
        {
            if (sequential)
            {
                var parts = _tensors.Select(t => t.narrow(0, start, size)).ToArray();
                yield return TBatch.FromTensors(parts, Labels?.narrow(0, start, size));
            }
            else
            {
                using var index = torch.tensor(order.Indices(start, size));
                var parts = _tensors.Select(t => t.index_select(0, index)).ToArray();
                yield return TBatch.FromTensors(parts, Labels?.index_select(0, index));
            }
        }
    }

    /// <inheritdoc />
    public IDataSource<TBatch> Slice(long start, long count, string? name = null)
    {
        if (start < 0 || count < 0 || start + count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Dataset '{Name}' has {Count} samples; the slice {start}..{start + count - 1} is outside them.");
        }

        return new Dataset<TBatch>(
            _tensors.Select(t => t.narrow(0, start, count)).ToArray(),
            Labels?.narrow(0, start, count),
            name ?? $"{Name}[{start}..{start + count})");
    }

    /// <summary>
    /// A short fingerprint of the contents: the SHA-256 (hex, first 16 bytes) of the sample count,
    /// each tensor's type and shape, and the bytes of up to <see cref="FingerprintSamples"/> evenly
    /// spaced samples of each tensor. Another data folder, slice or preprocessing changes it; it
    /// costs a few milliseconds however large the dataset. Checkpoints record it so that a resume
    /// on other data is refused.
    /// </summary>
    public string Fingerprint()
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(BitConverter.GetBytes(Count));
        long n = Count;
        long take = Math.Min(n, FingerprintSamples);
        var positions = Enumerable.Range(0, (int)take).Select(i => take <= 1 ? 0 : i * (n - 1) / (take - 1)).ToArray();
        using var index = torch.tensor(positions);
        foreach (var t in _tensors)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{t.dtype}[{string.Join(",", t.shape)}]"));
            using var picked = t.index_select(0, index).contiguous().cpu();
            sha.AppendData(picked.bytes);
        }

        return Convert.ToHexString(sha.GetHashAndReset(), 0, 16).ToLowerInvariant();
    }

    /// <summary>How many samples of each tensor <see cref="Fingerprint"/> reads at most.</summary>
    public const int FingerprintSamples = 64;

    /// <summary>A dataset over the samples at <paramref name="indices"/>.</summary>
    public Dataset<TBatch> Subset(long[] indices, string? name = null)
    {
        using var index = torch.tensor(indices);
        return new Dataset<TBatch>(
            _tensors.Select(t => t.index_select(0, index)).ToArray(),
            Labels?.index_select(0, index),
            name ?? $"{Name}[{indices.Length}]");
    }

    /// <summary>
    /// A class-balanced subset holding <paramref name="fraction"/> of the samples of each class,
    /// at least one per class (label-efficiency experiments).
    /// </summary>
    /// <exception cref="InvalidOperationException">The dataset has no labels.</exception>
    public Dataset<TBatch> StratifiedFraction(double fraction, long seed)
    {
        if (Labels is null)
        {
            throw new InvalidOperationException($"Dataset '{Name}' has no labels; a stratified subset needs them.");
        }

        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1].");
        }

        var labels = Labels.to_type(ScalarType.Int64).data<long>().ToArray();
        var rng = new Random(unchecked((int)seed));
        var picked = new List<long>();
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.OrderBy(_ => rng.Next()).ToArray();
            int take = Math.Max(1, (int)Math.Round(members.Length * fraction));
            picked.AddRange(members.Take(take).Select(i => (long)i));
        }

        picked.Sort();
        return Subset(picked.ToArray(), $"{Name}[{fraction:P0}]");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _tensors)
        {
            t.Dispose();
        }

        Labels?.Dispose();
    }
}
