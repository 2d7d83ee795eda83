using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>What an exported encoder file says about itself.</summary>
/// <param name="TaskName">The task whose trainer exported it.</param>
/// <param name="OutputDim">Width of the representation the encoder returns (-1 when the exporter did not know it).</param>
/// <param name="Signature">Names and shapes of the encoder's parameters and buffers, in order.</param>
public sealed record EncoderFileHeader(string TaskName, int OutputDim, IReadOnlyList<(string Name, long[] Shape)> Signature);

/// <summary>
/// A pretrained encoder alone, without heads, optimizer or training state: a small header (task
/// name, output width, parameter signature) then the weights. Written by
/// <c>trainer.ExportEncoder(path)</c>; read into a freshly built encoder with <see cref="Load"/>,
/// for example to fine-tune it with the generated <c>new T.FineTuner(encoder)</c>.
/// </summary>
public static class EncoderFile
{
    /// <summary>The first string of every encoder file.</summary>
    public const string Magic = "SSLDSL-ENCODER";

    /// <summary>The format version this library writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="encoder"/>'s weights with a header to <paramref name="path"/> (atomic).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="taskName">The task that trained the encoder.</param>
    /// <param name="encoder">The encoder.</param>
    /// <param name="outputDim">Width of its representation; -1 when unknown.</param>
    public static void Save(string path, string taskName, nn.Module encoder, int outputDim)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(taskName);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(taskName);
            writer.Write(outputDim);
            ModuleSignature.Write(writer, ModuleSignature.Of(encoder));
            encoder.save(writer);
            writer.Flush();
        });
    }

    /// <summary>Reads the header of an encoder file without loading weights.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">Not an encoder file, or a truncated one.</exception>
    public static EncoderFileHeader ReadHeader(string path)
    {
        using var stream = OpenExisting(path);
        using var reader = new BinaryReader(stream);
        return ReadHeader(path, reader);
    }

    /// <summary>
    /// Loads the weights in <paramref name="path"/> into <paramref name="encoder"/>, which must
    /// have the same parameter names and shapes (build it the way the task builds its encoder).
    /// </summary>
    /// <param name="path">An encoder file written by <see cref="Save"/> (or <c>trainer.ExportEncoder</c>).</param>
    /// <param name="encoder">The encoder to fill; it keeps its device.</param>
    /// <param name="expectedOutputDim">When given, the representation width the file must declare.</param>
    /// <returns>The file's header.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">Not an encoder file, truncated, or another architecture (the message names the first differing entry).</exception>
    public static EncoderFileHeader Load(string path, nn.Module<Tensor, Tensor> encoder, int? expectedOutputDim = null)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        using var stream = OpenExisting(path);
        using var reader = new BinaryReader(stream);
        var header = ReadHeader(path, reader);
        string? difference = ModuleSignature.FirstDifference(header.Signature, ModuleSignature.Of(encoder));
        if (difference is not null)
        {
            throw new CheckpointMismatchException(path,
                $"the exported encoder of task '{header.TaskName}' does not fit the encoder given: {difference}. " +
                "Build the encoder with the same architecture and settings as the task that exported it.");
        }

        if (expectedOutputDim is int dim && header.OutputDim >= 0 && header.OutputDim != dim)
        {
            throw new CheckpointMismatchException(path,
                $"the exported encoder of task '{header.TaskName}' returns {header.OutputDim} features; {dim} were expected.");
        }

        var device = FirstDevice(encoder);
        try
        {
            encoder.load(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException)
        {
            throw new CheckpointMismatchException(path, $"the encoder file is truncated or corrupt ({e.Message}); export it again.", e);
        }

        if (device is not null)
        {
            encoder.to(device);
        }

        return header;
    }

    private static Device? FirstDevice(nn.Module module)
    {
        foreach (var (_, tensor) in module.state_dict())
        {
            return tensor.device;
        }

        return null;
    }

    private static FileStream OpenExisting(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Encoder file not found: {path}. Write one with trainer.ExportEncoder(path).", path);
        }

        return File.OpenRead(path);
    }

    private static EncoderFileHeader ReadHeader(string path, BinaryReader reader)
    {
        try
        {
            string magic = reader.ReadString();
            if (magic != Magic)
            {
                string hint = magic == CheckpointFile.Magic
                    ? " It is a training checkpoint: load it with the task's Trainer (LoadCheckpoint), or export the encoder with trainer.ExportEncoder(path)."
                    : "";
                throw new CheckpointMismatchException(path, "not an SslDsl encoder file (wrong magic)." + hint);
            }

            int version = reader.ReadInt32();
            if (version != Version)
            {
                throw new CheckpointMismatchException(path, $"encoder file format version {version}; this library reads version {Version}.");
            }

            string task = reader.ReadString();
            int outputDim = reader.ReadInt32();
            var signature = ModuleSignature.Read(reader);
            return new EncoderFileHeader(task, outputDim, signature);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or InvalidDataException)
        {
            throw new CheckpointMismatchException(path, $"not an SslDsl encoder file (the header cannot be read: {e.Message}).", e);
        }
    }
}
