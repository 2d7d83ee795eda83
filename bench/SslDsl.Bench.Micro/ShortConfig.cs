using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SslDsl.Bench.Micro;

/// <summary>
/// A short job for a 2-core machine: one launch, 2 warm-up and 5 measured iterations, run in
/// process (no per-benchmark project build), results as GitHub markdown under out/bench-micro.
/// </summary>
public sealed class ShortConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short"));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddExporter(MarkdownExporter.GitHub);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        WithArtifactsPath(Path.Combine("out", "bench-micro"));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
