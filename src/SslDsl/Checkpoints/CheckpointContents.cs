using System;
using System.IO;

namespace SslDsl;

/// <summary>
/// An opened checkpoint whose header fits the trainer: its parts, each verified before it is read.
/// A file of the unchecked version 2 has no checksums and no run settings; its parts are read in
/// the order they were written.
/// </summary>
internal sealed class CheckpointContents : IDisposable
{
    private readonly Stream _stream;
    private readonly ChecksummedParts.PartIndex? _parts;
    private readonly BinaryReader? _sequential;

    public CheckpointContents(string path, Stream stream, ChecksummedParts.PartIndex? parts, BinaryReader? sequential)
    {
        Path = path;
        _stream = stream;
        _parts = parts;
        _sequential = sequential;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>False for a file of version 2, written before checkpoints carried checksums.</summary>
    public bool HasChecksums => _parts is not null;

    /// <summary>Verifies the checksum of every part (nothing to verify in a version-2 file).</summary>
    /// <exception cref="CheckpointMismatchException">A part is damaged; the exception names it.</exception>
    public void VerifyAll() => _parts?.VerifyAll();

    /// <summary>Reads part <paramref name="name"/>, or returns the default when the file has no such part (version 2 has no run settings).</summary>
    public T? ReadOptional<T>(string name, Func<BinaryReader, T> read) =>
        _parts is not null && _parts.Has(name) ? _parts.Read(name, read) : default;

    /// <summary>Reads part <paramref name="name"/> (in a version-2 file: the next part in writing order).</summary>
    /// <exception cref="CheckpointMismatchException">The part is missing, damaged or cut short.</exception>
    public T Read<T>(string name, Func<BinaryReader, T> read)
    {
        if (_parts is not null)
        {
            return _parts.Read(name, read);
        }

        try
        {
            return read(_sequential!);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new CheckpointMismatchException(Path, $"the checkpoint is truncated or corrupt ({e.Message}); resume from another checkpoint (best.ckpt or an epoch-*.ckpt) or start a fresh run.", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
