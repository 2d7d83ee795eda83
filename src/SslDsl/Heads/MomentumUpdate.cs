using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Keeps a momentum (target) network in step with its online network (BYOL, MoCo): copy the weights
/// once, then move the target towards the online network by an exponential moving average each step.
/// Parameters and buffers are matched by name, so both networks must have the same architecture.
/// </summary>
public static class MomentumUpdate
{
    /// <summary>
    /// Copies every parameter and buffer of <paramref name="online"/> into <paramref name="target"/>
    /// and turns off gradients for the target's parameters (the target is never trained directly).
    /// </summary>
    /// <param name="target">The momentum network (written).</param>
    /// <param name="online">The online network (read).</param>
    /// <exception cref="ArgumentException">The networks' parameters or buffers differ in names or shapes.</exception>
    public static void CopyWeights(nn.Module target, nn.Module online)
    {
        var (parameters, buffers) = Match(target, online);
        using var noGrad = torch.no_grad();
        foreach (var (t, o) in parameters)
        {
            t.copy_(o);
            t.requires_grad = false;
        }

        foreach (var (t, o) in buffers)
        {
            t.copy_(o);
        }
    }

    /// <summary>
    /// One exponential-moving-average step: t &lt;- m * t + (1 - m) * o for every parameter, and every
    /// buffer (e.g. batch-norm running statistics) copied from the online network.
    /// </summary>
    /// <param name="target">The momentum network (written).</param>
    /// <param name="online">The online network (read).</param>
    /// <param name="momentum">m in [0, 1]: 1 keeps the target, 0 copies the online network.</param>
    /// <exception cref="ArgumentOutOfRangeException">The momentum is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">The networks' parameters or buffers differ in names or shapes.</exception>
    public static void Ema(nn.Module target, nn.Module online, double momentum)
    {
        if (!(momentum >= 0 && momentum <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The EMA momentum must be in [0, 1] (e.g. 0.99 or 0.996).");
        }

        var (parameters, buffers) = Match(target, online);
        using var noGrad = torch.no_grad();
        foreach (var (t, o) in parameters)
        {
            t.mul_(momentum).add_(o, 1 - momentum);
        }

        foreach (var (t, o) in buffers)
        {
            t.copy_(o);
        }
    }

    /// <summary>
    /// BYOL's momentum schedule: final - (final - start) * (cos(pi * progress) + 1) / 2, which is
    /// <paramref name="start"/> at progress 0, their mean at 0.5 and <paramref name="final"/> at 1.
    /// </summary>
    /// <param name="start">The momentum at the start of training (e.g. 0.996).</param>
    /// <param name="final">The momentum at the end of training (e.g. 1.0).</param>
    /// <param name="progress">The fraction of training done, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">The progress is outside [0, 1].</exception>
    public static double CosineSchedule(double start, double final, double progress)
    {
        if (!(progress >= 0 && progress <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "The schedule progress must be in [0, 1] (step / total steps).");
        }

        return final - ((final - start) * (Math.Cos(Math.PI * progress) + 1) / 2);
    }

    private static (List<(Tensor Target, Tensor Online)> Parameters, List<(Tensor Target, Tensor Online)> Buffers) Match(nn.Module target, nn.Module online)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        if (online is null)
        {
            throw new ArgumentNullException(nameof(online));
        }

        if (ReferenceEquals(target, online))
        {
            throw new ArgumentException("The target and online networks are the same module; the target must be a separate copy.", nameof(target));
        }

        var parameters = Pair("parameter",
            target.named_parameters().Select(p => (p.name, (Tensor)p.parameter)),
            online.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));
        var buffers = Pair("buffer", target.named_buffers(), online.named_buffers());
        return (parameters, buffers);
    }

    private static List<(Tensor Target, Tensor Online)> Pair(string kind, IEnumerable<(string Name, Tensor Tensor)> target, IEnumerable<(string Name, Tensor Tensor)> online)
    {
        var onlineByName = new Dictionary<string, Tensor>();
        foreach (var (name, tensor) in online)
        {
            onlineByName[name] = tensor;
        }

        var pairs = new List<(Tensor, Tensor)>();
        var seen = new HashSet<string>();
        foreach (var (name, tensor) in target)
        {
            if (!onlineByName.TryGetValue(name, out var source))
            {
                throw new ArgumentException($"The target network has {kind} '{name}' that the online network lacks; both networks must have the same architecture.", "target");
            }

            if (!tensor.shape.AsSpan().SequenceEqual(source.shape))
            {
                throw new ArgumentException($"The {kind} '{name}' is [{string.Join(",", tensor.shape)}] in the target network but [{string.Join(",", source.shape)}] in the online network.", "target");
            }

            pairs.Add((tensor, source));
            seen.Add(name);
        }

        var missing = onlineByName.Keys.FirstOrDefault(n => !seen.Contains(n));
        if (missing is not null)
        {
            throw new ArgumentException($"The online network has {kind} '{missing}' that the target network lacks; both networks must have the same architecture.", "online");
        }

        return pairs;
    }
}
