using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;

namespace SslDsl.Tests.Training;

/// <summary>
/// Reads the layout of checkpoint and encoder files independently of the library (magic, version,
/// then per part: name, int64 length, 32-byte SHA-256, payload), to damage chosen parts in tests,
/// and writes files of the previous, unchecked formats.
/// </summary>
internal static class CheckpointLayout
{
    /// <summary>Where each part's payload starts and how long it is.</summary>
    public static Dictionary<string, (long Offset, long Length)> Parts(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        reader.ReadString();
        reader.ReadInt32();
        var parts = new Dictionary<string, (long, long)>();
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            string name = reader.ReadString();
            long length = reader.ReadInt64();
            reader.ReadBytes(32);
            parts[name] = (reader.BaseStream.Position, length);
            reader.BaseStream.Position += length;
        }

        return parts;
    }

    /// <summary>Inverts <paramref name="count"/> bytes in the middle of part <paramref name="part"/> (fewer when the part is shorter).</summary>
    public static void Damage(string path, string part, int count = 64)
    {
        var (offset, length) = Parts(path)[part];
        var bytes = File.ReadAllBytes(path);
        int n = (int)System.Math.Min(count, length);
        long start = offset + (length - n) / 2;
        for (long i = start; i < start + n; i++)
        {
            bytes[i] ^= 0xFF;
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes <paramref name="trainer"/>'s state as a checkpoint of format version 2 (no parts, no checksums, no run settings).</summary>
    public static void WriteVersion2(TinySimClr.Trainer trainer, string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(CheckpointFile.Magic);
        writer.Write(2);
        writer.Write(trainer.Settings.TaskName);
        ModuleSignature.Write(writer, ModuleSignature.Of(trainer.Network));
        writer.Write(trainer.CompletedEpochs);
        writer.Write(trainer.GlobalStep);
        writer.Write(double.PositiveInfinity);
        writer.Write(trainer.Settings.BatchSize);
        writer.Write(0L);
        writer.Write("[]");
        writer.Write(false);
        trainer.Network.save(writer);
        trainer.Optimizer.Save(writer);
        using (var rng = torch.random.get_rng_state())
        {
            CheckpointFile.WriteBytes(writer, rng);
        }

        using var pipeline = trainer.Pipeline.Generator.get_state();
        CheckpointFile.WriteBytes(writer, pipeline);
    }

    /// <summary>Writes <paramref name="encoder"/> as an encoder file of format version 1 (no checksums).</summary>
    public static void WriteEncoderVersion1(torch.nn.Module encoder, string task, int outputDim, string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(EncoderFile.Magic);
        writer.Write(1);
        writer.Write(task);
        writer.Write(outputDim);
        ModuleSignature.Write(writer, ModuleSignature.Of(encoder));
        encoder.save(writer);
    }

    /// <summary>The names of the parts, in file order.</summary>
    public static string[] Names(string path) => Parts(path).OrderBy(p => p.Value.Offset).Select(p => p.Key).ToArray();
}
