using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>
/// Tests that compare separately constructed trainers bit for bit depend on torch's process-wide
/// random generator (weight initialization after the seed). xUnit runs this collection alone,
/// after the parallel ones, so no other test draws from that generator in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRngCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "torch global generator";
}
