using System;
using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>Resuming from a checkpoint continues exactly: the same weights as an uninterrupted run.</summary>
[Collection(GlobalRngCollection.Name)]
public class TrainingResumeTests
{
    private static (System.Collections.Generic.Dictionary<string, torch.Tensor> Weights, double[] Losses) Straight(string? output = null)
    {
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet(output));
        var result = trainer.Fit(data);
        Assert.False(result.Interrupted);
        Assert.Equal(4, result.Epochs.Count);
        return (TinyData.Snapshot(trainer.Network), result.Epochs.Select(e => e.Loss).ToArray());
    }

    [Fact]
    public void TwoEpochsThenResumeForTwoMoreGivesTheWeightsOfFourStraightEpochs()
    {
        var (expected, expectedLosses) = Straight();
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);

        using (var first = new TinySimClr.Trainer(TinyData.Quiet(dir)))
        using (var cts = new CancellationTokenSource())
        {
            first.EpochCompleted += (_, m) =>
            {
                if (m.Epoch == 2)
                {
                    cts.Cancel();
                }
            };
            var partial = first.Fit(data, cts.Token);
            Assert.True(partial.Interrupted);
            Assert.Equal(2, first.CompletedEpochs);
            Assert.Equal(8, first.GlobalStep);
        }

        using var second = new TinySimClr.Trainer(TinyData.Quiet(dir, resume: true));
        var result = second.Fit(data);
        Assert.Equal(2, result.ResumedFromEpoch);
        Assert.False(result.Interrupted);
        TinyData.AssertIdentical(expected, TinyData.Snapshot(second.Network));
        Assert.Equal(expectedLosses, result.Epochs.Select(e => e.Loss).ToArray());

        // The metric files hold each epoch and step once.
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir, "epochs.jsonl")).Length);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(dir, "epochs.csv")).Length);
        var steps = MetricsReader.ReadSteps(dir);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (long)i), steps.Select(s => s.Step));
        Assert.Equal(16, File.ReadAllLines(Path.Combine(dir, "steps.jsonl")).Length);
    }

    [Fact]
    public void CancelAfterSixStepsThenResumeMidEpochGivesTheWeightsOfAnUninterruptedRun()
    {
        var (expected, expectedLosses) = Straight();
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);

        using (var first = new TinySimClr.Trainer(TinyData.Quiet(dir)))
        using (var cts = new CancellationTokenSource())
        {
            first.StepCompleted += (_, s) =>
            {
                if (s.Step == 6)
                {
                    cts.Cancel();
                }
            };
            var partial = first.Fit(data, cts.Token);
            Assert.True(partial.Interrupted);
            Assert.Equal(6, first.GlobalStep);
            Assert.Equal(1, first.CompletedEpochs);
            Assert.Equal(Path.Combine(dir, "checkpoints", "last.ckpt"), partial.Checkpoint);
        }

        var log = new StringWriter();
        var options = TinyData.Quiet(dir, resume: true);
        using var second = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = options.Device, OutputDirectory = dir, Resume = true, ShowProgress = false, Log = log, WritePlots = false,
        });
        var result = second.Fit(data);
        Assert.Contains("in epoch 2 after batch 2 of 4", log.ToString());
        TinyData.AssertIdentical(expected, TinyData.Snapshot(second.Network));

        // The interrupted epoch's mean loss is rebuilt from the saved running sums.
        Assert.Equal(expectedLosses, result.Epochs.Select(e => e.Loss).ToArray());
        Assert.Equal(new long[] { 4, 4, 4, 4 }, result.Epochs.Select(e => e.Steps).ToArray());
    }

    [Fact]
    public void CallingFitAgainOnACancelledTrainerContinuesInMemory()
    {
        var (expected, _) = Straight();
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        using var cts = new CancellationTokenSource();
        trainer.StepCompleted += (_, s) =>
        {
            if (s.Step == 3)
            {
                cts.Cancel();
            }
        };
        Assert.True(trainer.Fit(data, cts.Token).Interrupted);
        Assert.Equal(3, trainer.GlobalStep);
        var result = trainer.Fit(data);
        Assert.False(result.Interrupted);
        TinyData.AssertIdentical(expected, TinyData.Snapshot(trainer.Network));
    }

    [Fact]
    public void AlreadyCancelledTokenStopsBeforeTheFirstStepAndSavesAResumableCheckpoint()
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet(dir)))
        {
            var result = trainer.Fit(data, new CancellationToken(canceled: true));
            Assert.True(result.Interrupted);
            Assert.Equal(0, trainer.GlobalStep);
            Assert.Empty(result.Epochs);
        }

        Assert.True(File.Exists(Path.Combine(dir, "checkpoints", "last.ckpt")));
        var (expected, _) = Straight();
        using var resumed = new TinySimClr.Trainer(TinyData.Quiet(dir, resume: true));
        resumed.Fit(data);
        TinyData.AssertIdentical(expected, TinyData.Snapshot(resumed.Network));
    }
}
