using System;
using System.Runtime.InteropServices;

namespace SslDsl;

/// <summary>
/// NVIDIA's NCCL (<c>libnccl.so.2</c>) and the one CUDA runtime call it needs first (<c>cudaSetDevice</c>), as
/// function pointers. The values of the enums are those of <c>nccl.h</c> (NCCL 2.10 and later, which added ncclAvg).
/// </summary>
internal sealed unsafe class NcclLibrary
{
    /// <summary>ncclDataType_t values.</summary>
    public const int Int32 = 2, Int64 = 4, Uint8 = 1, Float16 = 6, Float32 = 7, Float64 = 8, BFloat16 = 9;

    /// <summary>ncclRedOp_t values.</summary>
    public const int Sum = 0, Max = 2, Min = 3, Avg = 4;

    private static readonly string[] CudaRuntimeNames = { "libcudart.so.12", "libcudart.so.11.0", "libcudart.so" };

    private readonly delegate* unmanaged<NcclUniqueId*, int> _getUniqueId;
    private readonly delegate* unmanaged<IntPtr*, int, NcclUniqueId, int, int> _commInitRank;
    private readonly delegate* unmanaged<IntPtr, int> _commDestroy;
    private readonly delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int> _allReduce;
    private readonly delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int> _broadcast;
    private readonly delegate* unmanaged<IntPtr, IntPtr, nuint, int, IntPtr, IntPtr, int> _allGather;
    private readonly delegate* unmanaged<int, IntPtr> _errorString;
    private readonly delegate* unmanaged<int, int> _setDevice;

    private NcclLibrary(IntPtr nccl, IntPtr cudaRuntime)
    {
        _getUniqueId = (delegate* unmanaged<NcclUniqueId*, int>)NativeLibrary.GetExport(nccl, "ncclGetUniqueId");
        _commInitRank = (delegate* unmanaged<IntPtr*, int, NcclUniqueId, int, int>)NativeLibrary.GetExport(nccl, "ncclCommInitRank");
        _commDestroy = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(nccl, "ncclCommDestroy");
        _allReduce = (delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int>)NativeLibrary.GetExport(nccl, "ncclAllReduce");
        _broadcast = (delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int>)NativeLibrary.GetExport(nccl, "ncclBroadcast");
        _allGather = (delegate* unmanaged<IntPtr, IntPtr, nuint, int, IntPtr, IntPtr, int>)NativeLibrary.GetExport(nccl, "ncclAllGather");
        _errorString = (delegate* unmanaged<int, IntPtr>)NativeLibrary.GetExport(nccl, "ncclGetErrorString");
        _setDevice = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(cudaRuntime, "cudaSetDevice");
    }

    /// <summary>The 128 bytes that name one NCCL communicator (ncclUniqueId), passed by value.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 128)]
    public struct NcclUniqueId
    {
        private fixed byte _bytes[128];
    }

    /// <summary>Loads NCCL and the CUDA runtime.</summary>
    /// <exception cref="DistributedException">Either is missing; the message says what to install.</exception>
    public static NcclLibrary Load()
    {
        string ncclName = Environment.GetEnvironmentVariable("SSLDSL_NCCL_LIBRARY") is { Length: > 0 } chosen ? chosen : "libnccl.so.2";
        if (!NativeLibrary.TryLoad(ncclName, out var nccl))
        {
            throw new DistributedException($"Training on CUDA devices in several processes needs NCCL, and {ncclName} does not load. Install NCCL (libnccl2), or set SSLDSL_NCCL_LIBRARY to its path.");
        }

        foreach (string name in CudaRuntimeNames)
        {
            if (NativeLibrary.TryLoad(name, out var runtime))
            {
                return new NcclLibrary(nccl, runtime);
            }
        }

        throw new DistributedException($"NCCL needs the CUDA runtime, and none of {string.Join(", ", CudaRuntimeNames)} loads.");
    }

    public void SetDevice(int device) => CheckCuda(_setDevice(device), "cudaSetDevice");

    public NcclUniqueId UniqueId()
    {
        NcclUniqueId id;
        Check(_getUniqueId(&id), "ncclGetUniqueId");
        return id;
    }

    public IntPtr InitRank(int worldSize, NcclUniqueId id, int rank)
    {
        IntPtr comm;
        Check(_commInitRank(&comm, worldSize, id, rank), "ncclCommInitRank");
        return comm;
    }

    public void Destroy(IntPtr comm) => Check(_commDestroy(comm), "ncclCommDestroy");

    public void AllReduce(IntPtr send, IntPtr receive, long count, int type, int op, IntPtr comm) =>
        Check(_allReduce(send, receive, (nuint)count, type, op, comm, IntPtr.Zero), "ncclAllReduce");

    public void Broadcast(IntPtr send, IntPtr receive, long count, int type, int root, IntPtr comm) =>
        Check(_broadcast(send, receive, (nuint)count, type, root, comm, IntPtr.Zero), "ncclBroadcast");

    public void AllGather(IntPtr send, IntPtr receive, long count, int type, IntPtr comm) =>
        Check(_allGather(send, receive, (nuint)count, type, comm, IntPtr.Zero), "ncclAllGather");

    private void Check(int result, string function)
    {
        if (result != 0)
        {
            throw new DistributedException($"{function} failed with NCCL error {result}: {Marshal.PtrToStringAnsi(_errorString(result))}");
        }
    }

    private static void CheckCuda(int result, string function)
    {
        if (result != 0)
        {
            throw new DistributedException($"{function} failed with CUDA error {result}.");
        }
    }
}
