using System;
using System.Runtime.InteropServices;

namespace SslDsl;

/// <summary>
/// The handles of one MPI library's binary interface. MPI fixes the names (MPI_COMM_WORLD, MPI_FLOAT, MPI_SUM,
/// MPI_IN_PLACE) but not their values: Open MPI's handles are the addresses of global objects it exports
/// (<c>ompi_mpi_comm_world</c>, <c>ompi_mpi_float</c>, <c>ompi_mpi_op_sum</c>, ...), looked up here with
/// <see cref="NativeLibrary.GetExport"/>; MPICH and the libraries built on its interface (Intel MPI, MVAPICH)
/// use fixed integers from their <c>mpi.h</c>, copied here from MPICH 4.0's.
/// </summary>
internal sealed record MpiAbi(
    string Name,
    IntPtr CommWorld,
    IntPtr Float,
    IntPtr Double,
    IntPtr Int32,
    IntPtr Int64,
    IntPtr Byte,
    IntPtr Sum,
    IntPtr Max,
    IntPtr Min,
    IntPtr InPlace)
{
    /// <summary>MPI_THREAD_SERIALIZED in both interfaces: any thread may call, one at a time.</summary>
    public const int ThreadSerialized = 2;

    /// <summary>The interface of the library loaded as <paramref name="library"/>: Open MPI when it exports <c>ompi_mpi_comm_world</c>, else MPICH's.</summary>
    public static MpiAbi Of(IntPtr library) =>
        NativeLibrary.TryGetExport(library, "ompi_mpi_comm_world", out var commWorld)
            ? new MpiAbi(
                "Open MPI",
                commWorld,
                NativeLibrary.GetExport(library, "ompi_mpi_float"),
                NativeLibrary.GetExport(library, "ompi_mpi_double"),
                NativeLibrary.GetExport(library, "ompi_mpi_int"),
                NativeLibrary.GetExport(library, "ompi_mpi_int64_t"),
                NativeLibrary.GetExport(library, "ompi_mpi_byte"),
                NativeLibrary.GetExport(library, "ompi_mpi_op_sum"),
                NativeLibrary.GetExport(library, "ompi_mpi_op_max"),
                NativeLibrary.GetExport(library, "ompi_mpi_op_min"),
                InPlace: 1)
            : Mpich;

    /// <summary>MPICH's integer handles (mpi.h of MPICH 4.0; the same in MPICH 3.x, Intel MPI and MVAPICH).</summary>
    public static MpiAbi Mpich { get; } = new(
        "MPICH",
        CommWorld: 0x44000000,
        Float: 0x4c00040a,
        Double: 0x4c00080b,
        Int32: 0x4c000405,
        Int64: 0x4c00083a,
        Byte: 0x4c00010d,
        Sum: 0x58000003,
        Max: 0x58000001,
        Min: 0x58000002,
        InPlace: -1);
}
