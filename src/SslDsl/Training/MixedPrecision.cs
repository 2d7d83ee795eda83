using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Runs a network's modules in bfloat16 autocast during a training step, as a PyTorch user wraps the forward pass in
/// <c>torch.autocast</c>: a forward pre-hook and hook on each top-level module of the network (the encoder, the heads,
/// a momentum target) open an <see cref="Autocast"/> scope around the module's forward and hand its output back in
/// float32. So convolutions and linear layers inside the modules run in bfloat16, while the augmentations before them
/// and the loss after them run in float32, as do weights, gradients and the optimizer. Outside a step
/// (<see cref="Open"/>) the hooks do nothing: embedding, monitors and fine-tuning stay float32.
/// </summary>
/// <remarks>
/// Hooks run when a module is called through <c>call</c>, as the generated code and <c>nn.Sequential</c> call them; a
/// module called through <c>forward</c> directly runs in float32.
/// </remarks>
internal sealed class MixedPrecision : IDisposable
{
    private readonly DeviceType _device;
    private readonly List<Action> _removers = new();
    private readonly Stack<IDisposable?> _open = new();
    private bool _active;

    /// <summary>Hooks the top-level modules of <paramref name="network"/> (a module of modules is entered until each branch reaches a tensor-to-tensor module).</summary>
    public MixedPrecision(nn.Module network, DeviceType device)
    {
        ArgumentNullException.ThrowIfNull(network);
        _device = device;
        foreach (var module in TopLevel(network))
        {
            var before = module.register_forward_pre_hook((m, input) =>
            {
                _open.Push(_active ? Autocast.Enable(_device, ScalarType.BFloat16) : null);
                return input;
            });
            var after = module.register_forward_hook((m, input, output) =>
            {
                if (_open.Count == 0 || _open.Pop() is not { } scope)
                {
                    return output;
                }

                scope.Dispose();
                return output.dtype == ScalarType.BFloat16 ? output.to(ScalarType.Float32) : output;
            });
            _removers.Add(before.remove);
            _removers.Add(after.remove);
        }
    }

    /// <summary>The number of modules that run in autocast.</summary>
    public int HookedModules => _removers.Count / 2;

    /// <summary>
    /// Lowers the hooked modules until the returned scope is disposed (one step's loss). Disposing also closes the
    /// scopes of modules whose forward threw, so autocast never outlives the step.
    /// </summary>
    public IDisposable Open()
    {
        _active = true;
        return new Step(this);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        foreach (var remove in _removers)
        {
            remove();
        }

        _removers.Clear();
    }

    /// <summary>
    /// The precision a run uses: <paramref name="requested"/> with <see cref="TrainingPrecision.Auto"/> resolved to
    /// <see cref="TrainingPrecision.MixedBFloat16"/> on a CPU with native bfloat16 instructions (one process, libtorch's
    /// autocast reachable) and to <see cref="TrainingPrecision.Float32"/> elsewhere.
    /// </summary>
    /// <param name="requested">The declared or overriding precision.</param>
    /// <param name="device">The training device.</param>
    /// <param name="ranks">How many processes train together.</param>
    /// <param name="cpuFlags">The CPU's feature flags (as /proc/cpuinfo lists them); null reads them from /proc/cpuinfo.</param>
    /// <exception cref="ArgumentException">Mixed precision was asked for where it cannot run: several ranks, or a libtorch without autocast's entry points.</exception>
    public static TrainingPrecision Resolve(TrainingPrecision requested, Device device, int ranks, string? cpuFlags = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        switch (requested)
        {
            case TrainingPrecision.Float32:
                return TrainingPrecision.Float32;
            case TrainingPrecision.Auto:
                bool native = device.type == DeviceType.CPU && HasNativeBFloat16(cpuFlags ?? CpuInfo.Field("flags") ?? "");
                return native && ranks == 1 && Autocast.IsAvailable ? TrainingPrecision.MixedBFloat16 : TrainingPrecision.Float32;
            case TrainingPrecision.MixedBFloat16:
                if (ranks > 1)
                {
                    throw new ArgumentException(
                        $"Mixed precision (TrainingPrecision.MixedBFloat16) trains in one process only; this run has {ranks} ranks. Use TrainingPrecision.Float32, or Auto, which chooses float32 for several ranks.");
                }

                if (!Autocast.IsAvailable)
                {
                    throw new ArgumentException(
                        "Mixed precision (TrainingPrecision.MixedBFloat16) needs libtorch's autocast, which this libtorch does not export. Use TrainingPrecision.Float32.");
                }

                return TrainingPrecision.MixedBFloat16;
            default:
                throw new ArgumentOutOfRangeException(nameof(requested), requested, $"TrainingPrecision {(int)requested} does not exist; use Float32, MixedBFloat16 or Auto.");
        }
    }

    /// <summary>Whether CPU feature flags (space-separated, as /proc/cpuinfo lists them) include bfloat16 arithmetic: AVX512-BF16 or AMX-BF16.</summary>
    public static bool HasNativeBFloat16(string flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return flags.Split(' ', '\t', '\n').Any(f => f is "avx512_bf16" or "amx_bf16");
    }

    /// <summary>
    /// The modules a step calls: the network's children, where a child that is itself a task's model (a member of a
    /// multi-task sum, whose objective calls its encoder and heads, not the model) or not a tensor-to-tensor module is
    /// entered in turn; a module shared by several members counts once. A childless network is its own module.
    /// </summary>
    private static IEnumerable<nn.Module<Tensor, Tensor>> TopLevel(nn.Module network)
    {
        if (network is nn.Module<Tensor, Tensor> single && !network.children().Any())
        {
            return new[] { single };
        }

        return Called(network).Distinct(ReferenceEqualityComparer.Instance).Cast<nn.Module<Tensor, Tensor>>();
    }

    private static IEnumerable<nn.Module<Tensor, Tensor>> Called(nn.Module container)
    {
        foreach (var child in container.children())
        {
            if (child is nn.Module<Tensor, Tensor> called and not ITaskModel)
            {
                yield return called;
            }
            else
            {
                foreach (var inner in Called(child))
                {
                    yield return inner;
                }
            }
        }
    }

    private void Close()
    {
        _active = false;
        while (_open.Count > 0)
        {
            _open.Pop()?.Dispose();
        }
    }

    private sealed class Step : IDisposable
    {
        private MixedPrecision? _owner;

        public Step(MixedPrecision owner) => _owner = owner;

        public void Dispose()
        {
            _owner?.Close();
            _owner = null;
        }
    }
}
