using static TorchSharp.torch;

namespace SslDsl;

/// <summary>The collectives of a process that trains alone (world size 1): every operation leaves its tensor as it is.</summary>
public sealed class SingleProcessCollectives : ICollectives
{
    /// <summary>The one instance.</summary>
    public static SingleProcessCollectives Instance { get; } = new();

    private SingleProcessCollectives()
    {
    }

    /// <inheritdoc />
    public int Rank => 0;

    /// <inheritdoc />
    public int WorldSize => 1;

    /// <inheritdoc />
    public int LocalRank => 0;

    /// <inheritdoc />
    public string Backend => "single";

    /// <inheritdoc />
    public void AllReduce(Tensor tensor, ReduceOperation operation = ReduceOperation.Sum)
    {
    }

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root = 0)
    {
    }

    /// <inheritdoc />
    public Tensor AllGather(Tensor tensor) => tensor.clone();

    /// <inheritdoc />
    public void Barrier()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
