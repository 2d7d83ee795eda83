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
public sealed record EncoderFileHeader(string TaskName, int OutputDim, IReadOnlyList<(string Name, long[] Shape)> Signature)
{
    /// <summary>False for a file of format version 1, written before encoder files carried checksums: its weights cannot be verified.</summary>
    public bool HasChecksums { get; init; } = true;
}

/// <summary>
/// A pretrained encoder alone, without heads, optimizer or training state: a header part (task
/// name, output width, parameter signature) and a weights part, each stored with its SHA-256
/// (see <see cref="ChecksummedParts"/>). Written by <c>trainer.ExportEncoder(path)</c>; read into
/// a freshly built encoder with <see cref="Load"/>, for example to fine-tune it with the generated
/// <c>new T.FineTuner(encoder)</c>. Files of format version 1 (no checksums) still load, with a warning.
/// </summary>
public static class EncoderFile
{
    /// <summary>The first string of every encoder file.</summary>
    public const string Magic = "SSLDSL-ENCODER";

    /// <summary>The format version this library writes.</summary>
    public const int Version = 2;

    /// <summary>The previous format version (no checksums), which still loads.</summary>
    public const int UncheckedVersion = 1;

    /// <summary>Writes <paramref name="encoder"/>'s weights with a header to <paramref name="path"/> (atomic).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="taskName">The task that trained the encoder.</param>
    /// <param name="encoder">The encoder.</param>
    /// <param name="outputDim">Width of its representation; -1 when unknown.</param>
    public static void Save(string path, string taskName, nn.Module encoder, int outputDim)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(taskName);
        var signature = ModuleSignature.Of(encoder);
        AtomicFile.Write(path, stream =>
        {
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
            }

            ChecksummedParts.Write(stream, PartNames.Header, w =>
            {
                w.Write(taskName);
                w.Write(outputDim);
                ModuleSignature.Write(w, signature);
            });
            ChecksummedParts.Write(stream, PartNames.Weights, w => encoder.save(w));
        });
    }

    /// <summary>Reads the header of an encoder file without loading weights.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">A folder, not an encoder file, a damaged header, or a truncated file.</exception>
    public static EncoderFileHeader ReadHeader(string path)
    {
        using var stream = OpenExisting(path);
        return ReadHeader(path, stream, out _);
    }

    /// <summary>
    /// Loads the weights in <paramref name="path"/> into <paramref name="encoder"/>, which must
    /// have the same parameter names and shapes (build it the way the task builds its encoder).
    /// The weights' checksum is verified before they are loaded, and a NaN or infinite value in
    /// them is an error (the encoder must not be used after an exception).
    /// </summary>
    /// <param name="path">An encoder file written by <see cref="Save"/> (or <c>trainer.ExportEncoder</c>).</param>
    /// <param name="encoder">The encoder to fill; it keeps its device.</param>
    /// <param name="expectedOutputDim">When given, the representation width the file must declare.</param>
    /// <param name="log">Where the warning about a file without checksums goes; null for the console's error stream.</param>
    /// <returns>The file's header.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">
    /// A folder, not an encoder file, truncated, a damaged part (<see cref="CheckpointMismatchException.DamagedPart"/>),
    /// non-finite weights, or another architecture (the message names the first differing entry).
    /// </exception>
    public static EncoderFileHeader Load(string path, nn.Module<Tensor, Tensor> encoder, int? expectedOutputDim = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        using var stream = OpenExisting(path);
        var header = ReadHeader(path, stream, out var parts);
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
        if (parts is not null)
        {
            parts.Read(PartNames.Weights, r => encoder.load(r));
        }
        else
        {
            (log ?? Console.Error).WriteLine(
                $"WARNING {path} is an encoder file of format version {UncheckedVersion}, written before encoder files carried checksums: its weights cannot be verified. Export it again to add them.");
            try
            {
                encoder.load(new BinaryReader(stream));
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException)
            {
                throw new CheckpointMismatchException(path, $"the encoder file is truncated or corrupt ({e.Message}); export it again.", e);
            }
        }

        if (ModuleSignature.FirstNonFinite(encoder) is string bad)
        {
            throw new CheckpointMismatchException(path, $"the encoder's weights hold NaN or infinite values (first in '{bad}'); export the encoder of a healthy run again.")
            {
                DamagedPart = PartNames.Weights,
            };
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

    private static FileStream OpenExisting(string path) =>
        SavedFile.OpenExisting(path, "an encoder", $"Encoder file not found: {path}. Write one with trainer.ExportEncoder(path).");

    private static EncoderFileHeader ReadHeader(string path, Stream stream, out ChecksummedParts.PartIndex? parts)
    {
        var reader = new BinaryReader(stream);
        parts = null;
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
            if (version == Version)
            {
                parts = ChecksummedParts.Scan(stream, path);
                return parts.Read(PartNames.Header, r => new EncoderFileHeader(r.ReadString(), r.ReadInt32(), ModuleSignature.Read(r)));
            }

            if (version != UncheckedVersion)
            {
                throw new CheckpointMismatchException(path, $"encoder file format version {version}; this library reads versions {UncheckedVersion} and {Version}.");
            }

            return new EncoderFileHeader(reader.ReadString(), reader.ReadInt32(), ModuleSignature.Read(reader)) { HasChecksums = false };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            throw new CheckpointMismatchException(path, $"not an SslDsl encoder file (the header cannot be read: {e.Message}).", e);
        }
    }
}
