using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace SslDsl;

public abstract partial class PretextTrainer<TBatch>
{
    private readonly List<(double Loss, Dictionary<string, double> Terms)> _window = new();
    private IEpochAware[]? _epochAware;

    /// <summary>
    /// Batches whose gradients are summed into one optimizer update (<see cref="TrainingSettings.AccumulateSteps"/>):
    /// each batch's loss is divided by it before the backward pass, so the update is that of one batch
    /// AccumulateSteps times larger (batch-norm statistics still see one batch at a time).
    /// </summary>
    public int AccumulateSteps => Settings.AccumulateSteps;

    /// <summary>Batches whose gradients wait for the next optimizer update (0 right after an update).</summary>
    public int PendingBatches => _window.Count;

    /// <summary>Whether the batch about to be computed closes an accumulation window (it is followed by an update).</summary>
    private bool ClosesWindow => _window.Count + 1 >= AccumulateSteps;

    /// <summary>The loss to back-propagate: the batch's total, divided by the batches of the window.</summary>
    private torch.Tensor Accumulated(LossTerms loss) => AccumulateSteps == 1 ? loss.Total : loss.Total / AccumulateSteps;

    /// <summary>Records a computed batch of the window; at its end returns the window's mean loss and terms (what the update reports).</summary>
    private (double Loss, Dictionary<string, double> Terms)? AddToWindow(double loss, Dictionary<string, double> terms)
    {
        _window.Add((loss, terms));
        if (_window.Count < AccumulateSteps)
        {
            return null;
        }

        var mean = (_window.Average(b => b.Loss), terms.Keys.ToDictionary(name => name, name => _window.Average(b => b.Terms.GetValueOrDefault(name))));
        _window.Clear();
        return mean;
    }

    /// <summary>Drops the gradients of an unfinished window (after a skipped batch, at the end of an epoch); false when none was pending.</summary>
    private bool DropWindow(TrainingOptimizer optimizer)
    {
        if (_window.Count == 0)
        {
            return false;
        }

        _window.Clear();
        optimizer.ZeroGrad();
        return true;
    }

    /// <summary>Tells every <see cref="IEpochAware"/> module of the network the epoch (0-based) of the next step.</summary>
    private void SetEpochOfModules(int epoch)
    {
        _epochAware ??= Network.modules().OfType<IEpochAware>().ToArray();
        foreach (var module in _epochAware)
        {
            module.SetEpoch(epoch);
        }
    }
}
