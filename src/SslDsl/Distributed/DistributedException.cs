using System;

namespace SslDsl;

/// <summary>
/// Data-parallel training cannot go on: the launch environment is inconsistent, the communication library is
/// missing or reported an error, or the ranks disagree (for example on the batch size or the world size of a
/// checkpoint). The message says which and what to do.
/// </summary>
public sealed class DistributedException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public DistributedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the error that caused it.</summary>
    public DistributedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
