using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SslDsl.Generators;

namespace SslDsl.Bench.Generator;

/// <summary>
/// Wall time of one cold run of PretextTaskGenerator (new driver, new compilation over already
/// parsed trees, so binding the declarations is included) on 1, 50 and 500 task declarations.
/// </summary>
[Config(typeof(GeneratorBenchmarks.ShortConfig))]
public class GeneratorBenchmarks
{
    private SyntaxTree[] _trees = Array.Empty<SyntaxTree>();

    /// <summary>Number of [PretextTask] declarations in the compilation.</summary>
    [Params(1, 50, 500)]
    public int Tasks { get; set; }

    /// <summary>Parses the sources and checks once that the generator emits one file per task and the result compiles.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _trees = TaskCorpus.Trees(Tasks);
        var driver = CSharpGeneratorDriver.Create(new[] { new PretextTaskGenerator().AsSourceGenerator() }, parseOptions: TaskCorpus.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(TaskCorpus.Compile(_trees), out var output, out var diagnostics);
        int files = driver.GetRunResult().GeneratedTrees.Length;
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Concat(diagnostics).ToArray();
        if (files != Tasks || errors.Length > 0)
        {
            throw new InvalidOperationException($"Expected {Tasks} generated files and no errors; got {files} files and {errors.Length} error(s): {string.Join("; ", errors.Take(3))}");
        }
    }

    /// <summary>One generator run over a fresh compilation.</summary>
    [Benchmark]
    public int RunGenerator()
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new PretextTaskGenerator().AsSourceGenerator() }, parseOptions: TaskCorpus.ParseOptions)
            .RunGenerators(TaskCorpus.Compile(_trees));
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>One launch, 2 warm-up and 5 measured iterations, in process; GitHub markdown under out/bench-generator.</summary>
    public sealed class ShortConfig : ManualConfig
    {
        /// <summary>Creates the configuration.</summary>
        public ShortConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance).WithId("Short"));
            AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance);
            AddExporter(MarkdownExporter.GitHub);
            AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
            WithArtifactsPath(System.IO.Path.Combine("out", "bench-generator"));
        }
    }
}
