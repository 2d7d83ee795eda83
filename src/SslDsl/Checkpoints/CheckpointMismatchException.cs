using System;

namespace SslDsl;

/// <summary>
/// A saved file cannot be loaded here: not a checkpoint (or encoder file), another task, other
/// shapes, or a truncated file. The message names the file and the first difference.
/// </summary>
public sealed class CheckpointMismatchException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public CheckpointMismatchException(string path, string message, Exception? inner = null)
        : base($"{path}: {message}", inner)
    {
        FilePath = path;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }
}
