using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;

namespace SslDsl;

/// <summary>
/// A TensorBoard run: scalars written through TorchSharp's <c>SummaryWriter</c> to an event file
/// (<c>events.out.tfevents.*</c>, TFRecord-framed <c>Event</c> protobufs) in one folder, which
/// <c>tensorboard --logdir</c> shows as a run. Opening a log removes the event files already in the
/// folder, so a run is written once: a resumed run replays its kept history first (see <see cref="MetricsWriter"/>).
/// Step metrics go under <c>step/NAME</c> (x axis: global step), epoch metrics under <c>epoch/NAME</c> (x axis: epoch).
/// </summary>
public sealed class TensorBoardLog
{
    /// <summary>The folder, under a run's output folder, that holds the TensorBoard runs (<c>tensorboard --logdir OUT/tensorboard</c>).</summary>
    public const string Folder = "tensorboard";

    /// <summary>The run (sub-folder of <see cref="Folder"/>) of pretraining.</summary>
    public const string PretrainRun = "pretrain";

    /// <summary>The run (sub-folder of <see cref="Folder"/>) of fine-tuning and linear probing.</summary>
    public const string FineTuneRun = "fine-tune";

    /// <summary>The start of every event file's name.</summary>
    public const string EventFilePrefix = "events.out.tfevents.";

    // SummaryWriter appends each event to the file as it is written (nothing is buffered), so there is nothing to flush or dispose.
    private readonly SummaryWriter _writer;

    /// <summary>Starts a fresh log in <paramref name="directory"/> (created when missing; its old event files are removed).</summary>
    public TensorBoardLog(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        System.IO.Directory.CreateDirectory(directory);
        foreach (var old in System.IO.Directory.GetFiles(directory, EventFilePrefix + "*"))
        {
            File.Delete(old);
        }

        Directory = directory;
        _writer = torch.utils.tensorboard.SummaryWriter(directory, filename_suffix: "", createRunName: false);
    }

    /// <summary>The run's folder.</summary>
    public string Directory { get; }

    /// <summary>The folder of run <paramref name="run"/> under <paramref name="outputDirectory"/>.</summary>
    public static string RunDirectory(string outputDirectory, string run) => Path.Combine(outputDirectory, Folder, run);

    /// <summary>Writes one scalar.</summary>
    public void Scalar(string tag, double value, long step) => _writer.add_scalar(tag, (float)value, Step(step));

    /// <summary>Writes a step's fields (loss, lr, loss terms) as <c>step/NAME</c> at <paramref name="step"/>; the fields "step" and "epoch" are the axis, not scalars.</summary>
    public void WriteStep(long step, IEnumerable<KeyValuePair<string, double>> fields) => Write("step/", step, fields, "step");

    /// <summary>Writes an epoch's fields (see <see cref="MetricsWriter.Flatten"/>) as <c>epoch/NAME</c> at <paramref name="epoch"/>.</summary>
    public void WriteEpoch(int epoch, IEnumerable<KeyValuePair<string, double>> fields) => Write("epoch/", epoch, fields, "steps");

    private void Write(string prefix, long step, IEnumerable<KeyValuePair<string, double>> fields, string alsoSkip)
    {
        foreach (var (name, value) in fields)
        {
            if (name != "step" && name != "epoch" && name != alsoSkip)
            {
                Scalar(prefix + name, value, step);
            }
        }
    }

    private static int Step(long step) => (int)Math.Clamp(step, 0, int.MaxValue);
}
