using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// libtorch's automatic mixed precision (PyTorch's <c>torch.autocast</c>), which TorchSharp does not bind, reached
/// through the C++ entry points libtorch_cpu exports (<c>at::autocast::set_autocast_enabled</c> and its siblings).
/// While a <see cref="Enable"/> scope is open on a thread, the operators that autocast lowers (convolutions, linear
/// layers, matrix products) run in the scope's type on that thread's tensors of its device, with differentiable
/// casts of their float32 inputs (weights included), so gradients reach the float32 parameters; every other operator
/// runs in the type of its inputs. The state is per thread, as in PyTorch.
/// </summary>
public static unsafe class Autocast
{
    private const string SetEnabledSymbol = "_ZN2at8autocast20set_autocast_enabledEN3c1010DeviceTypeEb";
    private const string IsEnabledSymbol = "_ZN2at8autocast19is_autocast_enabledEN3c1010DeviceTypeE";
    private const string SetDtypeSymbol = "_ZN2at8autocast18set_autocast_dtypeEN3c1010DeviceTypeENS1_10ScalarTypeE";
    private const string GetDtypeSymbol = "_ZN2at8autocast18get_autocast_dtypeEN3c1010DeviceTypeE";
    private const string IncrementNestingSymbol = "_ZN2at8autocast17increment_nestingEv";
    private const string DecrementNestingSymbol = "_ZN2at8autocast17decrement_nestingEv";
    private const string ClearCacheSymbol = "_ZN2at8autocast11clear_cacheEv";
    private static readonly object Gate = new();
    private static Entry? _entry;
    private static volatile bool _resolved; // written after _entry: the convolution guard asks on every layer call, without the lock

    private sealed record Entry(IntPtr SetEnabled, IntPtr IsEnabled, IntPtr SetDtype, IntPtr GetDtype, IntPtr Increment, IntPtr Decrement, IntPtr ClearCache);

    /// <summary>Whether this process can switch autocast (libtorch_cpu exports the entry points).</summary>
    public static bool IsAvailable => Resolve() is not null;

    /// <summary>Whether autocast is on for <paramref name="device"/> on this thread (false where it cannot be switched).</summary>
    public static bool IsEnabled(DeviceType device) =>
        Resolve() is { } e && ((delegate* unmanaged<sbyte, byte>)e.IsEnabled)((sbyte)device) != 0;

    /// <summary>The type autocast lowers to on <paramref name="device"/> on this thread.</summary>
    /// <exception cref="PlatformNotSupportedException">libtorch_cpu does not export autocast's entry points (see <see cref="IsAvailable"/>).</exception>
    public static ScalarType LowerType(DeviceType device) => (ScalarType)((delegate* unmanaged<sbyte, sbyte>)Require().GetDtype)((sbyte)device);

    /// <summary>
    /// Turns autocast on for <paramref name="device"/> on this thread, lowering to <paramref name="type"/>, until the
    /// returned scope is disposed; disposing restores the state before (scopes nest). When the outermost scope closes,
    /// the weight casts autocast cached are released, as <c>torch.autocast</c> does on exit.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">libtorch_cpu does not export autocast's entry points (see <see cref="IsAvailable"/>).</exception>
    public static IDisposable Enable(DeviceType device, ScalarType type)
    {
        var e = Require();
        var scope = new Scope(e, device, IsEnabled(device), LowerType(device), nests: true);
        ((delegate* unmanaged<sbyte, sbyte, void>)e.SetDtype)((sbyte)device, (sbyte)type);
        ((delegate* unmanaged<sbyte, byte, void>)e.SetEnabled)((sbyte)device, 1);
        ((delegate* unmanaged<long>)e.Increment)();
        return scope;
    }

    /// <summary>
    /// Turns autocast off for <paramref name="device"/> on this thread until the returned scope is disposed, which
    /// restores it (full-precision work inside a lowered region, as <c>torch.autocast(enabled=False)</c>). Does nothing
    /// where autocast cannot be switched or is off.
    /// </summary>
    public static IDisposable Suspend(DeviceType device)
    {
        if (Resolve() is not { } e || !IsEnabled(device))
        {
            return Scope.None;
        }

        var scope = new Scope(e, device, true, LowerType(device), nests: false);
        ((delegate* unmanaged<sbyte, byte, void>)e.SetEnabled)((sbyte)device, 0);
        return scope;
    }

    private static Entry Require() =>
        Resolve() ?? throw new PlatformNotSupportedException(
            "libtorch_cpu does not export at::autocast's entry points here, so SslDsl cannot run mixed precision; use TrainingPrecision.Float32.");

    private static Entry? Resolve()
    {
        if (_resolved)
        {
            return _entry;
        }

        lock (Gate)
        {
            if (_resolved)
            {
                return _entry;
            }

            if (LibTorchExports.Find(SetEnabledSymbol, IsEnabledSymbol, SetDtypeSymbol, GetDtypeSymbol, IncrementNestingSymbol, DecrementNestingSymbol, ClearCacheSymbol) is { } e)
            {
                _entry = new Entry(e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
            }

            _resolved = true;
            return _entry;
        }
    }

    private sealed class Scope : IDisposable
    {
        public static readonly IDisposable None = new NoScope();
        private readonly Entry? _entry;
        private readonly DeviceType _device;
        private readonly bool _wasEnabled;
        private readonly ScalarType _wasType;
        private readonly bool _nests;
        private bool _closed;

        public Scope(Entry entry, DeviceType device, bool wasEnabled, ScalarType wasType, bool nests)
        {
            _entry = entry;
            _device = device;
            _wasEnabled = wasEnabled;
            _wasType = wasType;
            _nests = nests;
        }

        public void Dispose()
        {
            if (_closed || _entry is not { } e)
            {
                return;
            }

            _closed = true;
            ((delegate* unmanaged<sbyte, sbyte, void>)e.SetDtype)((sbyte)_device, (sbyte)_wasType);
            ((delegate* unmanaged<sbyte, byte, void>)e.SetEnabled)((sbyte)_device, _wasEnabled ? (byte)1 : (byte)0);
            if (_nests && ((delegate* unmanaged<long>)e.Decrement)() == 0)
            {
                ((delegate* unmanaged<void>)e.ClearCache)();
            }
        }

        private sealed class NoScope : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
