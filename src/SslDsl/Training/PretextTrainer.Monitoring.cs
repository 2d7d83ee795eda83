using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Monitors and plots; the trainer is the monitors' <see cref="ITrainingContext"/>.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    private readonly HashSet<ITrainingMonitor> _failedMonitors = new(ReferenceEqualityComparer.Instance);

    /// <summary>The monitors of this run: the collapse monitor (unless turned off), then <see cref="TrainingOptions.Monitors"/>.</summary>
    public IReadOnlyList<ITrainingMonitor> Monitors =>
        (Options.CollapseMonitor is { } collapse ? new ITrainingMonitor[] { collapse } : Array.Empty<ITrainingMonitor>())
            .Concat(Options.Monitors).ToArray();

    string ITrainingContext.TaskName => Settings.TaskName;

    string? ITrainingContext.OutputDirectory => IsMainRank ? Options.OutputDirectory : null;

    void ITrainingContext.Log(string message) => Log(message);

    Tensor ITrainingContext.EmbedTrainingSubset(int count)
    {
        var data = _fitData ?? throw new InvalidOperationException("There is no training data outside Fit.");
        return Embed(data, count);
    }

    Tensor ITrainingContext.Embed<TB>(IDataSource<TB> data, int? limit) => Embed(Mine(data), limit);

    Embeddings ITrainingContext.EmbedLabelled<TB>(IDataSource<TB> data, int? limit) => EmbedLabelled(Mine(data), limit);

    private IDataSource<TBatch> Mine<TB>(IDataSource<TB> data)
        where TB : IBatch<TB> =>
        data as IDataSource<TBatch> ?? throw new ArgumentException(
            $"Trainer of '{Settings.TaskName}' embeds data of {typeof(TBatch).Name}; a monitor passed data of {typeof(TB).Name}.", nameof(data));

    private void RunEpochMonitors(EpochMetrics metrics) => RunMonitors(m => m.OnEpochEnd(this, metrics), $"epoch {metrics.Epoch}");

    private void RunEndMonitors()
    {
        var history = _history.ToArray();
        RunMonitors(m => m.OnRunEnd(this, history), "the end of the run");
    }

    private void RunMonitors(Action<ITrainingMonitor> call, string when)
    {
        var active = Monitors.Where(m => !_failedMonitors.Contains(m)).ToArray();
        if (active.Length == 0)
        {
            return;
        }

        // Monitors must not change the course of training: keep the global random state.
        using var rng = torch.random.get_rng_state();
        bool training = Network.training;
        try
        {
            foreach (var monitor in active)
            {
                try
                {
                    call(monitor);
                }
                catch (Exception e) when (e is not OutOfMemoryException and not NonFiniteLossException)
                {
                    _failedMonitors.Add(monitor);
                    Log($"WARNING [{Settings.TaskName}] monitor '{monitor.Name}' failed at {when} and is switched off for the rest of this run: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        finally
        {
            torch.random.set_rng_state(rng);
            Network.train(training);
        }
    }

    private void WriteProjector(string outputDirectory, IDataSource<TBatch> data)
    {
        try
        {
            using var scope = torch.NewDisposeScope();
            using var embeddings = EmbedLabelled(data, Options.TensorBoardEmbeddings);
            string run = TensorBoardLog.RunDirectory(outputDirectory, TensorBoardLog.PretrainRun);
            EmbeddingProjector.Write(run, $"{Settings.TaskName} after epoch {CompletedEpochs}", embeddings.Features, embeddings.Labels);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log($"WARNING [{Settings.TaskName}] the TensorBoard projector data could not be written to {outputDirectory}: {e.GetType().Name}: {e.Message}");
        }
    }

    private void WritePlots(string outputDirectory)
    {
        try
        {
            var files = RunPlots.Write(outputDirectory, _history, title: Settings.TaskName);
            if (files.Count > 0 && Options.ShowProgress)
            {
                Log($"[{Settings.TaskName}] plots: {string.Join(", ", files)}");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A plot must never cost a finished run: say why and go on.
            Log($"WARNING [{Settings.TaskName}] the plots could not be written to {outputDirectory}: {e.GetType().Name}: {e.Message}");
        }
    }
}
