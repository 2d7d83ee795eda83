using System;

namespace SslDsl;

/// <summary>A checkpoint cannot be loaded into this trainer: wrong file type, another task or other shapes.</summary>
public sealed class CheckpointMismatchException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public CheckpointMismatchException(string path, string message)
        : base($"{path}: {message}")
    {
        FilePath = path;
    }

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }
}
