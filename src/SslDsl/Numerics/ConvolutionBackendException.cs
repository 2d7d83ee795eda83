using System;

namespace SslDsl;

/// <summary>
/// libtorch computes wrong convolution results on this machine, on oneDNN and on its native path
/// alike, for a shape a model is about to train with; training would learn from wrong gradients.
/// </summary>
public sealed class ConvolutionBackendException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="trial"/>.</summary>
    public ConvolutionBackendException(ConvolutionTrial trial, string message)
        : base(message)
    {
        Trial = trial;
    }

    /// <summary>The failing trial (case, thread count and errors).</summary>
    public ConvolutionTrial Trial { get; }
}
