using System;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>Exporting the trained encoder alone and importing it into a fresh one.</summary>
[Collection(GlobalRngCollection.Name)]
public class EncoderExportTrainingTests
{
    [Fact]
    public void ExportedEncoderImportsIntoAFreshEncoderWithIdenticalEmbeddingsAndProbeResults()
    {
        string dir = TinyData.TempFolder();
        string path = Path.Combine(dir, "encoder.bin");
        using var train = TinyData.Images(64, seed: 21, name: "train");
        using var test = TinyData.Images(32, seed: 22, name: "test");
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        trainer.Fit(train);
        trainer.ExportEncoder(path);

        var header = EncoderFile.ReadHeader(path);
        Assert.Equal("tiny-simclr", header.TaskName);
        Assert.Equal(TinySimClr.EncoderOutputDim, header.OutputDim);
        Assert.Equal(new[] { "1.weight", "1.bias" }, header.Signature.Select(s => s.Name));
        Assert.Equal(new long[] { 12, 64 }, header.Signature[0].Shape);

        var fresh = TinySimClr.Encoder();
        var before = TinyData.Snapshot(fresh);
        EncoderFile.Load(path, fresh, expectedOutputDim: TinySimClr.EncoderOutputDim);
        Assert.True(TinyData.Differ(before, TinyData.Snapshot(fresh)));
        TinyData.AssertIdentical(TinyData.Snapshot(trainer.Model.Encoder), TinyData.Snapshot(fresh));

        using var expected = trainer.Embed(test);
        fresh.eval();
        using (torch.no_grad())
        using (var images = test.Tensors[0].alias())
        using (var actual = fresh.forward(images))
        {
            Assert.True(TinyData.Same(expected, actual));
        }

        var options = new TrainingOptions { Device = torch.CPU, Seed = 4, ShowProgress = false, Log = TextWriter.Null };
        using var probeTrained = new TinySimClr.FineTuner(trainer.Model, options: options);
        using var probeImported = new TinySimClr.FineTuner(fresh, options: options);
        var a = probeTrained.Fit(train, test);
        var b = probeImported.Fit(train, test);
        Assert.Equal(a.EpochLosses, b.EpochLosses);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Test, b.Test);
    }

    [Fact]
    public void ImportIntoAnEncoderOfAnotherShapeNamesTheFirstDifference()
    {
        string path = Path.Combine(TinyData.TempFolder(), "encoder.bin");
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            trainer.ExportEncoder(path);
        }

        var other = nn.Sequential(nn.Flatten(), nn.Linear(64, 16));
        var e = Assert.Throws<CheckpointMismatchException>(() => EncoderFile.Load(path, other));
        Assert.Contains("'1.weight' [12,64] in the file but '1.weight' [16,64] here", e.Message);
        Assert.Contains("tiny-simclr", e.Message);
    }

    [Fact]
    public void ImportWithAnotherOutputWidthIsRejected()
    {
        string path = Path.Combine(TinyData.TempFolder(), "encoder.bin");
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            trainer.ExportEncoder(path);
        }

        var e = Assert.Throws<CheckpointMismatchException>(() => EncoderFile.Load(path, TinySimClr.Encoder(), expectedOutputDim: 32));
        Assert.Contains("returns 12 features; 32 were expected", e.Message);
    }

    [Fact]
    public void ACheckpointIsNotAnEncoderFileAndTheErrorSaysWhatToDo()
    {
        string dir = TinyData.TempFolder();
        string checkpoint = Path.Combine(dir, "last.ckpt");
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            trainer.SaveCheckpoint(checkpoint);
        }

        var e = Assert.Throws<CheckpointMismatchException>(() => EncoderFile.Load(checkpoint, TinySimClr.Encoder()));
        Assert.Contains("training checkpoint", e.Message);
        Assert.Contains("ExportEncoder", e.Message);
    }

    [Fact]
    public void EmbedUsesTheEncoderInEvalModeOnTheFirstSamplesAndLeavesTrainingStateAlone()
    {
        using var data = TinyData.Images(40, seed: 8);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        trainer.Network.train();
        using var rngBefore = torch.random.get_rng_state();
        using var pipelineBefore = trainer.Pipeline.Generator.get_state();

        using var embedded = trainer.Embed(data, limit: 30);

        Assert.Equal(new long[] { 30, TinySimClr.EncoderOutputDim }, embedded.shape);
        using (torch.no_grad())
        using (var first = data.Tensors[0].narrow(0, 0, 30))
        using (var direct = trainer.Model.Encoder.forward(first))
        {
            Assert.True(TinyData.Same(direct, embedded));
        }

        Assert.True(trainer.Network.training);
        using var rngAfter = torch.random.get_rng_state();
        using var pipelineAfter = trainer.Pipeline.Generator.get_state();
        Assert.True(TinyData.Same(rngBefore, rngAfter));
        Assert.True(TinyData.Same(pipelineBefore, pipelineAfter));
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Embed(data, limit: 0));
    }
}
