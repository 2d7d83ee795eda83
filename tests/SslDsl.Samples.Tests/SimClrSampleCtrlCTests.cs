using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>
/// Ctrl-C and SIGTERM in a real process: the Fashion-MNIST SimCLR sample, sent SIGINT (or SIGTERM) during its first
/// epoch, finishes the current step, saves a resumable checkpoint, says how to resume and exits with 130 (143); run
/// again with <c>--resume</c> it completes the run, and refuses a resume that would train another run.
/// Needs the Fashion-MNIST data (scripts/fetch-data.sh).
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

    [Fact]
    public void SigtermSavesLikeCtrlCAndAResumeWithAnotherSeedOrOtherDataIsRefused()
    {
        SampleData.FashionMnistDirectory();
        string[] arguments = { "--train-limit", "1024", "--batch-size", "128", "--epochs", "2", "--probe-epochs", "1", "--no-baseline", "--device", "cpu", "--out", _out };

        var first = SampleProcess.Run("FashionMnist.SimClr", arguments, interruptWhen: line => line.Contains("epoch 1/2 [", StringComparison.Ordinal), signal: "TERM");

        Assert.True(first.Interrupted, "the sample never printed its first progress line:\n" + first.Output);
        Assert.True(first.ExitCode == 143, first.Output);
        Assert.Contains("SIGTERM: stopping after the current step; pretraining saves a checkpoint first", first.Output, StringComparison.Ordinal);
        Assert.Contains("Run again with --resume to continue exactly there.", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, "checkpoints", "last.ckpt")), first.Output);

        var seed = SampleProcess.Run("FashionMnist.SimClr", arguments.Concat(new[] { "--resume", "--seed", "7" }).ToArray());
        Assert.True(seed.ExitCode == 4, seed.Output);
        Assert.Contains("it was started with seed 42, this run uses 7: resume with --seed 42", seed.Output, StringComparison.Ordinal);

        var fewer = arguments.ToArray();
        fewer[Array.IndexOf(fewer, "--train-limit") + 1] = "512";
        var data = SampleProcess.Run("FashionMnist.SimClr", fewer.Append("--resume").ToArray());
        Assert.True(data.ExitCode == 4, data.Output);
        Assert.Contains("it was trained on 1024 samples of 'fashion-mnist-train', this run has 512 of 'fashion-mnist-train': resume with the same data (--train-limit, --data)", data.Output, StringComparison.Ordinal);

        var fresh = SampleProcess.Run("FashionMnist.SimClr", arguments);
        Assert.True(fresh.ExitCode == 5, fresh.Output);
        Assert.Contains("holds another run", fresh.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void SigtermDuringTheProbesStopsThemAndKeepsTheExportedEncoder()
    {
        SampleData.FashionMnistDirectory();
        string[] arguments = { "--train-limit", "1024", "--batch-size", "128", "--epochs", "1", "--probe-epochs", "100000", "--device", "cpu", "--out", _out };

        var run = SampleProcess.Run("FashionMnist.SimClr", arguments, interruptWhen: line => line.Contains("== Linear probe: SimCLR encoder", StringComparison.Ordinal), signal: "TERM");

        // Before this stopped the probes, the first SIGTERM was swallowed after pretraining and 100,000 probe epochs ran on.
        Assert.True(run.Interrupted, "the sample never reached its probes:\n" + run.Output);
        Assert.True(run.ExitCode == 143, run.Output);
        Assert.Contains("Stopped by SIGTERM (exit code 143).", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, "encoder.bin")), run.Output);
        Assert.False(File.Exists(Path.Combine(_out, "summary.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
