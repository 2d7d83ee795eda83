using System;

namespace SslDsl;

/// <summary>
/// A saved file cannot be loaded here: not a checkpoint (or encoder file), another task, other
/// shapes, a truncated file or a part whose checksum does not match. The message names the file
/// and the first difference or the damaged part.
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

    /// <summary>The part of the file that is damaged (for example <c>weights</c> or <c>optimizer</c>), or null when the file is whole but does not fit.</summary>
    public string? DamagedPart { get; init; }
}
