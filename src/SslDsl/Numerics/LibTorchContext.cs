using System;
using TorchSharp;

namespace SslDsl;

/// <summary>
/// Switches of libtorch's global context (<c>at::globalContext()</c>) that TorchSharp does not bind,
/// reached through the C++ entry points libtorch_cpu exports: whether CPU convolutions may use oneDNN
/// (PyTorch's <c>torch.backends.mkldnn.enabled</c>) and whether they may use NNPACK
/// (<c>torch.backends.nnpack.set_flags</c>).
/// </summary>
public static unsafe class LibTorchContext
{
    private const string GlobalContextSymbol = "_ZN2at13globalContextEv";
    private const string SetMkldnnSymbol = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private const string GetMkldnnSymbol = "_ZNK2at7Context17userEnabledMkldnnEv";
    private const string SetNnpackSymbol = "_ZN2at7Context20setUserEnabledNNPACKEb";
    private const string GetNnpackSymbol = "_ZNK2at7Context17userEnabledNNPACKEv";
    private const string NnpackAvailableSymbol = "_ZN2at6native17_nnpack_availableEv";
    private static readonly object Gate = new();
    private static Entry? _entry;
    private static bool? _nnpackInitialises;

    private sealed record Entry(IntPtr Context, IntPtr GetMkldnn, IntPtr SetMkldnn, IntPtr GetNnpack, IntPtr SetNnpack, IntPtr NnpackAvailable);

    /// <summary>Whether this process can read and set the switches (libtorch_cpu exports them).</summary>
    public static bool IsAvailable => Resolve() is not null;

    /// <summary>
    /// Whether libtorch may run CPU convolutions on oneDNN (its default: true). When false, libtorch
    /// uses its own im2col + GEMM path (or NNPACK where that is supported). Affects the whole process.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">libtorch_cpu does not export the switch (see <see cref="IsAvailable"/>).</exception>
    public static bool OneDnnEnabled
    {
        get => Read(e => e.GetMkldnn);
        set => Write(e => e.SetMkldnn, value);
    }

    /// <summary>
    /// Whether libtorch may run forward-only CPU convolutions on NNPACK (its default: true). NNPACK is used only where
    /// it initialises; switching it off there changes nothing else. Affects the whole process.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">libtorch_cpu does not export the switch (see <see cref="IsAvailable"/>).</exception>
    public static bool NnpackEnabled
    {
        get => Read(e => e.GetNnpack);
        set => Write(e => e.SetNnpack, value);
    }

    /// <summary>
    /// Whether NNPACK initialises on this CPU (libtorch's <c>at::_nnpack_available()</c>; false on some AMD EPYC virtual
    /// machines). Asked once per process: where it is false, libtorch logs "Could not initialize NNPACK! Reason:
    /// Unsupported hardware." to standard error each time it is asked.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">libtorch_cpu does not export the question (see <see cref="IsAvailable"/>).</exception>
    public static bool NnpackInitialises
    {
        get
        {
            lock (Gate)
            {
                _nnpackInitialises ??= ((delegate* unmanaged<byte>)Require().NnpackAvailable)() != 0;
                return _nnpackInitialises.Value;
            }
        }
    }

    /// <summary>
    /// Switches NNPACK off where it cannot initialise (<see cref="NnpackInitialises"/> is false). libtorch otherwise asks
    /// on every CPU convolution it considers for NNPACK and logs the failure each time (the main job printed the line
    /// 110 times on an AMD EPYC); switched off, it no longer asks, and nothing else changes, since NNPACK could not run.
    /// Returns whether NNPACK is off for that reason. Does nothing where the switches are not exported.
    /// </summary>
    public static bool SilenceUnavailableNnpack()
    {
        if (!IsAvailable || NnpackInitialises)
        {
            return false;
        }

        NnpackEnabled = false;
        return true;
    }

    private static bool Read(Func<Entry, IntPtr> getter)
    {
        var e = Require();
        return ((delegate* unmanaged<IntPtr, byte>)getter(e))(e.Context) != 0;
    }

    private static void Write(Func<Entry, IntPtr> setter, bool value)
    {
        var e = Require();
        ((delegate* unmanaged<IntPtr, byte, void>)setter(e))(e.Context, value ? (byte)1 : (byte)0);
    }

    private static Entry Require() =>
        Resolve() ?? throw new PlatformNotSupportedException(
            "libtorch_cpu does not export at::Context's backend switches here, so SslDsl cannot switch oneDNN or NNPACK convolutions off.");

    private static Entry? Resolve()
    {
        lock (Gate)
        {
            if (_entry is not null)
            {
                return _entry;
            }

            if (LibTorchExports.Find(GlobalContextSymbol, GetMkldnnSymbol, SetMkldnnSymbol, GetNnpackSymbol, SetNnpackSymbol, NnpackAvailableSymbol) is not { } e)
            {
                return null;
            }

            var context = ((delegate* unmanaged<IntPtr>)e[0])();
            _entry = new Entry(context, e[1], e[2], e[3], e[4], e[5]);
            return _entry;
        }
    }
}
