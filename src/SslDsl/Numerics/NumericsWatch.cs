using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Follows the values of one training step through a network so a non-finite value can be traced to
/// the module that produced it (<see cref="TrainingOptions.CheckNumerics"/>). A forward hook on every
/// leaf module records its outputs in execution order, notes the first non-finite one, and keeps
/// their gradients (<c>retain_grad</c>); after the backward pass <see cref="DiagnoseBackward"/> walks
/// them in backward order. It costs memory and time: it is a diagnosis mode, off by default.
/// </summary>
public sealed class NumericsWatch : IDisposable
{
    private readonly List<Action> _removers = new();
    private readonly Dictionary<nn.Module, Leaf> _leaves = new(ReferenceEqualityComparer.Instance);
    private readonly List<Call> _calls = new();
    private string? _firstBadOutput;
    private bool _active;

    private sealed record Leaf(string Name, (string Name, Parameter Value)[] Parameters);

    private sealed class Call
    {
        public Call(nn.Module module, Leaf leaf, string name, Tensor output)
        {
            Module = module;
            Leaf = leaf;
            Name = name;
            Output = output;
        }

        public nn.Module Module { get; }

        public Leaf Leaf { get; }

        public string Name { get; }

        public Tensor Output { get; }
    }

    /// <summary>Hooks every leaf module of <paramref name="network"/> that maps one tensor to one tensor.</summary>
    public NumericsWatch(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var (name, module) in network.named_modules())
        {
            if (module.children().Any() || module is not nn.Module<Tensor, Tensor> leaf)
            {
                continue;
            }

            _leaves[module] = new Leaf(name, module.named_parameters(recurse: false).Select(p => (p.name, p.parameter)).ToArray());
            var remover = leaf.register_forward_hook((m, input, output) =>
            {
                Record(m, output);
                return output;
            });
            _removers.Add(remover.remove);
        }
    }

    /// <summary>Number of hooked leaf modules.</summary>
    public int HookedModules => _removers.Count;

    /// <summary>Starts recording one step (forgets the last one).</summary>
    public void BeginStep()
    {
        EndStep();
        _firstBadOutput = null;
        _active = true;
    }

    /// <summary>Stops recording and drops the references to the step's tensors.</summary>
    public void EndStep()
    {
        foreach (var call in _calls)
        {
            call.Output.Dispose();
        }

        _calls.Clear();
        _active = false;
    }

    /// <summary>The first module (in execution order) whose output held NaN or infinity in this step, in words; or null.</summary>
    public string? DiagnoseForward() => _firstBadOutput;

    /// <summary>
    /// After the backward pass: where the first non-finite gradient (in backward order) appeared, in
    /// words, naming the module; null when every recorded gradient and every parameter gradient of
    /// <paramref name="network"/> is finite.
    /// </summary>
    public string? DiagnoseBackward(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        for (int i = _calls.Count - 1; i >= 0; i--)
        {
            var call = _calls[i];
            if (IsNonFinite(GradOf(call.Output)))
            {
                string consumer = i + 1 < _calls.Count ? $"{Label(_calls[i + 1])}, the next module in execution order" : "the loss (no module ran after it)";
                return $"the gradient reaching the output of {Label(call)} is the first non-finite gradient in backward order " +
                    $"(the gradients at the outputs of every module that ran after it were finite), so the backward of what consumed that output produced it: {consumer}.";
            }

            var bad = call.Leaf.Parameters.FirstOrDefault(p => IsNonFinite(p.Value.grad));
            if (bad.Value is not null)
            {
                return $"the backward of {Label(call)} turned a finite gradient at its output into a non-finite gradient of its parameter {call.Leaf.Name}.{bad.Name}.";
            }
        }

        var named = network.named_parameters().FirstOrDefault(p => IsNonFinite(p.parameter.grad));
        return named.name is null ? null : $"the gradient of parameter {named.name} is non-finite (it belongs to no hooked leaf module).";
    }

    /// <summary>The first parameter of <paramref name="network"/> whose value is NaN or infinite, in words; or null.</summary>
    public static string? DiagnoseParameters(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var (name, parameter) in network.named_parameters())
        {
            if (IsNonFinite(parameter))
            {
                return $"parameter {name} {Count(parameter)} after the optimizer update";
            }
        }

        return null;
    }

    /// <summary>The first parameter of <paramref name="network"/> whose gradient is NaN or infinite, by name; or null.</summary>
    public static string? FirstNonFiniteGradient(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var (name, parameter) in network.named_parameters())
        {
            if (IsNonFinite(parameter.grad))
            {
                return name;
            }
        }

        return null;
    }

    private void Record(nn.Module module, Tensor output)
    {
        if (!_active || !_leaves.TryGetValue(module, out var leaf))
        {
            return;
        }

        int calls = _calls.Count(c => ReferenceEquals(c.Module, module));
        string name = string.IsNullOrEmpty(leaf.Name) ? module.GetName() : leaf.Name;
        if (calls > 0)
        {
            name += $" (call {calls + 1})";
        }

        // An alias (a second handle to the same tensor) outlives the dispose scopes inside the model's
        // forward, and its gradient is the original's; EndStep disposes it.
        var kept = output.alias().DetachFromDisposeScope();
        if (kept.requires_grad)
        {
            kept.retain_grad();
        }

        var call = new Call(module, leaf, name, kept);
        _calls.Add(call);

        if (_firstBadOutput is null && IsNonFinite(output))
        {
            _firstBadOutput = $"the output of {Label(call)} {Count(output)}; it is the first non-finite value of the forward pass (every module that ran before it gave finite outputs).";
        }
    }

    private static string Label(Call call) =>
        $"{call.Name} ({call.Module.GetType().Name}, output {string.Join("x", call.Output.shape.Select(s => s.ToString(CultureInfo.InvariantCulture)))})";

    private static Tensor? GradOf(Tensor output) => output.requires_grad ? output.grad : null;

    private static bool IsNonFinite(Tensor? t)
    {
        if (t is null || !t.is_floating_point())
        {
            return false;
        }

        using var scope = torch.NewDisposeScope();
        return !t.isfinite().all().item<bool>();
    }

    private static string Count(Tensor t)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long nan = t.isnan().sum().item<long>();
        long inf = t.isinf().sum().item<long>();
        return $"holds {nan} NaN and {inf} infinite value(s) of {t.numel()}";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var r in _removers)
        {
            r();
        }

        _removers.Clear();
        EndStep();
    }
}
