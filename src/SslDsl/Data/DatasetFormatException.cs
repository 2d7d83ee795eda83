using System;
using System.IO;

namespace SslDsl;

/// <summary>A dataset file exists but does not hold what was expected (wrong format, truncated, inconsistent).</summary>
public sealed class DatasetFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public DatasetFormatException(string path, string message, Exception? inner = null)
        : base($"{path}: {message}", inner)
    {
        FilePath = path;
    }

    /// <summary>The offending file.</summary>
    public string FilePath { get; }
}
