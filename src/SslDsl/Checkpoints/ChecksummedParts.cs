using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace SslDsl;

/// <summary>
/// The named parts of a checkpoint or encoder file, each stored with the SHA-256 of its bytes so
/// that a damaged byte is found, and the damaged part named, before anything is loaded. A part
/// is its name, the payload length (int64), the 32-byte SHA-256 of the payload, then the payload.
/// </summary>
internal static class ChecksummedParts
{
    private const int HashBytes = 32;

    /// <summary>Writes one part: <paramref name="write"/> writes the payload, which is hashed on its way to <paramref name="stream"/> (seekable).</summary>
    public static void Write(Stream stream, string name, Action<BinaryWriter> write)
    {
        using var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        header.Write(name);
        header.Flush();
        long lengthAt = stream.Position;
        header.Write(0L);
        header.Write(new byte[HashBytes]);
        header.Flush();
        long start = stream.Position;
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(stream, sha, CryptoStreamMode.Write, leaveOpen: true))
        using (var body = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            write(body);
            body.Flush();
            hashing.FlushFinalBlock();
        }

        long end = stream.Position;
        stream.Position = lengthAt;
        header.Write(end - start);
        header.Write(sha.Hash!);
        header.Flush();
        stream.Position = end;
    }

    /// <summary>
    /// Lists the parts from the current position of <paramref name="stream"/> to its end, without
    /// reading the payloads. <paramref name="path"/> names the file in errors.
    /// </summary>
    /// <exception cref="CheckpointMismatchException">The list of parts itself is cut short or garbled.</exception>
    public static PartIndex Scan(Stream stream, string path)
    {
        var parts = new List<Part>();
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            while (stream.Position < stream.Length)
            {
                string name = reader.ReadString();
                long length = reader.ReadInt64();
                byte[] hash = reader.ReadBytes(HashBytes);
                long offset = stream.Position;
                if (hash.Length != HashBytes || length < 0 || length > stream.Length - offset)
                {
                    throw new CheckpointMismatchException(path,
                        $"the file is truncated or damaged after {Describe(parts)}: the next part claims {length} bytes but {Math.Max(0, stream.Length - offset)} remain.")
                    { DamagedPart = name };
                }

                parts.Add(new Part(name, offset, length, hash));
                stream.Position = offset + length;
            }
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or DecoderFallbackException)
        {
            throw new CheckpointMismatchException(path, $"the file is truncated or damaged after {Describe(parts)} ({e.Message}).", e);
        }

        return new PartIndex(stream, path, parts);
    }

    private static string Describe(List<Part> parts) => parts.Count == 0 ? "its format version" : $"its '{string.Join("', '", parts.ConvertAll(p => p.Name))}' part(s)";

    /// <summary>One part: where its payload lies and the hash it must have.</summary>
    internal sealed record Part(string Name, long Offset, long Length, byte[] Hash);

    /// <summary>The parts of one open file; each is verified before it is read.</summary>
    internal sealed class PartIndex
    {
        private readonly Stream _stream;
        private readonly string _path;
        private readonly List<Part> _parts;
        private readonly HashSet<string> _verified = new();

        public PartIndex(Stream stream, string path, List<Part> parts)
        {
            _stream = stream;
            _path = path;
            _parts = parts;
        }

        /// <summary>True when the file holds a part named <paramref name="name"/>.</summary>
        public bool Has(string name) => _parts.Exists(p => p.Name == name);

        /// <summary>Verifies every part's checksum.</summary>
        /// <exception cref="CheckpointMismatchException">A part is damaged; the message and <see cref="CheckpointMismatchException.DamagedPart"/> name it.</exception>
        public void VerifyAll()
        {
            foreach (var part in _parts)
            {
                Verify(part);
            }
        }

        /// <summary>Verifies part <paramref name="name"/>, then lets <paramref name="read"/> read exactly its payload.</summary>
        /// <exception cref="CheckpointMismatchException">The part is missing, damaged, or its contents do not parse to its end.</exception>
        public T Read<T>(string name, Func<BinaryReader, T> read)
        {
            string what = PartNames.Describe(name);
            var part = _parts.Find(p => p.Name == name)
                ?? throw new CheckpointMismatchException(_path, $"the file has no {what}; it was written by another version or is damaged.") { DamagedPart = name };
            Verify(part);
            _stream.Position = part.Offset;
            using var reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
            T value;
            try
            {
                value = read(reader);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException or System.Text.Json.JsonException or DecoderFallbackException)
            {
                throw new CheckpointMismatchException(_path, $"its {what} cannot be read although its checksum matches ({e.Message}); it was written by another version.", e) { DamagedPart = name };
            }

            if (_stream.Position != part.Offset + part.Length)
            {
                throw new CheckpointMismatchException(_path,
                    $"its {what} holds {part.Length} bytes but {_stream.Position - part.Offset} were read; it was written by another version or for another model.")
                { DamagedPart = name };
            }

            return value;
        }

        private void Verify(Part part)
        {
            if (_verified.Contains(part.Name))
            {
                return;
            }

            _stream.Position = part.Offset;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long left = part.Length;
            while (left > 0)
            {
                int n = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (n <= 0)
                {
                    throw new CheckpointMismatchException(_path, $"the {PartNames.Describe(part.Name)} is cut short: the file is truncated.") { DamagedPart = part.Name };
                }

                sha.AppendData(buffer, 0, n);
                left -= n;
            }

            if (!CryptographicOperations.FixedTimeEquals(sha.GetHashAndReset(), part.Hash))
            {
                throw new CheckpointMismatchException(_path,
                    $"the {PartNames.Describe(part.Name)} is damaged: its SHA-256 checksum does not match the one written with it.")
                { DamagedPart = part.Name };
            }

            _verified.Add(part.Name);
        }
    }
}
