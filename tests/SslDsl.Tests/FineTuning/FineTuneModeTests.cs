using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.FineTuning;

/// <summary>LinearProbe freezes the encoder, Full trains all of it, PartialUnfreeze only its last N blocks.</summary>
public class FineTuneModeTests
{
    private static (Dataset<ImageBatch> Data, nn.Module<Tensor, Tensor> Encoder) Setup()
    {
        torch.manual_seed(4);
        var gen = new Generator(4);
        var labels = torch.randint(0, 3, new long[] { 48 }, generator: gen);
        var images = torch.rand(new long[] { 48, 1, 8, 8 }, generator: gen) * 0.3 + labels.view(-1, 1, 1, 1).to_type(ScalarType.Float32) * 0.3;
        var encoder = Backbones.SmallCnn(inChannels: 1, width: 4, outputDim: 8, depth: 2);
        return (new Dataset<ImageBatch>(new[] { images }, labels), encoder);
    }

    private static Tensor[] Snapshot(nn.Module module) => module.parameters().Select(p => p.detach().clone()).ToArray();

    private static bool[] Changed(nn.Module module, Tensor[] before) =>
        module.parameters().Zip(before, (p, b) => !p.detach().allclose(b, rtol: 0, atol: 0)).ToArray();

    private static FineTuneSettings Settings(FineTuneMode mode, int unfreeze = 0) =>
        new(Classes: 3, mode, UnfreezeLastLayers: unfreeze, Epochs: 2, LearningRate: 0.01, EncoderLearningRateScale: 0.1, BatchSize: 16);

    private static TrainingOptions Quiet => new() { Device = torch.CPU, ShowProgress = false, Seed = 1 };

    [Fact]
    public void LinearProbeLeavesTheEncoderUnchanged()
    {
        var (data, encoder) = Setup();
        var before = Snapshot(encoder);
        using var tuner = new FineTuner<ImageBatch>(encoder, 8, Settings(FineTuneMode.LinearProbe), Quiet);
        var result = tuner.Fit(data, data);
        Assert.DoesNotContain(true, Changed(encoder, before));
        // The probe's grid: learning rates {lr, 4 lr} x weight decays {1e-4, 0.1, 1, 10}, each scored on the held-out split.
        Assert.Equal(new[] { (0.01, 1e-4), (0.01, 0.1), (0.01, 1.0), (0.01, 10.0), (0.04, 1e-4), (0.04, 0.1), (0.04, 1.0), (0.04, 10.0) },
            result.Probe!.Candidates.Select(c => (c.LearningRate, c.WeightDecay)));
        Assert.Equal(result.Probe.Candidates.Max(c => c.ValidationAccuracy), result.Probe.Chosen.ValidationAccuracy);
        Assert.Equal(result.Probe.ValidationAccuracy, result.Validation!.Accuracy);
        // The final head's curve, one mean loss per epoch: 48 images are one batch of 1,024 cached features, so the
        // declared 2 epochs become the 500 that ProbeSettings.MinSteps asks for.
        Assert.Equal(500, result.EpochLosses.Count);
        Assert.InRange(result.Test!.Accuracy, 0, 1);
    }

    [Fact]
    public void FullFineTuneTrainsEveryEncoderBlock()
    {
        var (data, encoder) = Setup();
        var blocksBefore = encoder.children().Select(Snapshot).ToArray();
        using var tuner = new FineTuner<ImageBatch>(encoder, 8, Settings(FineTuneMode.Full), Quiet);
        tuner.Fit(data);
        var blocks = encoder.children().ToArray();
        Assert.Equal(3, blocks.Length);
        for (int i = 0; i < blocks.Length; i++)
        {
            Assert.Contains(true, Changed(blocks[i], blocksBefore[i]));
        }
    }

    [Fact]
    public void PartialUnfreezeTrainsOnlyTheLastBlocks()
    {
        var (data, encoder) = Setup();
        var blocks = encoder.children().ToArray();
        var before = blocks.Select(Snapshot).ToArray();
        using var tuner = new FineTuner<ImageBatch>(encoder, 8, Settings(FineTuneMode.PartialUnfreeze, unfreeze: 1), Quiet);
        Assert.Equal(3, tuner.Blocks().Count);
        tuner.Fit(data);

        // block0 and block1 frozen (weights and batch-norm statistics alike), head trained.
        Assert.DoesNotContain(true, Changed(blocks[0], before[0]));
        Assert.DoesNotContain(true, Changed(blocks[1], before[1]));
        Assert.All(Changed(blocks[2], before[2]), Assert.True);
    }

    [Fact]
    public void BadSettingsAndDataAreRejectedWithClearMessages()
    {
        var (data, encoder) = Setup();
        var few = Assert.Throws<ArgumentException>(() => new FineTuner<ImageBatch>(encoder, 8, Settings(FineTuneMode.LinearProbe) with { Classes = 1 }, Quiet));
        Assert.Contains("at least 2 classes", few.Message);
        var partial = Assert.Throws<ArgumentException>(() => new FineTuner<ImageBatch>(encoder, 8, Settings(FineTuneMode.PartialUnfreeze, unfreeze: 0), Quiet));
        Assert.Contains("UnfreezeLastLayers", partial.Message);

        using var tuner = new FineTuner<ImageBatch>(encoder, 8, Settings(FineTuneMode.LinearProbe) with { Classes = 2 }, Quiet);
        var labels = Assert.Throws<ArgumentException>(() => tuner.Fit(data));
        Assert.Contains("labels in [0, 2]", labels.Message);
        Assert.Contains("2 classes", labels.Message);
        using var unlabelled = new Dataset<ImageBatch>(new[] { data.Tensors[0] });
        Assert.Contains("no labels", Assert.Throws<ArgumentException>(() => tuner.Fit(unlabelled)).Message);
    }
}
