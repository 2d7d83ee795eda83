using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>
/// The process's stop signals reach every long phase, not only the pretraining <c>Fit</c> given its token: a first
/// SIGTERM or Ctrl-C (here requested without a real signal) stops a pretraining, fine-tuning, feature extraction
/// and linear probe that were given no token of their own. A listener is process-wide, so these tests run alone
/// (<see cref="StopSignalsCollection"/>), after the parallel ones.
/// </summary>
[Collection(StopSignalsCollection.Name)]
public class StopSignalsTests
{
    private static FineTuneSettings Full => new(Classes: 2, FineTuneMode.Full, UnfreezeLastLayers: 0, Epochs: 2, LearningRate: 0.01, EncoderLearningRateScale: 1, BatchSize: 16);

    private static FineTuneSettings Probe => Full with { Mode = FineTuneMode.LinearProbe };

    private static nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(nn.Flatten(), nn.Linear(64, 6));

    private static (Tensor Features, Tensor Labels) Features(int n) =>
        (torch.arange(n * 4, dtype: ScalarType.Float32).reshape(n, 4), torch.arange(n, dtype: ScalarType.Int64).remainder(2));

    [Fact]
    public void ListeningIsTheLatestListenerUntilItIsDisposedAndOnlyTheFirstSignalIsTaken()
    {
        Assert.False(StopSignals.Listening.CanBeCanceled);
        var log = new StringWriter();
        using (var signals = StopSignals.Listen(log))
        {
            Assert.True(StopSignals.Listening.CanBeCanceled);
            Assert.False(StopSignals.Listening.IsCancellationRequested);
            Assert.Equal(0, signals.ExitCode);

            Assert.True(signals.Request(PosixSignal.SIGTERM));
            Assert.False(signals.Request(PosixSignal.SIGINT)); // the second signal is left to its default action

            Assert.True(StopSignals.Listening.IsCancellationRequested);
            Assert.Equal(PosixSignal.SIGTERM, signals.Received);
            Assert.Equal(143, signals.ExitCode);
            Assert.Equal("SIGTERM: stopping after the current step; pretraining saves a checkpoint first (send it again to quit at once)." + Environment.NewLine, log.ToString());
        }

        Assert.False(StopSignals.Listening.CanBeCanceled);
    }

    [Fact]
    public void AFirstSignalStopsFineTuningFeaturesAndTheLinearProbeThatWereGivenNoToken()
    {
        using var data = TinyData.Images(32, seed: 5);
        using var encoder = Encoder();
        using var signals = StopSignals.Listen(TextWriter.Null);
        signals.Request(PosixSignal.SIGTERM);

        using (var full = new FineTuner<ImageBatch>(encoder, 6, Full, TinyData.Quiet()))
        {
            Assert.Throws<OperationCanceledException>(() => full.Fit(data, data));
            Assert.Throws<OperationCanceledException>(() => full.Features(data));
            Assert.Throws<OperationCanceledException>(() => full.Evaluate(data));
        }

        using (var probe = new FineTuner<ImageBatch>(encoder, 6, Probe, TinyData.Quiet()))
        {
            Assert.Throws<OperationCanceledException>(() => probe.Fit(data, data, data));
        }

        var (x, y) = Features(12);
        Assert.Throws<OperationCanceledException>(() => LinearProbe.Fit((x, y), (x, y), null, classes: 2));
    }

    [Fact]
    public void ATokenOfTheCallersOwnTakesPrecedenceOverTheListener()
    {
        using var data = TinyData.Images(32, seed: 5);
        using var encoder = Encoder();
        using var signals = StopSignals.Listen(TextWriter.Null);
        signals.Request(PosixSignal.SIGINT);
        using var own = new CancellationTokenSource();

        using var full = new FineTuner<ImageBatch>(encoder, 6, Full, TinyData.Quiet()) { Cancellation = own.Token };
        var result = full.Fit(data, data);
        Assert.Equal(2, result.EpochLosses.Count);

        var (x, y) = Features(12);
        var probe = LinearProbe.Fit((x, y), (x, y), null, classes: 2, new ProbeSettings { Epochs = 2, MinSteps = 0 }, cancellationToken: own.Token);
        Assert.Equal(2, probe.FinalEpochLosses.Count);

        own.Cancel();
        Assert.Throws<OperationCanceledException>(() => full.Evaluate(data));
    }

    [Fact]
    public void APretrainingGivenNoTokenStopsAfterItsCurrentStepWhenTheListenerIsCancelled()
    {
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet(epochs: 3));
        using var signals = StopSignals.Listen(TextWriter.Null);
        trainer.EpochCompleted += (_, m) =>
        {
            if (m.Epoch == 1)
            {
                signals.Request(PosixSignal.SIGTERM);
            }
        };

        var result = trainer.Fit(data);

        Assert.True(result.Interrupted);
        Assert.Equal(1, trainer.CompletedEpochs);
    }
}
