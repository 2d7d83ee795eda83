using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>Gradient accumulation: k batches of B give the update of one batch of k x B; epoch-aware modules learn the epoch.</summary>
public class GradientAccumulationTests
{
    [Fact]
    public void TwoAccumulatedBatchesUpdateLikeOneBatchOfTheirUnion()
    {
        using var first = Images(4, seed: 1);
        using var second = Images(4, seed: 2);
        using var accumulating = new RegressionTrainer(accumulateSteps: 2, batchSize: 4);
        using var plain = new RegressionTrainer(accumulateSteps: 1, batchSize: 8);
        var before = TinyData.Snapshot(accumulating.Network);
        TinyData.AssertIdentical(before, TinyData.Snapshot(plain.Network));

        accumulating.Step(new ImageBatch(first));
        Assert.Equal(1, accumulating.PendingBatches);
        Assert.Equal(0, accumulating.GlobalStep);
        TinyData.AssertIdentical(before, TinyData.Snapshot(accumulating.Network));

        accumulating.Step(new ImageBatch(second));
        Assert.Equal(0, accumulating.PendingBatches);
        Assert.Equal(1, accumulating.GlobalStep);

        plain.Step(new ImageBatch(torch.cat(new[] { first, second }, 0)));
        var expected = plain.Network.state_dict();
        foreach (var (name, value) in accumulating.Network.state_dict())
        {
            Assert.True(value.allclose(expected[name], rtol: 1e-5, atol: 1e-7), name);
            Assert.False(value.allclose(before[name]), $"{name} was updated");
        }
    }

    [Fact]
    public void AnEpochIsAWholeNumberOfWindowsAndEpochAwareModulesLearnTheEpoch()
    {
        // 10 batches of 4: 5 windows of 2 per epoch; the schedule and the progress count updates.
        using var data = TinyData.Images(40, seed: 3);
        using var trainer = new RegressionTrainer(accumulateSteps: 2, batchSize: 4, epochs: 3);
        var fit = trainer.Fit(data);
        Assert.Equal(15, trainer.GlobalStep);
        Assert.Equal(15, trainer.TotalSteps);
        Assert.All(fit.Epochs, e => Assert.Equal(10, e.Steps));
        Assert.Equal(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 }, trainer.Recorder.Seen);
    }

    [Fact]
    public void FewerBatchesThanOneWindowIsAClearError()
    {
        using var data = TinyData.Images(8, seed: 3);
        using var trainer = new RegressionTrainer(accumulateSteps: 3, batchSize: 4);
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(data));
        Assert.Contains("fewer than one accumulated update of 3 batches of 4", e.Message);
    }

    [Fact]
    public void AnAccumulationBelowOneIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionTrainer(accumulateSteps: 0, batchSize: 4));

    private static Tensor Images(int n, long seed) => torch.rand(new long[] { n, 1, 8, 8 }, generator: new Generator((ulong)seed));

    /// <summary>Records the epochs it is told, as DINO's and SwAV's schedules are.</summary>
    private sealed class EpochLog : nn.Module<Tensor, Tensor>, IEpochAware
    {
        public EpochLog()
            : base("epoch_log")
        {
        }

        public List<int> Seen { get; } = new();

        public void SetEpoch(int epoch) => Seen.Add(epoch);

        public override Tensor forward(Tensor input) => input.alias();
    }

    /// <summary>A linear map regressed onto a fixed target: the loss is a mean over samples, with no batch-norm.</summary>
    private sealed class RegressionTrainer : PretextTrainer<ImageBatch>
    {
        private readonly nn.Module<Tensor, Tensor> _network;

        public RegressionTrainer(int accumulateSteps, int batchSize, int epochs = 1)
            : base(
                new TrainingSettings("regression", batchSize, epochs, Seed: 5, GradientClip: 0,
                    new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 0.1, WeightDecay: 0, Momentum: 0), ScheduleSettings.Default, accumulateSteps),
                new TrainingOptions { Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null })
        {
            _network = nn.Sequential(("flatten", nn.Flatten()), ("linear", nn.Linear(64, 3)), ("epochs", Recorder));
        }

        public EpochLog Recorder { get; } = new();

        public override nn.Module Network => _network;

        protected override LossTerms ComputeLoss(ImageBatch batch)
        {
            var loss = _network.forward(batch.Images).sub(1).pow(2).mean();
            return new LossTerms(loss, ("mse", loss));
        }
    }
}
