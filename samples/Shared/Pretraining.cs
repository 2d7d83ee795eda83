using System;
using System.Threading;
using SslDsl;

namespace SslDslSamples;

/// <summary>The samples' pretraining step: fit, and stop the sample when Ctrl-C or SIGTERM stopped the fit.</summary>
internal static class Pretraining
{
    /// <summary>Fits <paramref name="trainer"/> on <paramref name="data"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped the fit; the trainer saved a resumable checkpoint and said how to resume.</exception>
    public static FitResult Fit<TBatch>(PretextTrainer<TBatch> trainer, IDataSource<TBatch> data, CancellationToken cancel)
        where TBatch : IBatch<TBatch>
    {
        var fit = trainer.Fit(data, cancel);
        return fit.Interrupted ? throw new OperationCanceledException("Pretraining was stopped; run again with --resume to continue.") : fit;
    }
}
