using System;

namespace SslDsl;

/// <summary>
/// A run cannot use its output folder: the folder holds another run's checkpoints or metrics
/// (resume it or ask to overwrite it), it cannot be written, it is a file, or its disk lacks the
/// room for the checkpoints. Raised before the first training step.
/// </summary>
public sealed class OutputDirectoryException : Exception
{
    /// <summary>Creates the exception for <paramref name="directory"/>.</summary>
    public OutputDirectoryException(string directory, string message, Exception? inner = null)
        : base(message, inner)
    {
        Directory = directory;
    }

    /// <summary>The output folder.</summary>
    public string Directory { get; }
}
