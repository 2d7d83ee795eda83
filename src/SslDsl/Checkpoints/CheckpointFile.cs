using System;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The checkpoint file format: a magic string and a version, then named parts, each with the
/// SHA-256 of its bytes (see <see cref="ChecksummedParts"/>): the header (task name, parameter
/// signature), the run settings, the training position and history, the weights, the optimizer
/// state, the random-number state and the generated trainer's extra state. Every part is
/// verified before anything is loaded, so a damaged byte is reported with the part it is in.
/// Writes are atomic (see <see cref="AtomicFile"/>): a crash never leaves a half-written
/// checkpoint in place of a good one. Files of the previous version (2, without checksums) still load.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The first string of every checkpoint.</summary>
    public const string Magic = "SSLDSL-CHECKPOINT";

    /// <summary>The format version this library writes.</summary>
    public const int Version = 3;

    /// <summary>The previous format version (no checksums, no run settings), which still loads.</summary>
    public const int UncheckedVersion = 2;

    /// <summary>The names and shapes of a module's parameters and buffers, in order.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> Signature(nn.Module module) => ModuleSignature.Of(module);

    /// <summary>Writes the header part, then each of <paramref name="parts"/> in order, each checksummed; atomic.</summary>
    internal static void Write(string path, string taskName, nn.Module module, IReadOnlyList<(string Name, Action<BinaryWriter> Write)> parts)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(parts);
        var signature = Signature(module);
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
                ModuleSignature.Write(w, signature);
            });
            foreach (var (name, write) in parts)
            {
                ChecksummedParts.Write(stream, name, write);
            }
        });
    }

    /// <summary>
    /// Opens <paramref name="path"/> and checks that it is a checkpoint of <paramref name="taskName"/>
    /// whose parameters have the shapes of <paramref name="module"/>; the caller then reads its parts.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    /// <exception cref="CheckpointMismatchException">A folder, another file type, another task, other shapes, a damaged header, or a truncated file.</exception>
    internal static CheckpointContents Open(string path, string taskName, nn.Module module)
    {
        var stream = SavedFile.OpenExisting(path, "a checkpoint", $"Checkpoint not found: {path}");
        try
        {
            var reader = new BinaryReader(stream);
            int version = ReadMagicAndVersion(path, reader);
            CheckpointContents contents;
            string task;
            IReadOnlyList<(string Name, long[] Shape)> found;
            if (version == Version)
            {
                var parts = ChecksummedParts.Scan(stream, path);
                (task, found) = parts.Read(PartNames.Header, r => (r.ReadString(), ModuleSignature.Read(r)));
                contents = new CheckpointContents(path, stream, parts, null);
            }
            else
            {
                try
                {
                    task = reader.ReadString();
                    found = ModuleSignature.Read(reader);
                }
                catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or InvalidDataException)
                {
                    throw new CheckpointMismatchException(path, $"not an SslDsl checkpoint (the header cannot be read: {e.Message}).", e);
                }

                contents = new CheckpointContents(path, stream, null, reader);
            }

            if (task != taskName)
            {
                throw new CheckpointMismatchException(path, $"the checkpoint was written by task '{task}', not '{taskName}'. Point the run at that task's output folder, or start a fresh run.");
            }

            string? difference = ModuleSignature.FirstDifference(found, Signature(module));
            if (difference is not null)
            {
                throw new CheckpointMismatchException(path,
                    $"the checkpoint's model does not match this task's model: {difference}. It was saved with another architecture or configuration; start a fresh run in another output folder.");
            }

            return contents;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static int ReadMagicAndVersion(string path, BinaryReader reader)
    {
        string magic;
        int version;
        try
        {
            magic = reader.ReadString();
            if (magic != Magic)
            {
                string hint = magic == EncoderFile.Magic ? " It is an exported encoder: load it with EncoderFile.Load into an encoder module." : "";
                throw new CheckpointMismatchException(path, "not an SslDsl checkpoint (wrong magic)." + hint);
            }

            version = reader.ReadInt32();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            throw new CheckpointMismatchException(path, $"not an SslDsl checkpoint (the header cannot be read: {e.Message}).", e);
        }

        if (version != Version && version != UncheckedVersion)
        {
            throw new CheckpointMismatchException(path, $"checkpoint format version {version}; this library reads versions {UncheckedVersion} and {Version}. Start a fresh run or use the library version that wrote it.");
        }

        return version;
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
