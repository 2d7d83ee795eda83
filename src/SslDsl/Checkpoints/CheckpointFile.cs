using System;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The checkpoint file format: a header (magic, version, task name, parameter signature) that is
/// checked before anything is loaded, then the trainer's state. Writes are atomic (see
/// <see cref="AtomicFile"/>): a crash never leaves a half-written checkpoint in place of a good one.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The first string of every checkpoint.</summary>
    public const string Magic = "SSLDSL-CHECKPOINT";

    /// <summary>The format version this library writes and reads.</summary>
    public const int Version = 2;

    /// <summary>The names and shapes of a module's parameters and buffers, in order.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> Signature(nn.Module module) => ModuleSignature.Of(module);

    /// <summary>Writes the header then lets <paramref name="body"/> write the state; atomic.</summary>
    public static void Write(string path, string taskName, nn.Module module, Action<BinaryWriter> body)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(body);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(taskName);
            ModuleSignature.Write(writer, Signature(module));
            body(writer);
            writer.Flush();
        });
    }

    /// <summary>
    /// Opens <paramref name="path"/>, checks that it is a checkpoint of <paramref name="taskName"/>
    /// whose parameters have the shapes of <paramref name="module"/>, then lets <paramref name="body"/> read the state.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">Another file type, another task, other shapes, or a truncated file.</exception>
    public static void Read(string path, string taskName, nn.Module module, Action<BinaryReader> body)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Checkpoint not found: {path}", path);
        }

        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        string magic;
        int version;
        string task;
        IReadOnlyList<(string Name, long[] Shape)> found;
        try
        {
            magic = reader.ReadString();
            if (magic != Magic)
            {
                string hint = magic == EncoderFile.Magic ? " It is an exported encoder: load it with EncoderFile.Load into an encoder module." : "";
                throw new CheckpointMismatchException(path, "not an SslDsl checkpoint (wrong magic)." + hint);
            }

            version = reader.ReadInt32();
            if (version != Version)
            {
                throw new CheckpointMismatchException(path, $"checkpoint format version {version}; this library reads version {Version}. Start a fresh run or use the library version that wrote it.");
            }

            task = reader.ReadString();
            if (task != taskName)
            {
                throw new CheckpointMismatchException(path, $"the checkpoint was written by task '{task}', not '{taskName}'. Point the run at that task's output folder, or start a fresh run.");
            }

            found = ModuleSignature.Read(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or InvalidDataException)
        {
            throw new CheckpointMismatchException(path, $"not an SslDsl checkpoint (the header cannot be read: {e.Message}).", e);
        }

        string? difference = ModuleSignature.FirstDifference(found, Signature(module));
        if (difference is not null)
        {
            throw new CheckpointMismatchException(path,
                $"the checkpoint's model does not match this task's model: {difference}. It was saved with another architecture or configuration; start a fresh run in another output folder.");
        }

        try
        {
            body(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new CheckpointMismatchException(path, $"the checkpoint is truncated or corrupt ({e.Message}); resume from another checkpoint (best.ckpt or an epoch-*.ckpt) or start a fresh run.", e);
        }
    }

    /// <summary>Writes a tensor's bytes (for RNG states).</summary>
    public static void WriteBytes(BinaryWriter writer, Tensor bytes)
    {
        var data = bytes.cpu().data<byte>().ToArray();
        writer.Write(data.Length);
        writer.Write(data);
    }

    /// <summary>Reads bytes written by <see cref="WriteBytes"/> as a uint8 tensor.</summary>
    public static Tensor ReadBytes(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        if (n < 0)
        {
            throw new InvalidDataException($"negative byte count {n}.");
        }

        var data = reader.ReadBytes(n);
        if (data.Length != n)
        {
            throw new EndOfStreamException($"expected {n} bytes, found {data.Length}.");
        }

        return TorchSharp.torch.tensor(data, ScalarType.Byte);
    }
}
