using System;
using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>Checkpoint files: last / best / kept epochs, atomic writes, and clear errors for files that do not fit.</summary>
public class CheckpointTests
{
    private static string TrainTwoEpochs(TrainingOptions? options = null)
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 5);
        using var trainer = new TinySimClr.Trainer(options ?? new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = dir, Epochs = 2, ShowProgress = false, Log = TextWriter.Null, WritePlots = false,
        });
        trainer.Fit(data);
        return dir;
    }

    [Fact]
    public void RunKeepsLastBestAndTheLastKEpochCheckpointsWithoutLeftovers()
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 5);
        using (var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = dir, KeepEpochCheckpoints = 2, ShowProgress = false, Log = TextWriter.Null, WritePlots = false,
        }))
        {
            var result = trainer.Fit(data);
            int bestEpoch = result.Epochs.OrderBy(e => e.Loss).First().Epoch;

            var store = new CheckpointStore(Path.Combine(dir, "checkpoints"));
            Assert.Equal(new[] { 3, 4 }, store.KeptEpochs());
            Assert.True(File.Exists(store.Last));
            Assert.True(File.Exists(store.Best));
            Assert.Empty(Directory.GetFiles(store.Directory, "*" + AtomicFile.TempMarker + "*"));

            using var fromBest = new TinySimClr.Trainer(TinyData.Quiet());
            fromBest.LoadCheckpoint(store.Best);
            Assert.Equal(bestEpoch, fromBest.CompletedEpochs);

            using var fromEpoch3 = new TinySimClr.Trainer(TinyData.Quiet());
            fromEpoch3.LoadCheckpoint(store.Epoch(3));
            Assert.Equal(3, fromEpoch3.CompletedEpochs);
            Assert.Equal(12, fromEpoch3.GlobalStep);
            Assert.Equal(3, fromEpoch3.History.Count);
        }
    }

    [Fact]
    public void LeftoverTemporaryFilesAreRemovedWhenARunStarts()
    {
        string dir = TinyData.TempFolder();
        string checkpoints = Path.Combine(dir, "checkpoints");
        Directory.CreateDirectory(checkpoints);
        string leftover = Path.Combine(checkpoints, "last.ckpt" + AtomicFile.TempMarker + "12345-abcdef12");
        File.WriteAllText(leftover, "half a checkpoint");
        using var data = TinyData.Images(32, seed: 5);
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = dir, Epochs = 1, ShowProgress = false, Log = TextWriter.Null, WritePlots = false,
        });
        trainer.Fit(data);
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(Path.Combine(checkpoints, "last.ckpt")));
    }

    [Fact]
    public void AFailedWriteLeavesThePreviousFileAndNoTemporaryFile()
    {
        string dir = TinyData.TempFolder();
        string path = Path.Combine(dir, "state.bin");
        File.WriteAllText(path, "good");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("disk full (simulated)");
        }));
        Assert.Equal("good", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir));
    }

    [Fact]
    public void CheckpointOfAnotherTaskIsRejectedNamingBothTasks()
    {
        string dir = TrainTwoEpochs();
        using var other = new OtherTinySimClr.Trainer(TinyData.Quiet());
        var e = Assert.Throws<CheckpointMismatchException>(() => other.LoadCheckpoint(Path.Combine(dir, "checkpoints", "last.ckpt")));
        Assert.Contains("'tiny-simclr'", e.Message);
        Assert.Contains("'tiny-simclr-other'", e.Message);
        Assert.Contains("last.ckpt", e.Message);
    }

    [Fact]
    public void ResumeFromAnotherTasksFolderIsRejected()
    {
        string dir = TrainTwoEpochs();
        using var data = TinyData.Images(32, seed: 5);
        using var other = new OtherTinySimClr.Trainer(TinyData.Quiet(dir, resume: true));
        var e = Assert.Throws<ResumeException>(() => other.Fit(data));
        Assert.Contains("written by task 'tiny-simclr'", e.Message);
    }

    [Fact]
    public void CheckpointOfAnotherShapeIsRejectedNamingTheFirstDifferentEntry()
    {
        string dir = TrainTwoEpochs();
        var wider = new TinySimClr.Model(nn.Sequential(nn.Flatten(), nn.Linear(64, 20), nn.ReLU(), nn.Linear(20, 12)));
        using var trainer = new TinySimClr.Trainer(wider, TinyData.Quiet());
        var before = TinyData.Snapshot(trainer.Network);
        var e = Assert.Throws<CheckpointMismatchException>(() => trainer.LoadCheckpoint(Path.Combine(dir, "checkpoints", "last.ckpt")));
        Assert.Contains("'encoder.1.weight' [12,64] in the file but 'encoder.1.weight' [20,64] here", e.Message);
        TinyData.AssertIdentical(before, TinyData.Snapshot(trainer.Network));
    }

    [Fact]
    public void AFileThatIsNotACheckpointIsRejected()
    {
        string path = Path.Combine(TinyData.TempFolder(), "notes.ckpt");
        File.WriteAllText(path, "these are not weights");
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        var e = Assert.Throws<CheckpointMismatchException>(() => trainer.LoadCheckpoint(path));
        Assert.Contains("not an SslDsl checkpoint", e.Message);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void ATruncatedCheckpointIsRejectedAsTruncated()
    {
        string dir = TrainTwoEpochs();
        string path = Path.Combine(dir, "checkpoints", "last.ckpt");
        var bytes = File.ReadAllBytes(path);
        string cut = Path.Combine(dir, "cut.ckpt");
        File.WriteAllBytes(cut, bytes.AsSpan(0, bytes.Length - 100).ToArray());
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        var e = Assert.Throws<CheckpointMismatchException>(() => trainer.LoadCheckpoint(cut));
        Assert.Contains("truncated", e.Message);
        Assert.NotNull(e.DamagedPart);
    }

    [Fact]
    public void MissingCheckpointIsAFileNotFoundNamingThePath()
    {
        string path = Path.Combine(TinyData.TempFolder(), "absent.ckpt");
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        var e = Assert.Throws<FileNotFoundException>(() => trainer.LoadCheckpoint(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void MidEpochCheckpointWithAnotherBatchSizeIsRejected()
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 5);
        using (var trainer = new TinySimClr.Trainer(TinyData.Quiet(dir)))
        using (var cts = new CancellationTokenSource())
        {
            trainer.StepCompleted += (_, s) =>
            {
                if (s.Step == 2)
                {
                    cts.Cancel();
                }
            };
            trainer.Fit(data, cts.Token);
        }

        using var other = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = dir, Resume = true, BatchSize = 8, ShowProgress = false, Log = TextWriter.Null, WritePlots = false,
        });
        var e = Assert.Throws<ResumeException>(() => other.Fit(data));
        Assert.Contains("batch size 16, this run uses 8", e.Message);
        Assert.Contains("resume with TrainingOptions.BatchSize = 16", e.Message);
    }
}
