using System;
using System.Runtime.InteropServices;
using TorchSharp;

namespace SslDsl;

/// <summary>
/// Switches of libtorch's global context (<c>at::globalContext()</c>) that TorchSharp does not bind,
/// reached through the C++ entry points libtorch_cpu exports. Today: whether CPU convolutions may use
/// oneDNN (the switch PyTorch exposes as <c>torch.backends.mkldnn.enabled</c>).
/// </summary>
public static unsafe class LibTorchContext
{
    private const string GlobalContextSymbol = "_ZN2at13globalContextEv";
    private const string SetMkldnnSymbol = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private const string GetMkldnnSymbol = "_ZNK2at7Context17userEnabledMkldnnEv";
    private static readonly string[] LibraryNames = { "libtorch_cpu.so", "libtorch_cpu.dylib", "torch_cpu.dll" };
    private static readonly object Gate = new();
    private static Entry? _entry;

    private sealed record Entry(IntPtr Context, IntPtr Get, IntPtr Set);

    /// <summary>Whether this process can read and set the switches (libtorch_cpu exports them).</summary>
    public static bool IsAvailable => Resolve() is not null;

    /// <summary>
    /// Whether libtorch may run CPU convolutions on oneDNN (its default: true). When false, libtorch
    /// uses its own im2col + GEMM path (or NNPACK where that is supported). Affects the whole process.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">libtorch_cpu does not export the switch (see <see cref="IsAvailable"/>).</exception>
    public static bool OneDnnEnabled
    {
        get
        {
            var e = Require();
            return ((delegate* unmanaged<IntPtr, byte>)e.Get)(e.Context) != 0;
        }

        set
        {
            var e = Require();
            ((delegate* unmanaged<IntPtr, byte, void>)e.Set)(e.Context, value ? (byte)1 : (byte)0);
        }
    }

    private static Entry Require() =>
        Resolve() ?? throw new PlatformNotSupportedException(
            "libtorch_cpu does not export at::Context::setUserEnabledMkldnn here, so SslDsl cannot switch oneDNN convolutions off.");

    private static Entry? Resolve()
    {
        lock (Gate)
        {
            if (_entry is not null)
            {
                return _entry;
            }

            // Any torch call loads libtorch (and with it libtorch_cpu) through TorchSharp's own loader;
            // the names below then resolve to the library already in the process.
            _ = torch.get_num_threads();
            foreach (string name in LibraryNames)
            {
                if (NativeLibrary.TryLoad(name, out var handle) &&
                    NativeLibrary.TryGetExport(handle, GlobalContextSymbol, out var globalContext) &&
                    NativeLibrary.TryGetExport(handle, GetMkldnnSymbol, out var get) &&
                    NativeLibrary.TryGetExport(handle, SetMkldnnSymbol, out var set))
                {
                    var context = ((delegate* unmanaged<IntPtr>)globalContext)();
                    _entry = new Entry(context, get, set);
                    return _entry;
                }
            }

            return null;
        }
    }
}
