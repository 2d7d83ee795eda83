using System;
using System.Collections.Generic;
using System.Text;

namespace SslDsl;

/// <summary>
/// The files of a folder source, compactly: their paths relative to the root as UTF-8 in one array, where each
/// starts, and a label per file (about 50 bytes a file instead of a string object each). The decoded data is
/// never held; this index is the only part of a streaming image source that grows with the number of files.
/// </summary>
internal sealed class FileIndex
{
    private readonly byte[] _paths;
    private readonly int[] _starts;
    private readonly int[] _labels;

    /// <summary>Builds the index of <paramref name="files"/> (relative paths and labels) in the given order.</summary>
    public FileIndex(IReadOnlyList<(string RelativePath, int Label)> files)
    {
        var blob = new List<byte>();
        _starts = new int[files.Count + 1];
        _labels = new int[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            _starts[i] = blob.Count;
            blob.AddRange(Encoding.UTF8.GetBytes(files[i].RelativePath));
            _labels[i] = files[i].Label;
        }

        _starts[files.Count] = blob.Count;
        _paths = blob.ToArray();
    }

    /// <summary>Number of files.</summary>
    public int Count => _labels.Length;

    /// <summary>The relative path of file <paramref name="index"/>.</summary>
    public string Path(long index) => Encoding.UTF8.GetString(_paths, _starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>The label of file <paramref name="index"/> (-1 for an unlabelled folder).</summary>
    public int Label(long index) => _labels[index];
}
