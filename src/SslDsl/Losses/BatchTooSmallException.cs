using System;

namespace SslDsl;

/// <summary>
/// A loss got fewer samples than it needs to mean anything: a contrastive loss with one sample
/// has no negatives (its value is exactly 0 and nothing is learned), and variance or
/// standardization terms need two. Trainers turn it into a message that names the batch-size setting.
/// </summary>
public sealed class BatchTooSmallException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and why.</param>
    /// <param name="paramName">The loss argument that is too short.</param>
    /// <param name="minimum">The smallest number of samples that works.</param>
    public BatchTooSmallException(string message, string paramName, int minimum)
        : base(message, paramName)
    {
        Minimum = minimum;
        Reason = message;
    }

    /// <summary>What is wrong and why, without the parameter name that <see cref="ArgumentException.Message"/> appends.</summary>
    public string Reason { get; }

    /// <summary>The smallest number of samples that works.</summary>
    public int Minimum { get; }
}
