using System;
using System.IO;
using System.IO.Compression;

namespace SslDsl;

/// <summary>
/// Reads IDX files (the MNIST family's format), plain or gzip-compressed: a 4-byte magic
/// (0, 0, type 0x08 = unsigned byte, rank), big-endian dimension sizes, then the data.
/// </summary>
public static class IdxReader
{
    /// <summary>An IDX file's shape and unsigned-byte contents.</summary>
    /// <param name="Dimensions">Size of each dimension.</param>
    /// <param name="Data">The values, row-major.</param>
    public sealed record IdxData(int[] Dimensions, byte[] Data);

    /// <summary>
    /// Reads an unsigned-byte IDX file of the given rank. Throws <see cref="FileNotFoundException"/>
    /// when it is missing and <see cref="DatasetFormatException"/> (naming the file and what was
    /// expected) when it is corrupt or truncated.
    /// </summary>
    public static IdxData Read(string path, int expectedRank)
    {
        DataPaths.NotAFolder(path, "an IDX file");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file not found: {path}", path);
        }

        byte[] raw;
        try
        {
            raw = ReadAllBytes(path);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException(path, $"not a readable gzip stream ({e.Message}). Re-download or reinstall the file.", e);
        }
        catch (EndOfStreamException e)
        {
            throw new DatasetFormatException(path, $"the gzip stream ends early ({e.Message}): the file is truncated. Re-download or reinstall it.", e);
        }

        if (raw.Length < 4)
        {
            throw new DatasetFormatException(path, $"{raw.Length} bytes is too short for an IDX header (4 bytes of magic expected).");
        }

        if (raw[0] != 0 || raw[1] != 0 || raw[2] != 0x08)
        {
            throw new DatasetFormatException(path,
                $"magic {raw[0]:X2} {raw[1]:X2} {raw[2]:X2} {raw[3]:X2} is not an unsigned-byte IDX header (expected 00 00 08 {expectedRank:X2}).");
        }

        int rank = raw[3];
        if (rank != expectedRank)
        {
            throw new DatasetFormatException(path, $"the IDX file has {rank} dimensions; {expectedRank} were expected.");
        }

        int headerLength = 4 + (4 * rank);
        if (raw.Length < headerLength)
        {
            throw new DatasetFormatException(path, $"{raw.Length} bytes is too short for a rank-{rank} IDX header ({headerLength} bytes).");
        }

        var dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++)
        {
            int o = 4 + (4 * i);
            dims[i] = (raw[o] << 24) | (raw[o + 1] << 16) | (raw[o + 2] << 8) | raw[o + 3];
            if (dims[i] <= 0)
            {
                throw new DatasetFormatException(path, $"dimension {i} has size {dims[i]}; sizes must be > 0.");
            }

            expected *= dims[i];
        }

        long actual = raw.Length - headerLength;
        if (actual != expected)
        {
            throw new DatasetFormatException(path,
                $"the header promises {string.Join(" x ", dims)} = {expected} bytes of data but the file holds {actual}" +
                (actual < expected ? " (truncated). Re-download or reinstall it." : "."));
        }

        var data = new byte[expected];
        Buffer.BlockCopy(raw, headerLength, data, 0, (int)expected);
        return new IdxData(dims, data);
    }

    private static byte[] ReadAllBytes(string path)
    {
        using var file = File.OpenRead(path);
        bool gzip = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        if (!gzip)
        {
            return File.ReadAllBytes(path);
        }

        // A gzip file ends with the uncompressed size mod 2^32 (ISIZE). GZipStream returns what it
        // could decode from a cut-off file without complaint, so compare the two to catch truncation.
        uint declared = 0;
        if (file.Length >= 18)
        {
            var trailer = new byte[4];
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(trailer);
            declared = BitConverter.ToUInt32(trailer);
            file.Position = 0;
        }

        using var unzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        unzip.CopyTo(memory);
        if (file.Length < 18 || (uint)memory.Length != declared)
        {
            throw new EndOfStreamException(
                $"decoded {memory.Length} bytes but the gzip trailer declares {declared} (mod 2^32)");
        }

        return memory.ToArray();
    }
}
