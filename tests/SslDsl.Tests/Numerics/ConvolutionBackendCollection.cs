using Xunit;

namespace SslDsl.Tests.Numerics;

/// <summary>Tests that read or switch libtorch's process-wide convolution back end run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConvolutionBackendCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "libtorch convolution back end";
}
