using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>
/// Ctrl-C in a real process: the Fashion-MNIST SimCLR sample, sent SIGINT during its first epoch, finishes the
/// current step, saves a resumable checkpoint, says how to resume and exits with 130; run again with
/// <c>--resume</c> it completes the run. Needs the Fashion-MNIST data (scripts/fetch-data.sh).
/// </summary>
public class SimClrSampleCtrlCTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "ssldsl-ctrlc-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void CtrlCDuringTrainingSavesACheckpointExitsCleanlyAndTheRunResumes()
    {
        SampleData.FashionMnistDirectory();
        string[] arguments = { "--train-limit", "1024", "--batch-size", "128", "--epochs", "2", "--probe-epochs", "1", "--no-baseline", "--out", _out };

        var first = SampleProcess.Run("FashionMnist.SimClr", arguments, interruptWhen: line => line.Contains("epoch 1/2 [", StringComparison.Ordinal));

        Assert.True(first.Interrupted, "the sample never printed its first progress line:\n" + first.Output);
        Assert.Equal(130, first.ExitCode);
        Assert.Contains("Ctrl-C: stopping after the current step", first.Output, StringComparison.Ordinal);
        Assert.Contains("resume with --resume", first.Output, StringComparison.Ordinal);
        string checkpoints = Path.Combine(_out, "checkpoints");
        Assert.True(Directory.Exists(checkpoints) && Directory.EnumerateFiles(checkpoints).Any(), "no checkpoint was written in " + checkpoints);
        Assert.Empty(Directory.EnumerateFiles(_out, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(_out, "summary.json")));

        var second = SampleProcess.Run("FashionMnist.SimClr", arguments.Append("--resume").ToArray());

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.True(File.Exists(Path.Combine(_out, "summary.json")), second.Output);
        Assert.True(File.Exists(Path.Combine(_out, "encoder.bin")), second.Output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
