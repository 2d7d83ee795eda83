using System;

namespace SslDsl;

/// <summary>
/// A resume was asked for and cannot happen: no checkpoint in the output folder loads (the
/// message gives each one's reason), or the checkpoint belongs to a run with other settings
/// (the message names the setting to change). Training does not start over by itself.
/// </summary>
public sealed class ResumeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResumeException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
