using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>
/// Tests that cancel the process's stop-signal listener, which every pretraining, fine-tuning and probe without a
/// token of its own observes. xUnit runs this collection alone, after the parallel ones, so no other test's run
/// sees the cancellation.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StopSignalsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "process stop signals";
}
