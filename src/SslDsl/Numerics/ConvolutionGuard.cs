using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Protects training from a libtorch CPU convolution back end that returns wrong values (measured:
/// oneDNN 3.7's backward on an AMD EPYC with AVX-512, for small shapes such as Conv2d 1->8 3x3 on
/// 16x1x8x8). Each distinct convolution case a model trains with on the CPU is checked once per process
/// against float64 (<see cref="ConvolutionGradientCheck"/>) before its first gradient is used; on a
/// mismatch oneDNN is switched off for the process (<see cref="LibTorchContext.OneDnnEnabled"/>) and the
/// case is checked again on libtorch's native path. See <see cref="ConvolutionBackendPolicy"/>.
/// </summary>
public static class ConvolutionGuard
{
    /// <summary>Trials per case at the current thread count (the fault seen with 2 threads hits ~10-20 % of trials).</summary>
    public const int TrialsAtCurrentThreads = 8;

    /// <summary>Trials per case with one thread (the fault seen with 1 thread hits nearly every trial).</summary>
    public const int TrialsAtOneThread = 3;

    /// <summary>The cost bound of one check: the batch is cut so one forward stays under this many multiply-adds.</summary>
    public const double MaxMultiplyAdds = 4e6;

    private static readonly object Gate = new();
    private static readonly HashSet<string> Verified = new(StringComparer.Ordinal);
    private static bool _nativeForced;

    /// <summary>Whether this process switched oneDNN off because a check failed (or the policy asked for it).</summary>
    public static bool Rerouted { get; private set; }

    /// <summary>The trial that made the guard switch oneDNN off, if one did.</summary>
    public static ConvolutionTrial? RerouteReason { get; private set; }

    /// <summary>The policy in force when <paramref name="requested"/> is null: <c>SSLDSL_CONVOLUTIONS</c>, else <see cref="ConvolutionBackendPolicy.Verify"/>.</summary>
    /// <exception cref="ArgumentException">The environment variable holds something else than verify, native or trust.</exception>
    public static ConvolutionBackendPolicy Resolve(ConvolutionBackendPolicy? requested)
    {
        if (requested is { } p)
        {
            return p;
        }

        string? env = Environment.GetEnvironmentVariable("SSLDSL_CONVOLUTIONS");
        if (string.IsNullOrWhiteSpace(env))
        {
            return ConvolutionBackendPolicy.Verify;
        }

        return env.Trim().ToLowerInvariant() switch
        {
            "verify" => ConvolutionBackendPolicy.Verify,
            "native" => ConvolutionBackendPolicy.Native,
            "trust" => ConvolutionBackendPolicy.Trust,
            _ => throw new ArgumentException($"SSLDSL_CONVOLUTIONS is '{env}'; use verify, native or trust (or leave it unset for verify)."),
        };
    }

    /// <summary>
    /// Installs the check on every 1-D and 2-D convolution of <paramref name="network"/> on
    /// <paramref name="device"/>: a forward pre-hook that checks each new (layer configuration, input
    /// shape) once per process, in training and in forward-only use alike (embedding, evaluation). The hook
    /// fires only for convolutions invoked through <c>call</c> (as <c>Sequential</c> and SslDsl's own modules
    /// do); a custom module that calls a convolution's <c>forward</c> directly bypasses it. Returns the hooks to remove (dispose), or
    /// null when there is nothing to check (a GPU device, <see cref="ConvolutionBackendPolicy.Trust"/>).
    /// </summary>
    public static IDisposable? Watch(nn.Module network, Device device, ConvolutionBackendPolicy policy, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (device.type != DeviceType.CPU)
        {
            return null;
        }

        // Not a correctness matter: where NNPACK cannot initialise, libtorch logs so on every convolution it considers
        // for it (this guard's own float64 checks included); switching it off there silences that and changes nothing else.
        LibTorchContext.SilenceUnavailableNnpack();

        if (policy == ConvolutionBackendPolicy.Trust)
        {
            return null;
        }

        if (policy == ConvolutionBackendPolicy.Native)
        {
            ForceNative(log, reason: null);
            return null;
        }

        var removers = new List<Action>();
        // modules() lists the descendants; a bare convolution passed as the network is watched too.
        foreach (var module in network.modules().Prepend(network).Distinct(ReferenceEqualityComparer.Instance).OfType<nn.Module>())
        {
            if (module is Convolution conv && conv.kernel_size.Length is 1 or 2)
            {
                var remover = conv.register_forward_pre_hook((m, input) =>
                {
                    // Forward-only calls (embedding, evaluation, export) are checked too: the faults seen include
                    // wrong forward outputs (Conv1d 28->8, kernel 5, on an AMD EPYC), not only wrong gradients.
                    // Under mixed precision (TrainingPrecision.MixedBFloat16) the layer runs on bfloat16 kernels, whether its
                    // input is float32 (the first layer) or bfloat16 (the layers after it): those are the kernels to check, with
                    // the input gradient only where autograd will ask for it (oneDNN's bfloat16 input gradient is wrong for 1 or 3
                    // input channels on an AMD EPYC, a gradient a network's first layer never computes).
                    bool lowered = input.device_type == DeviceType.CPU && Autocast.IsEnabled(DeviceType.CPU) && Autocast.LowerType(DeviceType.CPU) == ScalarType.BFloat16;
                    if (input.device_type == DeviceType.CPU && (input.dtype == ScalarType.Float32 || (lowered && input.dtype == ScalarType.BFloat16)) &&
                        input.dim() == conv.kernel_size.Length + 2 &&
                        ConvolutionCase.Of(conv, input.shape[0], input.shape.Skip(2).ToArray()) is { } c)
                    {
                        using var fullPrecision = Autocast.Suspend(DeviceType.CPU);
                        if (lowered)
                        {
                            Ensure(c, log, ScalarType.BFloat16, inputGradient: input.requires_grad);
                        }
                        else
                        {
                            Ensure(c, log);
                        }
                    }

                    return input;
                });
                removers.Add(remover.remove);
            }
        }

        return removers.Count == 0 ? null : new Hooks(removers);
    }

    /// <summary>
    /// Checks <paramref name="c"/> (its batch cut to the cost bound) computed in <paramref name="precision"/> (float32, or
    /// bfloat16 as mixed precision runs it) unless this process already did; switches oneDNN off when the result
    /// disagrees with float64, and throws when the native path disagrees too.
    /// </summary>
    /// <exception cref="ConvolutionBackendException">Both back ends give wrong results for the case.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is neither float32 nor bfloat16.</exception>
    /// <param name="c">The case.</param>
    /// <param name="log">Where the warning goes when oneDNN is switched off (null: standard error).</param>
    /// <param name="precision">Float32, or bfloat16 as mixed precision computes the layer.</param>
    /// <param name="inputGradient">Whether training computes the input gradient (false for a layer whose input needs none).</param>
    public static void Ensure(ConvolutionCase c, TextWriter? log, ScalarType precision = ScalarType.Float32, bool inputGradient = true)
    {
        ArgumentNullException.ThrowIfNull(c);
        var checkCase = Bounded(c);
        string key = KeyOf(checkCase, precision, inputGradient);
        lock (Gate)
        {
            if (Verified.Contains(key))
            {
                return;
            }

            var failure = Check(checkCase, precision, inputGradient);
            if (failure is not null && !Rerouted && LibTorchContext.IsAvailable && LibTorchContext.OneDnnEnabled)
            {
                ForceNative(log, failure);
                failure = Check(checkCase, precision, inputGradient);
            }

            if (failure is not null)
            {
                string path = Rerouted ? "on libtorch's native path too, after oneDNN was switched off" : "and SslDsl cannot switch libtorch's back end here";
                throw new ConvolutionBackendException(failure,
                    $"libtorch computes wrong convolution results on this CPU ({CpuName()}) {path}: {failure.Describe()}. " +
                    "Training would learn from wrong gradients, so it stops here. Try another batch size or input size, or OMP_NUM_THREADS=1; " +
                    "docs/numerics.md shows how to reproduce and report it (SSLDSL_CONVOLUTIONS=trust skips this check at your own risk).");
            }

            Verified.Add(key);
        }
    }

    private static string KeyOf(ConvolutionCase c, ScalarType precision, bool inputGradient) => (precision switch
    {
        ScalarType.Float32 => c.Key,
        ScalarType.BFloat16 => c.Key + " in bfloat16",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Convolutions are checked in float32 or bfloat16."),
    }) + (inputGradient ? "" : " without input gradient");

    /// <summary>Whether this process has checked <paramref name="c"/> (its batch cut as <see cref="Bounded"/> cuts it) in <paramref name="precision"/> on the back end in force and found it right.</summary>
    public static bool IsVerified(ConvolutionCase c, ScalarType precision = ScalarType.Float32, bool inputGradient = true)
    {
        ArgumentNullException.ThrowIfNull(c);
        lock (Gate)
        {
            return Verified.Contains(KeyOf(Bounded(c), precision, inputGradient));
        }
    }

    /// <summary>The first failing trial of <paramref name="c"/> computed in <paramref name="precision"/> (1 thread, then the current thread count), or null.</summary>
    public static ConvolutionTrial? Check(ConvolutionCase c, ScalarType precision = ScalarType.Float32, bool inputGradient = true)
    {
        ArgumentNullException.ThrowIfNull(c);
        double tolerance = ConvolutionGradientCheck.ToleranceOf(precision);
        using var generator = new Generator(0x5eed);
        int threads = torch.get_num_threads();
        if (threads != 1)
        {
            torch.set_num_threads(1);
            try
            {
                var single = ConvolutionGradientCheck.RunMany(c, TrialsAtOneThread, generator, tolerance, precision, inputGradient);
                if (!single.Passes(tolerance))
                {
                    return single;
                }
            }
            finally
            {
                torch.set_num_threads(threads);
            }
        }

        var current = ConvolutionGradientCheck.RunMany(c, threads != 1 ? TrialsAtCurrentThreads : TrialsAtCurrentThreads + TrialsAtOneThread, generator, tolerance, precision, inputGradient);
        return current.Passes(tolerance) ? null : current;
    }

    /// <summary><paramref name="c"/> with its batch cut so one forward costs at most <see cref="MaxMultiplyAdds"/> (at least 2 samples).</summary>
    public static ConvolutionCase Bounded(ConvolutionCase c)
    {
        double perSample = c.MultiplyAdds / c.Batch;
        long batch = Math.Max(2, Math.Min(c.Batch, (long)(MaxMultiplyAdds / Math.Max(1, perSample))));
        return batch == c.Batch ? c : c.WithBatch(batch);
    }

    private static void ForceNative(TextWriter? log, ConvolutionTrial? reason)
    {
        if (_nativeForced || !LibTorchContext.IsAvailable)
        {
            return;
        }

        LibTorchContext.OneDnnEnabled = false;
        _nativeForced = true;
        Verified.Clear(); // cases passed on oneDNN now run on the native path: check them again there
        Rerouted = true;
        RerouteReason = reason;
        if (reason is not null)
        {
            (log ?? Console.Error).WriteLine(
                $"WARNING: libtorch's oneDNN convolutions gave wrong results on this CPU ({CpuName()}): {reason.Describe()}. " +
                "SslDsl switched CPU convolutions to libtorch's native path for this process and checks each shape again (see docs/numerics.md).");
        }
    }

    private static string CpuName() =>
        CpuInfo.Field("model name") ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();

    private sealed class Hooks : IDisposable
    {
        private List<Action>? _removers;

        public Hooks(List<Action> removers) => _removers = removers;

        public void Dispose()
        {
            var removers = _removers;
            _removers = null;
            removers?.ForEach(r => r());
        }
    }
}
