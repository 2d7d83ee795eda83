using System;
using System.Runtime.InteropServices;
using System.Text;

namespace SslDsl;

/// <summary>
/// The system's MPI library (Open MPI's <c>libmpi.so.40</c>, or MPICH's <c>libmpi.so.12</c>; the variable
/// <c>SSLDSL_MPI_LIBRARY</c> names another), loaded with RTLD_GLOBAL as MPI's plug-ins expect, and the
/// entry points SslDsl calls, as function pointers. Handles are passed as pointer-sized values: Open MPI's
/// are pointers, MPICH's are C ints, which the x86-64 and AArch64 calling conventions pass in the low half
/// of the same register.
/// </summary>
internal sealed unsafe class MpiLibrary
{
    private const int RtldNow = 2;
    private const int RtldGlobal = 0x100;
    private static readonly string[] Names = { "libmpi.so.40", "libmpi.so.12", "libmpi.so" };

    private readonly delegate* unmanaged<int*, int> _initialized;
    private readonly delegate* unmanaged<int*, int> _finalized;
    private readonly delegate* unmanaged<IntPtr, IntPtr, int, int*, int> _initThread;
    private readonly delegate* unmanaged<int> _finalize;
    private readonly delegate* unmanaged<IntPtr, int, int> _abort;
    private readonly delegate* unmanaged<IntPtr, int*, int> _commRank;
    private readonly delegate* unmanaged<IntPtr, int*, int> _commSize;
    private readonly delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr, IntPtr, int> _allreduce;
    private readonly delegate* unmanaged<IntPtr, int, IntPtr, int, IntPtr, int> _bcast;
    private readonly delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, int, IntPtr, IntPtr, int> _allgather;
    private readonly delegate* unmanaged<IntPtr, int> _barrier;
    private readonly delegate* unmanaged<int, byte*, int*, int> _errorString;

    private MpiLibrary(string path, IntPtr handle)
    {
        Path = path;
        Abi = MpiAbi.Of(handle);
        _initialized = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(handle, "MPI_Initialized");
        _finalized = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(handle, "MPI_Finalized");
        _initThread = (delegate* unmanaged<IntPtr, IntPtr, int, int*, int>)NativeLibrary.GetExport(handle, "MPI_Init_thread");
        _finalize = (delegate* unmanaged<int>)NativeLibrary.GetExport(handle, "MPI_Finalize");
        _abort = (delegate* unmanaged<IntPtr, int, int>)NativeLibrary.GetExport(handle, "MPI_Abort");
        _commRank = (delegate* unmanaged<IntPtr, int*, int>)NativeLibrary.GetExport(handle, "MPI_Comm_rank");
        _commSize = (delegate* unmanaged<IntPtr, int*, int>)NativeLibrary.GetExport(handle, "MPI_Comm_size");
        _allreduce = (delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr, IntPtr, int>)NativeLibrary.GetExport(handle, "MPI_Allreduce");
        _bcast = (delegate* unmanaged<IntPtr, int, IntPtr, int, IntPtr, int>)NativeLibrary.GetExport(handle, "MPI_Bcast");
        _allgather = (delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, int, IntPtr, IntPtr, int>)NativeLibrary.GetExport(handle, "MPI_Allgather");
        _barrier = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(handle, "MPI_Barrier");
        _errorString = (delegate* unmanaged<int, byte*, int*, int>)NativeLibrary.GetExport(handle, "MPI_Error_string");
    }

    /// <summary>The file loaded.</summary>
    public string Path { get; }

    /// <summary>The library's handles.</summary>
    public MpiAbi Abi { get; }

    /// <summary>Loads the system's MPI library.</summary>
    /// <exception cref="DistributedException">No MPI library loads; the message says what to install.</exception>
    public static MpiLibrary Load()
    {
        var names = Environment.GetEnvironmentVariable("SSLDSL_MPI_LIBRARY") is { Length: > 0 } chosen ? new[] { chosen } : Names;
        foreach (string name in names)
        {
            var handle = dlopen(name, RtldNow | RtldGlobal);
            if (handle != IntPtr.Zero)
            {
                return new MpiLibrary(name, handle);
            }
        }

        throw new DistributedException(
            $"This process was started as one of several ranks, but no MPI library loads ({string.Join(", ", names)}). " +
            "Install Open MPI (Debian/Ubuntu: apt-get install openmpi-bin), or set SSLDSL_MPI_LIBRARY to the path of libmpi.");
    }

    public bool IsInitialized
    {
        get
        {
            int flag;
            Check(_initialized(&flag), "MPI_Initialized");
            return flag != 0;
        }
    }

    public bool IsFinalized
    {
        get
        {
            int flag;
            Check(_finalized(&flag), "MPI_Finalized");
            return flag != 0;
        }
    }

    public int InitThread(int required)
    {
        int provided;
        Check(_initThread(IntPtr.Zero, IntPtr.Zero, required, &provided), "MPI_Init_thread");
        return provided;
    }

    public void FinalizeMpi() => Check(_finalize(), "MPI_Finalize");

    public void Abort(int code) => _abort(Abi.CommWorld, code);

    public int CommRank()
    {
        int rank;
        Check(_commRank(Abi.CommWorld, &rank), "MPI_Comm_rank");
        return rank;
    }

    public int CommSize()
    {
        int size;
        Check(_commSize(Abi.CommWorld, &size), "MPI_Comm_size");
        return size;
    }

    public void AllReduceInPlace(IntPtr buffer, int count, IntPtr type, IntPtr op) =>
        Check(_allreduce(Abi.InPlace, buffer, count, type, op, Abi.CommWorld), "MPI_Allreduce");

    public void Broadcast(IntPtr buffer, int count, IntPtr type, int root) =>
        Check(_bcast(buffer, count, type, root, Abi.CommWorld), "MPI_Bcast");

    public void AllGather(IntPtr send, int count, IntPtr type, IntPtr receive) =>
        Check(_allgather(send, count, type, receive, count, type, Abi.CommWorld), "MPI_Allgather");

    public void Barrier() => Check(_barrier(Abi.CommWorld), "MPI_Barrier");

    private void Check(int code, string function)
    {
        if (code == 0)
        {
            return;
        }

        var text = new byte[1024];
        int length = 0;
        fixed (byte* p = text)
        {
            _ = _errorString(code, p, &length);
        }

        throw new DistributedException($"{function} failed with MPI error {code}: {Encoding.ASCII.GetString(text, 0, Math.Clamp(length, 0, text.Length))}");
    }

#pragma warning disable SYSLIB1054 // A source-generated LibraryImport adds nothing for one plain call.
    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern IntPtr dlopen(string fileName, int flags);
#pragma warning restore SYSLIB1054
}
