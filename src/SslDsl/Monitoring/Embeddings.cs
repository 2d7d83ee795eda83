using System;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Representations of samples and, when the data is labelled, their labels, read from the same batches
/// (so they stay paired whatever the source).
/// </summary>
/// <param name="Features">Float [N, D] on the CPU.</param>
/// <param name="Labels">Long [N] on the CPU, or null when the data has no labels.</param>
public sealed record Embeddings(Tensor Features, Tensor? Labels) : IDisposable
{
    /// <summary>Number of samples.</summary>
    public long Count => Features.shape[0];

    /// <summary>The labels, or an exception naming <paramref name="dataName"/> when there are none.</summary>
    /// <exception cref="InvalidOperationException">The data had no labels.</exception>
    public Tensor RequireLabels(string dataName) =>
        Labels ?? throw new InvalidOperationException($"Data '{dataName}' has no labels.");

    /// <inheritdoc />
    public void Dispose()
    {
        Features.Dispose();
        Labels?.Dispose();
    }
}
