using System;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Collective communication among the processes ("ranks") that train one model together: every rank calls
/// the same operations in the same order with tensors of the same shape and type, and each call returns when
/// this rank's part is done. <see cref="Collectives.World"/> gives the one of this process: MPI when it was
/// started by <c>mpiexec</c> (<see cref="MpiCollectives"/>), NCCL on CUDA devices (<see cref="NcclCollectives"/>),
/// and <see cref="SingleProcessCollectives"/> (every operation a no-op) when it runs alone.
/// </summary>
public interface ICollectives : IDisposable
{
    /// <summary>This process's rank, 0..<see cref="WorldSize"/>-1.</summary>
    int Rank { get; }

    /// <summary>The number of ranks.</summary>
    int WorldSize { get; }

    /// <summary>This process's rank among those on the same machine (picks its GPU).</summary>
    int LocalRank { get; }

    /// <summary>A short name of the implementation for messages and metrics ("single", "mpi", "nccl").</summary>
    string Backend { get; }

    /// <summary>Replaces <paramref name="tensor"/> in place by the element-wise reduction of every rank's tensor.</summary>
    /// <exception cref="DistributedException">The tensor's type is not supported, or the library reported an error.</exception>
    void AllReduce(Tensor tensor, ReduceOperation operation = ReduceOperation.Sum);

    /// <summary>Replaces <paramref name="tensor"/> in place on every rank by rank <paramref name="root"/>'s tensor.</summary>
    /// <exception cref="DistributedException">The tensor's type is not supported, or the library reported an error.</exception>
    void Broadcast(Tensor tensor, int root = 0);

    /// <summary>
    /// Every rank's <paramref name="tensor"/> concatenated along dimension 0 in rank order (a new tensor of
    /// <see cref="WorldSize"/> times the rows, on the tensor's device), outside autograd.
    /// </summary>
    /// <exception cref="DistributedException">The tensor's type is not supported, or the library reported an error.</exception>
    Tensor AllGather(Tensor tensor);

    /// <summary>Returns when every rank has called it.</summary>
    void Barrier();
}
