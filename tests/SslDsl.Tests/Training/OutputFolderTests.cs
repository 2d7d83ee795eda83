using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>
/// The output folder is never clobbered and is checked before the first step: another run in it is
/// refused unless resumed or overwritten, resume never starts over by itself, metrics are appended,
/// and an unusable folder is reported before any training.
/// </summary>
[Collection(GlobalRngCollection.Name)]
public class OutputFolderTests
{
    private static TrainingOptions Options(string dir, int epochs, bool resume = false, bool overwrite = false, int keep = 0, TextWriter? log = null) => new()
    {
        Device = torch.CPU, OutputDirectory = dir, Epochs = epochs, Resume = resume, Overwrite = overwrite, KeepEpochCheckpoints = keep,
        ShowProgress = false, Log = log ?? TextWriter.Null, WritePlots = false,
    };

    private static string Train(int epochs, int keep = 0)
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(dir, epochs, keep: keep));
        trainer.Fit(data);
        return dir;
    }

    [Fact]
    public void ANewRunIntoAFolderHoldingAnotherRunIsRefusedAndTouchesNothing()
    {
        string dir = Train(epochs: 2);
        string last = Path.Combine(dir, "checkpoints", "last.ckpt");
        var before = File.ReadAllBytes(last);
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(dir, epochs: 1));

        var e = Assert.Throws<OutputDirectoryException>(() => trainer.Fit(data));

        Assert.Contains($"The output folder {dir} holds another run (checkpoints/best.ckpt, checkpoints/last.ckpt, epochs.jsonl, steps.jsonl, epochs.csv)", e.Message);
        Assert.Contains("Continue it with TrainingOptions.Resume = true, replace it with TrainingOptions.Overwrite = true", e.Message);
        Assert.Equal(before, File.ReadAllBytes(last));
        Assert.Equal(2, MetricsReader.ReadEpochs(dir).Count);
        Assert.Equal(0, trainer.GlobalStep);
    }

    [Fact]
    public void OverwriteReplacesTheEarlierRun()
    {
        string dir = Train(epochs: 2, keep: 2);
        var log = new StringWriter();
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(dir, epochs: 1, overwrite: true, log: log));

        trainer.Fit(data);

        Assert.Contains($"Overwriting the earlier run in {dir}: removed", log.ToString());
        Assert.Single(MetricsReader.ReadEpochs(dir));
        Assert.Equal(4, MetricsReader.ReadSteps(dir).Count);
        Assert.Equal(new[] { "best.ckpt", "last.ckpt" }, Directory.GetFiles(Path.Combine(dir, "checkpoints")).Select(Path.GetFileName).OrderBy(f => f));
    }

    [Fact]
    public void ResumeWithNoCheckpointRefusesInsteadOfStartingOver()
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(dir, epochs: 1, resume: true));

        var e = Assert.Throws<ResumeException>(() => trainer.Fit(data));

        Assert.Contains($"Nothing to resume: {Path.Combine(dir, "checkpoints")} holds no checkpoint", e.Message);
        Assert.Empty(MetricsReader.ReadEpochs(dir));
    }

    [Fact]
    public void AResumeFromAnOlderCheckpointAppendsToTheMetricsAndContinuesExactly()
    {
        using var data = TinyData.Images(64, seed: 11);
        Dictionary<string, torch.Tensor> expected;
        using (var straight = new TinySimClr.Trainer(TinyData.Quiet()))
        {
            straight.Fit(data);
            expected = TinyData.Snapshot(straight.Network);
        }

        // Two of the declared four epochs, keeping epoch-0001.ckpt and epoch-0002.ckpt; then only epoch 1 is left.
        string dir = TinyData.TempFolder();
        using (var first = new TinySimClr.Trainer(Options(dir, epochs: 4, keep: 2)))
        using (var stop = new CancellationTokenSource())
        {
            first.EpochCompleted += (_, m) =>
            {
                if (m.Epoch == 2)
                {
                    stop.Cancel();
                }
            };
            first.Fit(data, stop.Token);
        }

        foreach (var name in new[] { "last.ckpt", "best.ckpt", "epoch-0002.ckpt" })
        {
            File.Delete(Path.Combine(dir, "checkpoints", name));
        }

        var stepLinesBefore = File.ReadAllLines(Path.Combine(dir, MetricsWriter.StepsFile)).Length;
        var log = new StringWriter();
        using var resumed = new TinySimClr.Trainer(Options(dir, epochs: 4, resume: true, log: log));
        var result = resumed.Fit(data);

        Assert.Contains($"{Path.Combine(dir, "checkpoints", "last.ckpt")} is missing. Falling back to {Path.Combine(dir, "checkpoints", "epoch-0001.ckpt")}", log.ToString());
        Assert.Equal(1, result.ResumedFromEpoch);
        TinyData.AssertIdentical(expected, TinyData.Snapshot(resumed.Network));
        // Epoch 2 ran twice: both lines stay in epochs.jsonl (never cut), the reader and the CSV keep the last.
        Assert.Equal(new[] { 1, 2, 2, 3, 4 }, File.ReadAllLines(Path.Combine(dir, MetricsWriter.EpochsFile)).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("epoch").GetInt32()));
        Assert.Equal(new[] { 1, 2, 3, 4 }, MetricsReader.ReadEpochs(dir).Select(e => e.Epoch));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(dir, MetricsWriter.EpochsCsvFile)).Length);
        Assert.Equal(stepLinesBefore + 12, File.ReadAllLines(Path.Combine(dir, MetricsWriter.StepsFile)).Length);
        Assert.Equal(16, MetricsReader.ReadSteps(dir).Count);
    }

    [Fact]
    public void ResumeFromAFileOfAnotherFolderWritesToTheOutputFolder()
    {
        using var data = TinyData.Images(64, seed: 11);
        string source = TinyData.TempFolder();
        using (var first = new TinySimClr.Trainer(Options(source, epochs: 4)))
        using (var stop = new CancellationTokenSource())
        {
            first.StepCompleted += (_, s) =>
            {
                if (s.Step == 6)
                {
                    stop.Cancel();
                }
            };
            first.Fit(data, stop.Token);
        }

        string target = TinyData.TempFolder();
        using var resumed = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = target, ResumeFrom = Path.Combine(source, "checkpoints", "last.ckpt"),
            ShowProgress = false, Log = TextWriter.Null, WritePlots = false,
        });
        resumed.Fit(data);

        Assert.Equal(16, resumed.GlobalStep);
        Assert.True(File.Exists(Path.Combine(target, "checkpoints", "last.ckpt")));
        Assert.Equal(new[] { 2, 3, 4 }, MetricsReader.ReadEpochs(target).Select(e => e.Epoch));
    }

    [Fact]
    public void AnOutputFolderThatIsAFileIsReportedBeforeTraining()
    {
        string file = Path.Combine(TinyData.TempFolder(), "out");
        File.WriteAllText(file, "a file");
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(file, epochs: 1));
        var e = Assert.Throws<OutputDirectoryException>(() => trainer.Fit(data));
        Assert.Contains($"The output folder {file} is a file, not a folder", e.Message);
        Assert.Equal(0, trainer.GlobalStep);
    }

    [Fact]
    public void AnOutputFolderThatCannotBeWrittenIsReportedBeforeTraining()
    {
        string unwritable = "/proc/ssldsl-test-output";
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(Options(unwritable, epochs: 1));
        var e = Assert.Throws<OutputDirectoryException>(() => trainer.Fit(data));
        Assert.Contains($"Cannot write to {unwritable}", e.Message);
        Assert.Equal(0, trainer.GlobalStep);
    }

    [Fact]
    public void ADiskWithoutRoomForTheCheckpointsIsReported()
    {
        string dir = TinyData.TempFolder();
        var store = new CheckpointStore(Path.Combine(dir, "checkpoints"));
        var e = Assert.Throws<OutputDirectoryException>(() => RunFolder.EnsureWritable(dir, store, 1 << 20, long.MaxValue / 2, 2, SettingNames.Api));
        Assert.Contains("free, but this run needs about", e.Message);
        Assert.Contains("2 checkpoints of about 1.0 MiB each", e.Message);
        RunFolder.EnsureWritable(dir, store, 1 << 20, 2 << 20, 2, SettingNames.Api);
    }

    [Fact]
    public void AFolderIsFlushedAfterARename()
    {
        Assert.Equal(!System.OperatingSystem.IsWindows(), DirectorySync.Flush(TinyData.TempFolder()));
    }
}
