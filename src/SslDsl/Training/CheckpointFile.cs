using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The checkpoint file format: a header (magic, version, task name, parameter signature) that is
/// checked before anything is loaded, then the trainer's state. Writes go to a temporary file
/// that replaces the target only once complete, so a crash never leaves a half-written checkpoint.
/// </summary>
public static class CheckpointFile
{
    private const string Magic = "SSLDSL-CHECKPOINT";
    private const int Version = 1;

    /// <summary>The names and shapes of a module's parameters and buffers, in order.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> Signature(nn.Module module) =>
        module.state_dict().Select(kv => (kv.Key, kv.Value.shape)).ToArray();

    /// <summary>Writes the header then lets <paramref name="body"/> write the state; atomic.</summary>
    public static void Write(string path, string taskName, nn.Module module, Action<BinaryWriter> body)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        string temp = path + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(temp))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(taskName);
            var signature = Signature(module);
            writer.Write(signature.Count);
            foreach (var (name, shape) in signature)
            {
                writer.Write(name);
                writer.Write(shape.Length);
                foreach (var d in shape)
                {
                    writer.Write(d);
                }
            }

            body(writer);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Opens <paramref name="path"/>, checks that it is a checkpoint of <paramref name="taskName"/>
    /// whose parameters have the shapes of <paramref name="module"/>, then lets <paramref name="body"/> read the state.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">Another file type, another task, or other shapes.</exception>
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
        try
        {
            magic = reader.ReadString();
            version = reader.ReadInt32();
            task = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new CheckpointMismatchException(path, "not an SslDsl checkpoint (the header cannot be read).");
        }

        if (magic != Magic)
        {
            throw new CheckpointMismatchException(path, "not an SslDsl checkpoint (wrong magic).");
        }

        if (version != Version)
        {
            throw new CheckpointMismatchException(path, $"checkpoint format version {version}; this library reads version {Version}.");
        }

        if (task != taskName)
        {
            throw new CheckpointMismatchException(path, $"the checkpoint was written by task '{task}', not '{taskName}'. Point the run at that task's output folder, or start a fresh run.");
        }

        var expected = Signature(module);
        int count = reader.ReadInt32();
        var found = new List<(string Name, long[] Shape)>(count);
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            var shape = new long[reader.ReadInt32()];
            for (int d = 0; d < shape.Length; d++)
            {
                shape[d] = reader.ReadInt64();
            }

            found.Add((name, shape));
        }

        for (int i = 0; i < Math.Max(expected.Count, found.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : default;
            var f = i < found.Count ? found[i] : default;
            if (e.Name != f.Name || !(e.Shape ?? Array.Empty<long>()).SequenceEqual(f.Shape ?? Array.Empty<long>()))
            {
                throw new CheckpointMismatchException(path,
                    $"the checkpoint's model does not match this task's model: entry {i} is " +
                    $"{Describe(f)} in the checkpoint but {Describe(e)} here. It was saved with another architecture or configuration.");
            }
        }

        body(reader);
    }

    private static string Describe((string Name, long[] Shape) entry) =>
        entry.Name is null ? "(missing)" : $"'{entry.Name}' [{string.Join(",", entry.Shape)}]";

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
        var data = reader.ReadBytes(n);
        return TorchSharp.torch.tensor(data, ScalarType.Byte);
    }
}
