using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The address of a tensor's first element (on its device), for handing tensors to communication libraries.
/// TorchSharp does not expose it; LibTorchSharp, the native library it ships and loads, exports
/// <c>THSTensor_data</c> (libtorch's <c>Tensor::data_ptr()</c>, which includes the storage offset).
/// </summary>
internal static unsafe class TensorMemory
{
    private static readonly object Gate = new();
    private static IntPtr _data;

    /// <summary>The address of <paramref name="tensor"/>'s first element; the tensor must be contiguous.</summary>
    /// <exception cref="DistributedException">LibTorchSharp does not export the entry point.</exception>
    public static IntPtr Address(Tensor tensor)
    {
        if (!tensor.is_contiguous())
        {
            throw new ArgumentException("The tensor must be contiguous to be handed to a communication library.", nameof(tensor));
        }

        return ((delegate* unmanaged<IntPtr, IntPtr>)Entry())(tensor.Handle);
    }

    /// <summary>The shape of <paramref name="worldSize"/> copies of <paramref name="tensor"/> stacked along dimension 0 (a scalar gathers to a vector).</summary>
    public static long[] GatheredShape(Tensor tensor, int worldSize)
    {
        if (tensor.shape.Length == 0)
        {
            return new long[] { worldSize };
        }

        var shape = (long[])tensor.shape.Clone();
        shape[0] *= worldSize;
        return shape;
    }

    /// <summary>Bytes of <paramref name="tensor"/>'s elements.</summary>
    public static long Bytes(Tensor tensor) => tensor.NumberOfElements * tensor.ElementSize;

    private static IntPtr Entry()
    {
        lock (Gate)
        {
            if (_data != IntPtr.Zero)
            {
                return _data;
            }

            // Any torch call loads LibTorchSharp through TorchSharp's own loader; the lookups below then find it in the process.
            _ = torch.get_num_threads();
            foreach (string name in new[] { "LibTorchSharp", "libLibTorchSharp.so", "libLibTorchSharp.dylib" })
            {
                if (NativeLibrary.TryLoad(name, typeof(torch).Assembly, null, out var handle) &&
                    NativeLibrary.TryGetExport(handle, "THSTensor_data", out var entry))
                {
                    _data = entry;
                    return entry;
                }
            }

            throw new DistributedException("TorchSharp's native library LibTorchSharp does not export THSTensor_data here, so tensors cannot be handed to MPI or NCCL.");
        }
    }
}
