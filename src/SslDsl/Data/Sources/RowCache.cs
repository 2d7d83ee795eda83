using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SslDsl;

/// <summary>
/// Fixed-width rows of values (floats for tables and series, longs for text offsets) in a temporary file, written once in order by a streaming pass and then read at
/// any row from several threads at once (positional reads, no shared file position). The file is deleted when
/// the cache is disposed (or the process ends). Memory stays at one write buffer whatever the number of rows.
/// </summary>
internal sealed class RowCache<T> : IDisposable
    where T : unmanaged
{
    private readonly FileStream _file;
    private readonly byte[] _row;

    /// <summary>Creates an empty cache of rows of <paramref name="width"/> values in <paramref name="directory"/> (the temporary folder when null).</summary>
    public RowCache(int width, string? directory, string what)
    {
        Width = width;
        string folder = directory ?? System.IO.Path.GetTempPath();
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, $"ssldsl-{what}-{Guid.NewGuid():N}.rows");
        _file = new FileStream(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _row = new byte[width * Unsafe.SizeOf<T>()];
    }

    /// <summary>Values per row.</summary>
    public int Width { get; }

    /// <summary>Rows written.</summary>
    public long Count { get; private set; }

    /// <summary>The cache file (deleted on dispose).</summary>
    public string Path { get; }

    private SafeFileHandle Handle => _file.SafeFileHandle;

    /// <summary>Appends one row.</summary>
    public void Append(ReadOnlySpan<T> row)
    {
        MemoryMarshal.AsBytes(row[..Width]).CopyTo(_row);
        _file.Write(_row);
        Count++;
    }

    /// <summary>Ends the writing pass; rows can be read from now on.</summary>
    public void Complete() => _file.Flush();

    /// <summary>Reads <paramref name="count"/> rows from row <paramref name="first"/> into <paramref name="target"/> (thread-safe).</summary>
    public void Read(long first, int count, Span<T> target)
    {
        var bytes = MemoryMarshal.AsBytes(target[..(count * Width)]);
        long offset = first * Width * Unsafe.SizeOf<T>();
        while (bytes.Length > 0)
        {
            int read = RandomAccess.Read(Handle, bytes, offset);
            if (read <= 0)
            {
                throw new IOException($"The row cache {Path} ended at byte {offset}; it was changed or truncated while in use.");
            }

            bytes = bytes[read..];
            offset += read;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
