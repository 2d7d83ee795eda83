using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Collectives over NCCL for CUDA tensors, one GPU per rank (<c>cuda:LocalRank</c>), for ranks that
/// <c>mpiexec</c> started: MPI carries the communicator's id from rank 0 to the others and handles CPU tensors
/// and the barrier; NCCL reduces, broadcasts and gathers the tensors in GPU memory, on the default CUDA stream
/// (the one TorchSharp's kernels run on), and each call waits for the GPU before it returns.
/// </summary>
/// <remarks>
/// Built and documented, but not run by the tests: the machines this project is tested on have no GPU.
/// </remarks>
public sealed class NcclCollectives : ICollectives
{
    private readonly MpiCollectives _mpi;
    private readonly NcclLibrary _nccl;
    private readonly Device _device;
    private IntPtr _comm;

    private NcclCollectives(MpiCollectives mpi, NcclLibrary nccl, IntPtr comm)
    {
        _mpi = mpi;
        _nccl = nccl;
        _comm = comm;
        _device = torch.device(DeviceType.CUDA, mpi.LocalRank);
    }

    /// <inheritdoc />
    public int Rank => _mpi.Rank;

    /// <inheritdoc />
    public int WorldSize => _mpi.WorldSize;

    /// <inheritdoc />
    public int LocalRank => _mpi.LocalRank;

    /// <inheritdoc />
    public string Backend => "nccl";

    /// <summary>Creates the NCCL communicator of the ranks of <paramref name="mpi"/>, on GPU <c>cuda:LocalRank</c>.</summary>
    /// <exception cref="DistributedException">NCCL or the CUDA runtime is missing, or NCCL reported an error.</exception>
    internal static NcclCollectives Start(MpiCollectives mpi)
    {
        var nccl = NcclLibrary.Load();
        nccl.SetDevice(mpi.LocalRank);
        var id = mpi.Rank == 0 ? nccl.UniqueId() : default;
        unsafe
        {
            using var bytes = torch.empty(sizeof(NcclLibrary.NcclUniqueId), ScalarType.Byte);
            var span = new Span<byte>((void*)TensorMemory.Address(bytes), sizeof(NcclLibrary.NcclUniqueId));
            new ReadOnlySpan<byte>(&id, sizeof(NcclLibrary.NcclUniqueId)).CopyTo(span);
            mpi.Broadcast(bytes, root: 0);
            span.CopyTo(new Span<byte>(&id, sizeof(NcclLibrary.NcclUniqueId)));
        }

        return new NcclCollectives(mpi, nccl, nccl.InitRank(mpi.WorldSize, id, mpi.Rank));
    }

    /// <inheritdoc />
    public void AllReduce(Tensor tensor, ReduceOperation operation = ReduceOperation.Sum)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.device_type != DeviceType.CUDA)
        {
            _mpi.AllReduce(tensor, operation);
            return;
        }

        if (operation == ReduceOperation.Average && !tensor.is_floating_point())
        {
            throw new DistributedException($"An average needs a floating-point tensor, not {tensor.dtype}; sum instead and divide.");
        }

        int op = operation switch
        {
            ReduceOperation.Average => NcclLibrary.Avg,
            ReduceOperation.Max => NcclLibrary.Max,
            ReduceOperation.Min => NcclLibrary.Min,
            _ => NcclLibrary.Sum,
        };
        OnDevice(tensor, writeBack: true, t =>
        {
            IntPtr p = TensorMemory.Address(t);
            _nccl.AllReduce(p, p, t.NumberOfElements, DataType(t), op, _comm);
        });
    }

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root = 0)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.device_type != DeviceType.CUDA)
        {
            _mpi.Broadcast(tensor, root);
            return;
        }

        OnDevice(tensor, writeBack: Rank != root, t =>
        {
            IntPtr p = TensorMemory.Address(t);
            _nccl.Broadcast(p, p, TensorMemory.Bytes(t), NcclLibrary.Uint8, root, _comm);
        });
    }

    /// <inheritdoc />
    public Tensor AllGather(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.device_type != DeviceType.CUDA)
        {
            return _mpi.AllGather(tensor);
        }

        var gathered = torch.empty(TensorMemory.GatheredShape(tensor, WorldSize), tensor.dtype, tensor.device);
        OnDevice(tensor, writeBack: false, t =>
            _nccl.AllGather(TensorMemory.Address(t), TensorMemory.Address(gathered), TensorMemory.Bytes(t), NcclLibrary.Uint8, _comm));
        return gathered;
    }

    /// <inheritdoc />
    public void Barrier() => _mpi.Barrier();

    /// <summary>Destroys the NCCL communicator (MPI stays up for the process).</summary>
    public void Dispose()
    {
        if (_comm != IntPtr.Zero)
        {
            _nccl.Destroy(_comm);
            _comm = IntPtr.Zero;
        }
    }

    private static int DataType(Tensor tensor) => tensor.dtype switch
    {
        ScalarType.Float32 => NcclLibrary.Float32,
        ScalarType.Float64 => NcclLibrary.Float64,
        ScalarType.Float16 => NcclLibrary.Float16,
        ScalarType.BFloat16 => NcclLibrary.BFloat16,
        ScalarType.Int32 => NcclLibrary.Int32,
        ScalarType.Int64 => NcclLibrary.Int64,
        _ => throw new DistributedException($"AllReduce over NCCL takes float16, bfloat16, float32, float64, int32 or int64 tensors, not {tensor.dtype}."),
    };

    private void OnDevice(Tensor tensor, bool writeBack, Action<Tensor> action)
    {
        using var staged = tensor.is_contiguous() ? null : tensor.detach().contiguous();
        action(staged ?? tensor);
        torch.cuda.synchronize(_device);
        if (staged is not null && writeBack)
        {
            using var noGrad = torch.no_grad();
            tensor.copy_(staged);
        }
    }
}
