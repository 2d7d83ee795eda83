using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>A NaN loss stops training with the last good checkpoint kept, or skips the batch when asked.</summary>
public class NonFiniteLossTrainingTests
{
    private const int Samples = 70; // 4 batches of 16 per epoch; 6 samples are dropped each epoch.
    private const long Seed = 3;    // TinySimClr's declared seed: epoch e is shuffled with seed 3 + e.

    /// <summary>The position of every sample in the shuffled order of epoch <paramref name="epoch"/> (0-based).</summary>
    private static long[] Positions(int epoch)
    {
        using var indices = new Dataset<TabularBatch>(new[] { torch.arange(Samples, dtype: ScalarType.Float32).unsqueeze(1) });
        var order = indices.Batches(16, shuffle: true, seed: Seed + epoch).SelectMany(b => b.Features.data<float>().ToArray()).Select(v => (long)v).ToArray();
        var position = new long[Samples];
        for (int p = 0; p < order.Length; p++)
        {
            position[order[p]] = p;
        }

        return position;
    }

    /// <summary>A sample dropped in epoch 1, used in epoch 2, and used in at least one of epochs 3 and 4.</summary>
    private static (int Index, bool[] UsedInEpoch) PoisonCandidate()
    {
        var positions = Enumerable.Range(0, 4).Select(Positions).ToArray();
        for (int i = 0; i < Samples; i++)
        {
            var used = positions.Select(p => p[i] < 64).ToArray();
            if (!used[0] && used[1] && (used[2] || used[3]))
            {
                return (i, used);
            }
        }

        throw new InvalidOperationException("No sample fits; change the seed.");
    }

    private static Dataset<ImageBatch> Poisoned(int index)
    {
        var data = TinyData.Images(Samples, seed: 17);
        data.Tensors[0][index].fill_(float.NaN);
        return data;
    }

    [Fact]
    public void NaNLossStopsNamingStepAndTermAndKeepsTheLastGoodCheckpoint()
    {
        var (index, _) = PoisonCandidate();
        long batchInEpoch2 = Positions(1)[index] / 16;
        string dir = TinyData.TempFolder();
        using var data = Poisoned(index);
        Dictionary<string, Tensor>? afterEpoch1 = null;
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet(dir)))
        {
            trainer.EpochCompleted += (t, m) => afterEpoch1 ??= TinyData.Snapshot(t.Network);
            var e = Assert.Throws<NonFiniteLossException>(() => trainer.Fit(data));
            Assert.Equal(4 + batchInEpoch2, e.Step);
            Assert.Equal(2, e.Epoch);
            Assert.Contains("nt_xent", e.BadTerms);
            Assert.Contains($"step {4 + batchInEpoch2} (epoch 2): nt_xent = NaN", e.Message);
            string last = Path.Combine(dir, "checkpoints", "last.ckpt");
            Assert.Equal(last, e.LastCheckpoint);
            Assert.Contains(last, e.Message);
            Assert.Contains("NonFiniteLossPolicy.SkipBatch", e.Message);
        }

        using var reloaded = new TinySimClr.Trainer(TinyData.Quiet());
        reloaded.LoadCheckpoint(Path.Combine(dir, "checkpoints", "last.ckpt"));
        Assert.Equal(1, reloaded.CompletedEpochs);
        Assert.Equal(4, reloaded.GlobalStep);
        TinyData.AssertIdentical(afterEpoch1!, TinyData.Snapshot(reloaded.Network));
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "checkpoints"), "*" + AtomicFile.TempMarker + "*"));
    }

    [Fact]
    public void SkipBatchDropsEachBadBatchAndKeepsWeightsAndBatchNormStatisticsFinite()
    {
        var (index, used) = PoisonCandidate();
        int expectedSkips = used.Count(u => u);
        string dir = TinyData.TempFolder();
        using var data = Poisoned(index);
        var log = new StringWriter();
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = dir, ShowProgress = false, Log = log, WritePlots = false,
            OnNonFiniteLoss = NonFiniteLossPolicy.SkipBatch, MaxSkippedBatches = 10,
        });
        var result = trainer.Fit(data);

        Assert.Equal(expectedSkips, result.SkippedBatches);
        Assert.Equal(used.Select(u => u ? 3L : 4L), result.Epochs.Select(e => e.Steps));
        Assert.Equal(16 - expectedSkips, trainer.GlobalStep);
        Assert.All(result.Epochs, e => Assert.True(double.IsFinite(e.Loss)));
        foreach (var (name, tensor) in trainer.Network.state_dict())
        {
            Assert.True(tensor.isfinite().all().item<bool>(), $"'{name}' holds a non-finite value");
        }

        Assert.Contains("skipped the batch of step", log.ToString());
        Assert.Contains($"{expectedSkips} of at most 10 skips used", log.ToString());
        Assert.Equal(16 - expectedSkips, MetricsReader.ReadSteps(dir).Count);
    }

    [Fact]
    public void SkipBatchStopsOnceTheLimitIsUsedUp()
    {
        var (index, used) = PoisonCandidate();
        int occurrences = used.Count(u => u);
        using var data = Poisoned(index);
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, WritePlots = false,
            OnNonFiniteLoss = NonFiniteLossPolicy.SkipBatch, MaxSkippedBatches = occurrences - 1,
        });
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.Fit(data));
        Assert.Equal(occurrences - 1, e.SkippedBefore);
        Assert.Contains($"{occurrences - 1} bad batch(es) had already been skipped", e.Message);
        Assert.Null(e.LastCheckpoint);
        Assert.Contains("No checkpoint of this run verifies", e.Message);
    }

    [Fact]
    public void StepOnABadBatchThrowsOrReturnsNaNByPolicy()
    {
        using var data = TinyData.Images(16, seed: 2);
        data.Tensors[0][0].fill_(float.NaN);
        var batch = data.Batches(16).First();

        using (var stopping = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            var e = Assert.Throws<NonFiniteLossException>(() => stopping.Step(batch));
            Assert.Equal(0, e.Step);
            Assert.Equal(0, stopping.GlobalStep);
        }

        using var skipping = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, OnNonFiniteLoss = NonFiniteLossPolicy.SkipBatch,
        });
        var before = TinyData.Snapshot(skipping.Network);
        Assert.True(float.IsNaN(skipping.Step(batch)));
        Assert.Equal(0, skipping.GlobalStep);
        Assert.Equal(1, skipping.SkippedBatches);
        TinyData.AssertIdentical(before, TinyData.Snapshot(skipping.Network));
    }
}
