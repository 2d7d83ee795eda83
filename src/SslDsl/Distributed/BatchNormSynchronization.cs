using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Makes every batch-norm layer of a network normalise with the statistics of the global batch while a
/// <see cref="GlobalBatch.Span"/> of several ranks is open (the trainer opens one around each step's loss), as
/// PyTorch's <c>convert_sync_batchnorm</c> does, without replacing the user's modules: a forward pre-hook and hook
/// on each <see cref="BatchNorm"/> (BatchNorm1d, 2d, 3d) run it through <see cref="SyncBatchNorm.Normalize"/>.
/// Outside a span (evaluation, monitors, one process) the layers behave as declared.
/// </summary>
/// <remarks>
/// Hooks run when a layer is called through <c>call</c>, as <c>nn.Sequential</c> and SslDsl's modules call their
/// children. A custom module that calls a batch-norm child's <c>forward</c> directly bypasses them;
/// <see cref="CheckAllSynchronized"/> finds such a layer by its batch count and names it.
/// </remarks>
internal sealed class BatchNormSynchronization : IDisposable
{
    private readonly List<Action> _removers = new();
    private readonly (string Name, BatchNorm Norm)[] _norms;
    private readonly Dictionary<BatchNorm, int> _calls = new();
    private readonly HashSet<BatchNorm> _switched = new();

    /// <summary>Hooks every batch-norm layer of <paramref name="network"/>.</summary>
    public BatchNormSynchronization(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _norms = network.named_modules().Where(m => m.module is BatchNorm).Select(m => (m.name, (BatchNorm)m.module)).ToArray();
        foreach (var (_, norm) in _norms)
        {
            var before = norm.register_forward_pre_hook(Before);
            var after = norm.register_forward_hook(After);
            _removers.Add(before.remove);
            _removers.Add(after.remove);
        }
    }

    /// <summary>The batch-norm layers found.</summary>
    public int Count => _norms.Length;

    /// <summary>
    /// Runs <paramref name="forward"/> (a step's forward pass inside a span of several ranks) and checks that every
    /// batch-norm layer that counted a batch in it was synchronised.
    /// </summary>
    /// <exception cref="DistributedException">A layer normalised with this rank's statistics only; the message names it.</exception>
    public T CheckAllSynchronized<T>(Func<T> forward)
    {
        var before = _norms.Select(n => BatchCount(n.Norm)).ToArray();
        _calls.Clear();
        var result = forward();
        for (int i = 0; i < _norms.Length; i++)
        {
            var (name, norm) = _norms[i];
            long counted = BatchCount(norm) - before[i];
            if (counted > _calls.GetValueOrDefault(norm))
            {
                throw new DistributedException(
                    $"The batch-norm layer '{name}' ({norm.GetType().Name}) ran without synchronisation: its parent module calls its forward() directly. " +
                    "Call it through call() (as nn.Sequential does) so that it normalises over every rank's batch, or set TrainingOptions.SyncBatchNorm = false.");
            }
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var remove in _removers)
        {
            remove();
        }

        _removers.Clear();
    }

    private static long BatchCount(BatchNorm norm) => norm.num_batches_tracked is { } n ? n.item<long>() : 0;

    /// <summary>In a span, the layer's own forward runs in evaluation mode (its result is replaced, its statistics untouched).</summary>
    private Tensor Before(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        if (GlobalBatch.Ranks is not null && module.training && module is BatchNorm norm)
        {
            _switched.Add(norm);
            norm.eval();
        }

        return input;
    }

    private Tensor After(nn.Module<Tensor, Tensor> module, Tensor input, Tensor output)
    {
        if (module is not BatchNorm norm || !_switched.Remove(norm))
        {
            return output;
        }

        norm.train();
        if (GlobalBatch.Ranks is not { } ranks)
        {
            return output;
        }

        _calls[norm] = _calls.GetValueOrDefault(norm) + 1;
        return SyncBatchNorm.Normalize(norm, input, ranks);
    }
}
