using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>
/// Each bad input to the Fashion-MNIST SimCLR sample, run as a process: one line that says what is
/// wrong in the language of the command line, the documented exit code (docs/samples.md), no stack
/// trace, and an earlier run left as it was. Needs the Fashion-MNIST data (scripts/fetch-data.sh).
/// </summary>
public class SimClrSampleExitCodeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ssldsl-exit-" + Guid.NewGuid().ToString("N"));

    public SimClrSampleExitCodeTests()
    {
        Directory.CreateDirectory(_root);
    }

    /// <summary>How the output folder looks before the run.</summary>
    public enum Folder
    {
        /// <summary>Absent.</summary>
        None,

        /// <summary>Holds another run's checkpoint and metrics.</summary>
        AnotherRun,

        /// <summary>Its only checkpoint is damaged.</summary>
        DamagedCheckpoint,

        /// <summary>Is a file.</summary>
        File,
    }

    [Theory]
    [InlineData(new[] { "--epochs", "0" }, Folder.None, 2, "Option --epochs needs a whole number >= 1; got '0'.")]
    [InlineData(new[] { "--frobnicate" }, Folder.None, 2, "Unrecognized command or argument '--frobnicate'.")]
    [InlineData(new[] { "--overwrite", "--resume" }, Folder.None, 2, "Option --overwrite starts a new run; it cannot be combined with --resume")]
    [InlineData(new[] { "--device", "nonsense" }, Folder.None, 2, "Option --device: 'nonsense' is not a device; use auto, cpu, cuda or cuda:N")]
    [InlineData(new[] { "--device", "cuda:99" }, Folder.None, 2, "Option --device asks for cuda:99, but ")]
    [InlineData(new[] { "--precision", "fp16" }, Folder.None, 2, "Option --precision takes float32, mixed-bf16 or auto; got 'fp16'.")]
    [InlineData(new[] { "--train-limit", "100" }, Folder.None, 2, "Cannot run with these settings: Dataset 'fashion-mnist-train' holds 100 samples, fewer than one batch of 256. Lower the batch size (--batch-size) or add data.")]
    [InlineData(new[] { "--train-limit", "8", "--batch-size", "1" }, Folder.None, 2, "batches of 1 are too small for its loss. NT-Xent needs at least 2 samples per batch")]
    [InlineData(new[] { "--data", "{file}" }, Folder.None, 3, "Data missing or unreadable: {file}: is a file; a folder was expected here (the folder that holds the Fashion-MNIST IDX files).")]
    [InlineData(new[] { "--data", "{out}" }, Folder.None, 3, "Fashion-MNIST file 'train-images-idx3-ubyte.gz' was not found in '{out}'")]
    [InlineData(new[] { "--resume" }, Folder.None, 4, "Cannot use the checkpoint or encoder file: Nothing to resume: {out}/checkpoints holds no checkpoint. Start a new run without --resume")]
    [InlineData(new[] { "--resume" }, Folder.DamagedCheckpoint, 4, "Cannot resume 'fashion-simclr': no checkpoint in {out}/checkpoints loads. {out}/checkpoints/last.ckpt: not an SslDsl checkpoint")]
    [InlineData(new[] { "--resume-from", "{out}/none.ckpt" }, Folder.None, 4, "--resume-from {out}/none.ckpt names no file.")]
    [InlineData(new string[0], Folder.AnotherRun, 5, "Cannot use the output folder: The output folder {out} holds another run (checkpoints/last.ckpt, epochs.jsonl). Continue it with --resume, replace it with --overwrite, or pass another --out.")]
    [InlineData(new string[0], Folder.File, 5, "The output folder {out} is a file, not a folder.")]
    [InlineData(new[] { "--out", "/proc/ssldsl-sample-test" }, Folder.None, 5, "Cannot write to /proc/ssldsl-sample-test")]
    public void ABadInputEndsWithOneLineAndItsExitCode(string[] arguments, Folder folder, int code, string message)
    {
        string output = Path.Combine(_root, "out");
        string file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "not a folder");
        switch (folder)
        {
            case Folder.AnotherRun:
                Directory.CreateDirectory(Path.Combine(output, "checkpoints"));
                File.WriteAllText(Path.Combine(output, "checkpoints", "last.ckpt"), "a checkpoint");
                File.WriteAllText(Path.Combine(output, "epochs.jsonl"), "{\"epoch\":1}\n");
                break;
            case Folder.DamagedCheckpoint:
                Directory.CreateDirectory(Path.Combine(output, "checkpoints"));
                File.WriteAllText(Path.Combine(output, "checkpoints", "last.ckpt"), "zeroed by a crash");
                break;
            case Folder.File:
                File.WriteAllText(output, "not a folder");
                break;
        }

        string Fill(string text) => text.Replace("{out}", output, StringComparison.Ordinal).Replace("{file}", file, StringComparison.Ordinal);
        // A quick run's options, less those the case gives itself.
        var common = new[] { ("--train-limit", "512"), ("--probe-epochs", "1"), ("--device", "cpu"), ("--out", output), ("--data", SampleData.FashionMnistDirectory()) }
            .Where(o => !arguments.Contains(o.Item1))
            .SelectMany(o => new[] { o.Item1, o.Item2 })
            .Append("--no-baseline");

        var result = SampleProcess.Run("FashionMnist.SimClr", common.Concat(arguments.Select(Fill)).ToArray(), timeoutSeconds: 120);

        Assert.True(code == result.ExitCode, $"exit {result.ExitCode}, expected {code}:\n{result.Output}");
        Assert.Contains(Fill(message), result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        if (folder == Folder.AnotherRun)
        {
            Assert.Equal("a checkpoint", File.ReadAllText(Path.Combine(output, "checkpoints", "last.ckpt")));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
