using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The collectives of this process. A process that no launcher started as one of several ranks
/// (<see cref="DistributedEnvironment"/>) trains alone and never loads an MPI library; one started by
/// <c>mpiexec -n N</c> joins the other N-1 through MPI, and through NCCL for tensors on CUDA devices.
/// </summary>
public static class Collectives
{
    private static readonly object Gate = new();
    private static ICollectives? _world;
    private static NcclCollectives? _nccl;

    /// <summary>
    /// The ranks this process was started with: <see cref="SingleProcessCollectives.Instance"/> alone,
    /// else <see cref="MpiCollectives"/> (MPI is started on first use and finalized when the process exits).
    /// </summary>
    /// <exception cref="DistributedException">The launcher's variables are inconsistent, no MPI library loads, or MPI disagrees with them.</exception>
    public static ICollectives World
    {
        get
        {
            lock (Gate)
            {
                if (_world is null)
                {
                    var environment = DistributedEnvironment.FromProcess();
                    _world = environment.IsDistributed ? MpiCollectives.Start(environment) : SingleProcessCollectives.Instance;
                }

                return _world;
            }
        }
    }

    /// <summary>
    /// The collectives for tensors on <paramref name="device"/>: NCCL (created on first use, over the MPI
    /// ranks) for a CUDA device when several ranks train, otherwise <see cref="World"/>.
    /// </summary>
    /// <exception cref="DistributedException">See <see cref="World"/>; for CUDA also: NCCL does not load or fails to start.</exception>
    public static ICollectives For(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var world = World;
        if (device.type != DeviceType.CUDA || world is not MpiCollectives mpi)
        {
            return world;
        }

        lock (Gate)
        {
            return _nccl ??= NcclCollectives.Start(mpi);
        }
    }

    /// <summary>
    /// The device of this rank when none is chosen: <c>cuda:LocalRank</c> where CUDA is available (one GPU per
    /// rank of a machine), else the CPU.
    /// </summary>
    public static Device DefaultDevice(ICollectives collectives)
    {
        ArgumentNullException.ThrowIfNull(collectives);
        var best = Devices.Best();
        return best.type == DeviceType.CUDA && collectives.WorldSize > 1
            ? torch.device(DeviceType.CUDA, collectives.LocalRank)
            : best;
    }
}
