using System;
using System.Linq;
using SslDsl;
using TorchSharp;

namespace SslDsl.Bench.SampleRecipes;

/// <summary>What every row shares: pretraining overrides (null keeps the declared value) and the probe's epochs, batch and learning rate.</summary>
internal sealed record RunSettings(int? Epochs, int? BatchSize, double? LearningRate, int ProbeEpochs, int ProbeBatch, double ProbeLearningRate)
{
    /// <summary>The trainer options of one row.</summary>
    public TrainingOptions Options(long seed) => new()
    {
        Epochs = Epochs is 0 ? 1 : Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Seed = seed,
        Device = torch.CPU,
        ShowProgress = false,
        WritePlots = false,
        CollapseMonitor = null,
    };

    /// <summary>The samples' probe (FineTuner's grid for a declared probe learning rate lr): lr {lr, 4 lr} x ProbeSettings' weight decays {1e-4, 0.1, 1, 10}, at least 500 steps, chosen on validation.</summary>
    public ProbeSettings Probe(long seed) => new()
    {
        LearningRates = new[] { ProbeLearningRate, 4 * ProbeLearningRate },
        Epochs = ProbeEpochs,
        BatchSize = ProbeBatch,
        Seed = seed,
    };

    /// <summary>Pretrains (unless Epochs is 0), embeds both splits and probes; the row's numbers.</summary>
    public Row Score<TBatch>(PretextTrainer<TBatch> trainer, Dataset<TBatch> pretrain, Dataset<TBatch> fit, Dataset<TBatch> validation, int classes, long seed)
        where TBatch : IBatch<TBatch>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Epochs is 0 ? null : trainer.Fit(pretrain);
        double seconds = clock.Elapsed.TotalSeconds;
        using var fitFeatures = trainer.Embed(fit);
        using var validationFeatures = trainer.Embed(validation);
        var probe = LinearProbe.Fit((fitFeatures, fit.Labels!), (validationFeatures, validation.Labels!), null, classes, Probe(seed), Console.Out);
        return new Row(result?.Epochs.Count ?? 0, trainer.GlobalStep, result?.Epochs.LastOrDefault()?.Loss ?? double.NaN, probe.ValidationAccuracy, probe.Chosen, seconds);
    }
}

/// <summary>One row: pretraining epochs and steps, final loss, the probe's best validation accuracy and its grid point, pretraining time.</summary>
internal sealed record Row(int Epochs, long Steps, double FinalLoss, double ValidationAccuracy, ProbeCandidate Probe, double PretrainSeconds);
