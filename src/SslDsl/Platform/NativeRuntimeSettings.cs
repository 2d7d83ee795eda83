using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SslDsl;

/// <summary>
/// Process settings SslDsl makes before libtorch loads, so training is fast without environment
/// variables the user would have to know about (measurements in docs/benchmarks.md):
/// <list type="bullet">
/// <item>glibc's allocator keeps freed memory instead of returning it to the kernel after every step
/// (<c>mallopt</c>: trim threshold and top pad raised, every block served from the heap rather than
/// fresh <c>mmap</c>s), which removes tens of thousands of page faults per second;</item>
/// <item>libgomp's idle threads sleep instead of spin-waiting (<c>OMP_WAIT_POLICY=PASSIVE</c>) unless the
/// user set <c>OMP_WAIT_POLICY</c> or <c>GOMP_SPINCOUNT</c>, so libtorch's threads do not burn the cores that
/// other work (or the data loader) needs.</item>
/// </list>
/// <c>SSLDSL_NATIVE_TUNING=off</c> leaves both alone. Linux with glibc only; elsewhere nothing happens.
/// </summary>
public static class NativeRuntimeSettings
{
    private const int MallocTrimThreshold = -1;   // M_TRIM_THRESHOLD
    private const int MallocTopPad = -2;          // M_TOP_PAD
    private const int MallocMmapMax = -4;         // M_MMAP_MAX
    private static readonly List<string> AppliedSettings = new();

    /// <summary>What was set, in words (empty when nothing was: another OS, or turned off).</summary>
    public static IReadOnlyList<string> Applied => AppliedSettings;

    /// <summary>One line for logs: the settings in force, or why there are none.</summary>
    public static string Describe() => AppliedSettings.Count == 0 ? "native tuning: none" : "native tuning: " + string.Join(", ", AppliedSettings);

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The settings must be in place before libtorch and libgomp load, which the first torch call does.")]
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || string.Equals(Environment.GetEnvironmentVariable("SSLDSL_NATIVE_TUNING"), "off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            if (!NativeLibrary.TryLoad("libc.so.6", out var libc))
            {
                return;
            }

            if (NativeLibrary.TryGetExport(libc, "mallopt", out var mallopt))
            {
                TuneMalloc(mallopt);
            }

            if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null && Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is null &&
                NativeLibrary.TryGetExport(libc, "setenv", out var setenv) && SetNativeEnvironment(setenv, "OMP_WAIT_POLICY", "PASSIVE"))
            {
                AppliedSettings.Add("OMP_WAIT_POLICY=PASSIVE");
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // Not glibc: keep the defaults.
        }
    }

    private static unsafe void TuneMalloc(IntPtr mallopt)
    {
        var call = (delegate* unmanaged<int, int, int>)mallopt;
        // Keep up to 1 GiB of freed memory at the top of the heap, and grow it 256 MiB at a time.
        if (call(MallocTrimThreshold, 1 << 30) == 1)
        {
            AppliedSettings.Add("malloc trim threshold 1 GiB");
        }

        if (call(MallocTopPad, 256 << 20) == 1)
        {
            AppliedSettings.Add("malloc top pad 256 MiB");
        }

        // Every block comes from the heap, where freed ones are reused, never from a fresh mmap: activations
        // of a batch are tens of MiB (512 x 32 x 28 x 28 floats = 51 MiB), above glibc's largest mmap threshold
        // (32 MiB), so each one would otherwise be mapped, faulted in page by page, and unmapped every step.
        if (call(MallocMmapMax, 0) == 1)
        {
            AppliedSettings.Add("malloc without mmap");
        }
    }

    private static unsafe bool SetNativeEnvironment(IntPtr setenv, string name, string value)
    {
        // .NET's Environment.SetEnvironmentVariable does not reach the C library's environment on Unix,
        // and libgomp reads the C environment when libtorch loads it.
        var call = (delegate* unmanaged<byte*, byte*, int, int>)setenv;
        var n = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        var v = System.Text.Encoding.UTF8.GetBytes(value + "\0");
        fixed (byte* pn = n, pv = v)
        {
            return call(pn, pv, 0) == 0;
        }
    }
}
