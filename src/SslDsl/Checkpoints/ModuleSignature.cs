using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The names and shapes of a module's parameters and buffers, in state-dict order: what a saved
/// file is checked against before any weight is read, so a mismatch is reported by name.
/// </summary>
public static class ModuleSignature
{
    /// <summary>The names and shapes of <paramref name="module"/>'s state, in order.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> Of(nn.Module module) =>
        module.state_dict().Select(kv => (kv.Key, kv.Value.shape)).ToArray();

    /// <summary>Writes a signature: count, then name, rank and sizes of each entry.</summary>
    public static void Write(BinaryWriter writer, IReadOnlyList<(string Name, long[] Shape)> signature)
    {
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
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > 1_000_000)
        {
            throw new InvalidDataException($"implausible number of state entries ({count}).");
        }

        var found = new List<(string Name, long[] Shape)>(count);
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            int rank = reader.ReadInt32();
            if (rank < 0 || rank > 64)
            {
                throw new InvalidDataException($"implausible rank {rank} for entry '{name}'.");
            }

            var shape = new long[rank];
            for (int d = 0; d < shape.Length; d++)
            {
                shape[d] = reader.ReadInt64();
            }

            found.Add((name, shape));
        }

        return found;
    }

    /// <summary>
    /// The first difference between <paramref name="found"/> (in a file) and <paramref name="expected"/>
    /// (the module here), described for an error message; null when they agree.
    /// </summary>
    public static string? FirstDifference(IReadOnlyList<(string Name, long[] Shape)> found, IReadOnlyList<(string Name, long[] Shape)> expected)
    {
        for (int i = 0; i < Math.Max(expected.Count, found.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : default;
            var f = i < found.Count ? found[i] : default;
            if (e.Name != f.Name || !(e.Shape ?? Array.Empty<long>()).SequenceEqual(f.Shape ?? Array.Empty<long>()))
            {
                return $"entry {i} is {Describe(f)} in the file but {Describe(e)} here " +
                       $"({found.Count} entries in the file, {expected.Count} here)";
            }
        }

        return null;
    }

    /// <summary>The name of the first floating-point parameter or buffer of <paramref name="module"/> holding a NaN or infinite value; null when all are finite.</summary>
    public static string? FirstNonFinite(nn.Module module)
    {
        foreach (var (name, tensor) in module.state_dict())
        {
            if (!tensor.is_floating_point())
            {
                continue;
            }

            using var finite = tensor.isfinite();
            using var all = finite.all();
            if (!all.item<bool>())
            {
                return name;
            }
        }

        return null;
    }

    private static string Describe((string Name, long[] Shape) entry) =>
        entry.Name is null ? "(missing)" : $"'{entry.Name}' [{string.Join(",", entry.Shape)}]";
}
