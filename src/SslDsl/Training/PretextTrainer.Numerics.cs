using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Numerical safety of a step: the convolution back-end check and the NaN diagnosis mode.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    private bool _watching;
    private IDisposable? _convolutionHooks;
    private NumericsWatch? _numerics;

    /// <summary>Installs, once, the convolution check (<see cref="TrainingOptions.Convolutions"/>) and the diagnosis hooks (<see cref="TrainingOptions.CheckNumerics"/>).</summary>
    private void WatchNumerics()
    {
        if (_watching)
        {
            return;
        }

        _watching = true;
        _convolutionHooks = ConvolutionGuard.Watch(Network, Device, ConvolutionGuard.Resolve(Options.Convolutions), Options.Log);
        _numerics = Options.CheckNumerics ? new NumericsWatch(Network) : null;
    }

    private void StopWatchingNumerics()
    {
        _convolutionHooks?.Dispose();
        _convolutionHooks = null;
        _numerics?.Dispose();
        _numerics = null;
        _watching = false;
    }

    /// <summary>The L2 norm of all gradients together (NaN or infinity when any gradient is), like clip_grad_norm_ without clipping.</summary>
    private static double GradientNorm(IEnumerable<Parameter> parameters)
    {
        using var scope = torch.NewDisposeScope();
        var norms = parameters.Select(p => p.grad).Where(g => g is not null).Select(g => g!.norm()).ToArray();
        return norms.Length == 0 ? 0.0 : torch.stack(norms).norm().item<float>();
    }

    /// <summary>Where a non-finite gradient came from: the module with <see cref="TrainingOptions.CheckNumerics"/>, else the first parameter.</summary>
    private string DiagnoseGradient()
    {
        if (_numerics?.DiagnoseBackward(Network) is string traced)
        {
            return traced;
        }

        string? parameter = NumericsWatch.FirstNonFiniteGradient(Network);
        string first = parameter is null ? "the gradient norm is not finite" : $"the first parameter with a non-finite gradient is {parameter}";
        return _numerics is null
            ? $"the loss was finite but {first}. Set TrainingOptions.CheckNumerics = true (--check-numerics in the samples) to name the module whose output or gradient first became non-finite."
            : $"the loss was finite but {first}.";
    }
}
