using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>
/// Checksums over every part of checkpoints and encoder files: a damaged part is named and never
/// loaded, a resume falls back to the newest checkpoint that verifies, and files of the previous
/// formats (no checksums) still load with a warning.
/// </summary>
[Collection(GlobalRngCollection.Name)]
public class CheckpointIntegrityTests
{
    private static TrainingOptions Options(string dir, int epochs, bool resume = false, int keep = 0, TextWriter? log = null) => new()
    {
        Device = torch.CPU, OutputDirectory = dir, Epochs = epochs, Resume = resume, KeepEpochCheckpoints = keep,
        ShowProgress = false, Log = log ?? TextWriter.Null, WritePlots = false,
    };

    /// <summary>The first 2 epochs of the declared 4 (so that a resume can be compared with a straight run), stopped there.</summary>
    private static string TrainTwoEpochs(int keep = 0)
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(dir, epochs: 4, keep: keep));
        using var stop = new System.Threading.CancellationTokenSource();
        trainer.EpochCompleted += (_, m) =>
        {
            if (m.Epoch == 2)
            {
                stop.Cancel();
            }
        };
        Assert.True(trainer.Fit(data, stop.Token).Interrupted);
        return dir;
    }

    private static string Last(string dir) => Path.Combine(dir, "checkpoints", "last.ckpt");

    [Fact]
    public void ACheckpointHoldsEveryPartInOrder()
    {
        string dir = TrainTwoEpochs();
        Assert.Equal(new[] { "header", "run", "progress", "weights", "optimizer", "random-state", "extra-state" }, CheckpointLayout.Names(Last(dir)));
    }

    [Theory]
    [InlineData("header")]
    [InlineData("run")]
    [InlineData("progress")]
    [InlineData("weights")]
    [InlineData("optimizer")]
    [InlineData("random-state")]
    [InlineData("extra-state")]
    public void ADamagedPartIsNamedAndNothingIsLoaded(string part)
    {
        string dir = TrainTwoEpochs();
        CheckpointLayout.Damage(Last(dir), part);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        var before = TinyData.Snapshot(trainer.Network);

        var e = Assert.Throws<CheckpointMismatchException>(() => trainer.LoadCheckpoint(Last(dir)));

        Assert.Equal(part, e.DamagedPart);
        Assert.Contains($"the '{part}' part", e.Message);
        Assert.Contains("SHA-256 checksum does not match", e.Message);
        Assert.StartsWith(Last(dir), e.Message);
        TinyData.AssertIdentical(before, TinyData.Snapshot(trainer.Network));
        Assert.Equal(0, trainer.GlobalStep);
    }

    [Fact]
    public void ResumeSkipsDamagedCheckpointsSaysWhyAndContinuesExactlyFromTheNewestGoodOne()
    {
        using var data = TinyData.Images(64, seed: 11);
        Dictionary<string, Tensor> expected;
        using (var straight = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            straight.Fit(data);
            expected = TinyData.Snapshot(straight.Network);
        }

        // Two epochs keep last.ckpt, best.ckpt and epoch-0002.ckpt; damage the first two.
        string dir = TrainTwoEpochs(keep: 1);
        string best = Path.Combine(dir, "checkpoints", "best.ckpt");
        string epoch2 = Path.Combine(dir, "checkpoints", "epoch-0002.ckpt");
        CheckpointLayout.Damage(Last(dir), "weights");
        CheckpointLayout.Damage(best, "random-state");
        File.SetLastWriteTimeUtc(epoch2, File.GetLastWriteTimeUtc(best).AddSeconds(-1));
        File.SetLastWriteTimeUtc(best, File.GetLastWriteTimeUtc(best).AddSeconds(1));

        var log = new StringWriter();
        using var resumed = new TinySimClr.Trainer(Options(dir, epochs: 4, resume: true, log: log));
        var result = resumed.Fit(data);

        string said = log.ToString();
        Assert.Contains($"{Last(dir)}: the 'weights' part (parameters and buffers) is damaged", said);
        Assert.Contains($"{best}: the 'random-state' part", said);
        Assert.Contains($"Falling back to {epoch2}, the newest checkpoint that loads.", said);
        Assert.Equal(2, result.ResumedFromEpoch);
        TinyData.AssertIdentical(expected, TinyData.Snapshot(resumed.Network));
    }

    [Fact]
    public void ResumeWhenNothingLoadsRefusesAndListsEveryFile()
    {
        string dir = TrainTwoEpochs();
        string best = Path.Combine(dir, "checkpoints", "best.ckpt");
        CheckpointLayout.Damage(Last(dir), "optimizer");
        File.WriteAllText(best, "not a checkpoint");
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(dir, epochs: 3, resume: true));

        var e = Assert.Throws<ResumeException>(() => trainer.Fit(data));

        Assert.Contains($"no checkpoint in {Path.Combine(dir, "checkpoints")} loads", e.Message);
        Assert.Contains($"{Last(dir)}: the 'optimizer' part (optimizer state) is damaged", e.Message);
        Assert.Contains($"{best}: not an SslDsl checkpoint", e.Message);
        Assert.Contains("TrainingOptions.ResumeFrom = PATH", e.Message);
        Assert.Contains("TrainingOptions.Overwrite = true", e.Message);
    }

    [Fact]
    public void TheNonFiniteErrorNamesTheNewestCheckpointThatStillVerifies()
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);
        using var bad = TinyData.Images(16, seed: 2);
        bad.Tensors[0].fill_(float.NaN);
        using var trainer = new TinySimClr.Trainer(Options(dir, epochs: 2));
        trainer.Fit(data);
        string best = Path.Combine(dir, "checkpoints", "best.ckpt");
        var batch = bad.Batches(16).First();

        var whole = Assert.Throws<NonFiniteLossException>(() => trainer.Step(batch));
        Assert.Equal(Last(dir), whole.LastCheckpoint);

        CheckpointLayout.Damage(Last(dir), "optimizer");
        var damaged = Assert.Throws<NonFiniteLossException>(() => trainer.Step(batch));
        Assert.Equal(best, damaged.LastCheckpoint);
        Assert.Contains($"The last good checkpoint is '{best}' (its checksums verify)", damaged.Message);
    }

    [Fact]
    public void ACheckpointOfTheUncheckedVersion2StillLoadsWithAWarning()
    {
        using var data = TinyData.Images(64, seed: 11);
        string path = Path.Combine(TinyData.TempFolder(), "old.ckpt");
        Dictionary<string, Tensor> weights;
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            trainer.Fit(data);
            CheckpointLayout.WriteVersion2(trainer, path);
            weights = TinyData.Snapshot(trainer.Network);
        }

        var log = new StringWriter();
        using var loaded = new TinySimClr.Trainer(new TrainingOptions { Device = torch.CPU, ShowProgress = false, Log = log, WritePlots = false });
        loaded.LoadCheckpoint(path);

        Assert.Contains($"{path} was written before checkpoints carried checksums (format version 2)", log.ToString());
        TinyData.AssertIdentical(weights, TinyData.Snapshot(loaded.Network));
        Assert.Equal(4, loaded.CompletedEpochs);
        Assert.Equal(16, loaded.GlobalStep);
    }

    [Fact]
    public void AFolderGivenAsACheckpointIsSaidToBeAFolder()
    {
        string dir = TinyData.TempFolder();
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        var e = Assert.Throws<CheckpointMismatchException>(() => trainer.LoadCheckpoint(dir));
        Assert.Contains("is a folder, not a checkpoint file", e.Message);
    }

    [Fact]
    public void AnEncoderFileWithDamagedWeightsIsRejectedNamingThePart()
    {
        string path = Path.Combine(TinyData.TempFolder(), "encoder.bin");
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            trainer.ExportEncoder(path);
        }

        Assert.Equal(new[] { "header", "weights" }, CheckpointLayout.Names(path));
        CheckpointLayout.Damage(path, "weights", count: 8);
        var e = Assert.Throws<CheckpointMismatchException>(() => EncoderFile.Load(path, TinySimClr.Encoder()));
        Assert.Equal("weights", e.DamagedPart);
        Assert.Contains("'weights' part (parameters and buffers) is damaged", e.Message);
    }

    [Fact]
    public void AnEncoderFileWithNaNWeightsIsRejected()
    {
        string path = Path.Combine(TinyData.TempFolder(), "encoder.bin");
        var broken = TinySimClr.Encoder();
        using (torch.no_grad())
        {
            broken.parameters().First().fill_(float.NaN);
        }

        EncoderFile.Save(path, "tiny-simclr", broken, TinySimClr.EncoderOutputDim);
        var e = Assert.Throws<CheckpointMismatchException>(() => EncoderFile.Load(path, TinySimClr.Encoder()));
        Assert.Contains("NaN or infinite values (first in '1.weight')", e.Message);
        Assert.Equal("weights", e.DamagedPart);
    }

    [Fact]
    public void ACheckpointWithNaNWeightsIsRejected()
    {
        // Its checksums verify (the NaN was there when it was written): only the finiteness check can refuse it.
        string path = Path.Combine(TinyData.TempFolder(), "nan.ckpt");
        string first;
        using (var broken = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            var (name, parameter) = broken.Network.named_parameters().First();
            first = name;
            using (torch.no_grad())
            {
                parameter.fill_(float.NaN);
            }

            broken.SaveCheckpoint(path);
        }

        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        var e = Assert.Throws<CheckpointMismatchException>(() => trainer.LoadCheckpoint(path));

        Assert.Equal("weights", e.DamagedPart);
        Assert.StartsWith(path, e.Message);
        Assert.Contains($"the weights hold NaN or infinite values (first in '{first}'); training cannot continue from this checkpoint.", e.Message);
        Assert.Equal(0, trainer.GlobalStep);
        Assert.Equal(0, trainer.CompletedEpochs);
    }

    [Fact]
    public void AnEncoderFileOfTheUncheckedVersion1StillLoadsWithAWarning()
    {
        string path = Path.Combine(TinyData.TempFolder(), "encoder.bin");
        var original = TinySimClr.Encoder();
        CheckpointLayout.WriteEncoderVersion1(original, "tiny-simclr", TinySimClr.EncoderOutputDim, path);
        var log = new StringWriter();

        var fresh = TinySimClr.Encoder();
        var header = EncoderFile.Load(path, fresh, TinySimClr.EncoderOutputDim, log);

        Assert.False(header.HasChecksums);
        Assert.Contains("format version 1, written before encoder files carried checksums", log.ToString());
        TinyData.AssertIdentical(TinyData.Snapshot(original), TinyData.Snapshot(fresh));
        Assert.False(EncoderFile.ReadHeader(path).HasChecksums);
    }

    [Fact]
    public void AFolderGivenAsAnEncoderFileIsSaidToBeAFolder()
    {
        var e = Assert.Throws<CheckpointMismatchException>(() => EncoderFile.Load(TinyData.TempFolder(), TinySimClr.Encoder()));
        Assert.Contains("is a folder, not an encoder file", e.Message);
    }
}
