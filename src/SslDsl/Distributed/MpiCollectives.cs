using System;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Collectives over MPI (the system's Open MPI or MPICH, through <see cref="MpiLibrary"/>), among the
/// processes one <c>mpiexec</c> started, on one machine or on many. Tensors of any device are handed to MPI
/// in host memory: a contiguous CPU tensor directly, any other through a contiguous CPU copy that is copied
/// back. MPI is started once per process (<see cref="Collectives.World"/>) and finalized when the process
/// exits; after <see cref="MarkFailed"/> (a rank whose training failed) it aborts the whole job instead, so
/// that the other ranks stop rather than wait for this one. A collective that waits longer than
/// <see cref="CollectiveTimeout"/> for the other ranks (one hangs or died) prints one line naming this rank and the
/// collective and aborts the job with <see cref="TimeoutExitCode"/>.
/// </summary>
public sealed class MpiCollectives : ICollectives
{
    /// <summary>The exit code of a job aborted because a collective waited longer than <see cref="CollectiveTimeout"/>.</summary>
    public const int TimeoutExitCode = 8;

    private const int MaxCount = int.MaxValue;
    private readonly MpiLibrary _mpi;
    private readonly CollectiveWatchdog _watchdog;
    private readonly object _gate = new();
    private bool _failed;
    private bool _closed;

    private MpiCollectives(MpiLibrary mpi, int rank, int worldSize, int localRank, TimeSpan timeout)
    {
        _mpi = mpi;
        Rank = rank;
        WorldSize = worldSize;
        LocalRank = localRank;
        _watchdog = new CollectiveWatchdog(timeout, Expired);
    }

    /// <summary>The collective timeout when neither <see cref="TrainingOptions.CollectiveTimeout"/> nor <c>SSLDSL_COLLECTIVE_TIMEOUT</c> sets one: 30 minutes, as <c>torch.distributed</c>'s.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long one collective may wait for the other ranks before this rank aborts the job (exit code
    /// <see cref="TimeoutExitCode"/>): <c>SSLDSL_COLLECTIVE_TIMEOUT</c> seconds when set, else <see cref="DefaultTimeout"/>;
    /// a trainer sets <see cref="TrainingOptions.CollectiveTimeout"/> here. Must be &gt; 0.
    /// </summary>
    public TimeSpan CollectiveTimeout
    {
        get => _watchdog.Timeout;
        set => _watchdog.Timeout = value;
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int WorldSize { get; }

    /// <inheritdoc />
    public int LocalRank { get; }

    /// <inheritdoc />
    public string Backend => "mpi";

    /// <summary>The MPI library in use ("Open MPI" or "MPICH") and its file.</summary>
    public string Library => $"{_mpi.Abi.Name} ({_mpi.Path})";

    /// <summary>
    /// Loads MPI, starts it (MPI_Init_thread, serialized) and checks that its numbering agrees with
    /// <paramref name="environment"/>; MPI is finalized (or aborted after <see cref="MarkFailed"/>) when the process exits.
    /// </summary>
    /// <exception cref="DistributedException">No MPI library, or MPI sees another world than the launcher's variables.</exception>
    internal static MpiCollectives Start(DistributedEnvironment environment)
    {
        var timeout = CollectiveWatchdog.FromEnvironment(Environment.GetEnvironmentVariable(CollectiveWatchdog.Variable), DefaultTimeout);
        var mpi = MpiLibrary.Load();
        if (!mpi.IsInitialized)
        {
            _ = mpi.InitThread(MpiAbi.ThreadSerialized);
        }

        int rank = mpi.CommRank();
        int size = mpi.CommSize();
        if (size != environment.WorldSize || rank != environment.Rank)
        {
            string message = $"MPI numbers this process rank {rank} of {size}, but the environment ({environment.Launcher}) says rank {environment.Rank} of {environment.WorldSize}. " +
                (size == 1
                    ? "MPI started this process alone: launch every rank with mpiexec (SslDsl talks through MPI; torchrun's TCP rendezvous is not supported)."
                    : "Launch every rank with one mpiexec and do not set RANK / WORLD_SIZE by hand.");
            mpi.Abort(1);
            throw new DistributedException(message);
        }

        var collectives = new MpiCollectives(mpi, rank, size, environment.LocalRank, timeout);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => collectives.Close();
        return collectives;
    }

    /// <summary>
    /// Marks this rank as failed: when the process exits, MPI aborts the job (every rank ends, mpiexec
    /// exits non-zero) instead of finalizing, which would wait for ranks still waiting for this one.
    /// </summary>
    public void MarkFailed() => _failed = true;

    /// <inheritdoc />
    public void AllReduce(Tensor tensor, ReduceOperation operation = ReduceOperation.Sum)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var type = ReductionType(tensor, operation);
        var op = operation switch
        {
            ReduceOperation.Max => _mpi.Abi.Max,
            ReduceOperation.Min => _mpi.Abi.Min,
            _ => _mpi.Abi.Sum,
        };
        InHostMemory(tensor, writeBack: true, host =>
        {
            long elements = host.NumberOfElements;
            IntPtr start = TensorMemory.Address(host);
            for (long done = 0; done < elements; done += MaxCount)
            {
                int count = (int)Math.Min(MaxCount, elements - done);
                Guarded("MPI_Allreduce", () => _mpi.AllReduceInPlace(start + (nint)(done * host.ElementSize), count, type, op));
            }
        });
        if (operation == ReduceOperation.Average)
        {
            using var noGrad = torch.no_grad();
            tensor.div_(WorldSize);
        }
    }

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root = 0)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckRoot(root);
        InHostMemory(tensor, writeBack: Rank != root, host =>
        {
            long bytes = TensorMemory.Bytes(host);
            IntPtr start = TensorMemory.Address(host);
            for (long done = 0; done < bytes; done += MaxCount)
            {
                Guarded("MPI_Bcast", () => _mpi.Broadcast(start + (nint)done, (int)Math.Min(MaxCount, bytes - done), _mpi.Abi.Byte, root));
            }
        });
    }

    /// <inheritdoc />
    public Tensor AllGather(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        long bytes = TensorMemory.Bytes(tensor);
        if (bytes > MaxCount)
        {
            throw new DistributedException($"AllGather takes at most {MaxCount} bytes per rank; this tensor has {bytes}.");
        }

        var gathered = torch.empty(TensorMemory.GatheredShape(tensor, WorldSize), tensor.dtype, CPU);
        InHostMemory(tensor, writeBack: false, host =>
            Guarded("MPI_Allgather", () => _mpi.AllGather(TensorMemory.Address(host), (int)bytes, _mpi.Abi.Byte, TensorMemory.Address(gathered))));
        return tensor.device_type == DeviceType.CPU ? gathered : gathered.to(tensor.device);
    }

    /// <inheritdoc />
    public void Barrier()
    {
        lock (_gate)
        {
            Guarded("MPI_Barrier", _mpi.Barrier);
        }
    }

    /// <summary>Finalizes MPI now (or aborts the job after <see cref="MarkFailed"/>); later calls do nothing.</summary>
    public void Dispose() => Close();

    private void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            if (_mpi.IsFinalized)
            {
                return;
            }

            if (_failed)
            {
                _mpi.Abort(Environment.ExitCode != 0 ? Environment.ExitCode : 1);
            }
            else
            {
                _mpi.FinalizeMpi();
            }
        }
    }

    /// <summary>Runs one MPI collective under the watchdog.</summary>
    private void Guarded(string operation, Action call)
    {
        _watchdog.Enter(operation);
        try
        {
            call();
        }
        finally
        {
            _watchdog.Exit();
        }
    }

    /// <summary>
    /// The watchdog's verdict: one line on the error stream, then MPI_Abort, which ends every rank (the one that
    /// hangs too) and makes mpiexec exit with <see cref="TimeoutExitCode"/>; the process exits itself if the abort returns.
    /// </summary>
    private void Expired(string operation, TimeSpan waited)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rank {Rank} of {WorldSize}: {operation} waited {waited.TotalSeconds:F0} s for the other ranks, longer than the collective timeout of {CollectiveTimeout.TotalSeconds:G4} s " +
            $"(TrainingOptions.CollectiveTimeout or {CollectiveWatchdog.Variable}); another rank hangs or died. Aborting the job (exit code {TimeoutExitCode})."));
        Console.Error.Flush();
        Console.Out.Flush();
        _mpi.Abort(TimeoutExitCode);
        Environment.Exit(TimeoutExitCode);
    }

    private IntPtr ReductionType(Tensor tensor, ReduceOperation operation)
    {
        var type = tensor.dtype switch
        {
            ScalarType.Float32 => _mpi.Abi.Float,
            ScalarType.Float64 => _mpi.Abi.Double,
            ScalarType.Int32 => _mpi.Abi.Int32,
            ScalarType.Int64 => _mpi.Abi.Int64,
            _ => throw new DistributedException($"AllReduce over MPI takes float32, float64, int32 or int64 tensors, not {tensor.dtype}; convert the tensor first."),
        };
        if (operation == ReduceOperation.Average && !tensor.is_floating_point())
        {
            throw new DistributedException($"An average needs a floating-point tensor, not {tensor.dtype}; sum instead and divide.");
        }

        return type;
    }

    private void CheckRoot(int root)
    {
        if (root < 0 || root >= WorldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(root), root, $"The root must be a rank in 0..{WorldSize - 1}.");
        }
    }

    /// <summary>Runs <paramref name="action"/> on <paramref name="tensor"/>'s elements in contiguous CPU memory, copying back when asked.</summary>
    private void InHostMemory(Tensor tensor, bool writeBack, Action<Tensor> action)
    {
        bool direct = tensor.device_type == DeviceType.CPU && tensor.is_contiguous();
        using var staged = direct ? null : tensor.detach().to(CPU).contiguous();
        lock (_gate)
        {
            action(staged ?? tensor);
        }

        if (staged is not null && writeBack)
        {
            using var noGrad = torch.no_grad();
            tensor.copy_(staged);
        }
    }
}
