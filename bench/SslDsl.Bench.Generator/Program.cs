using BenchmarkDotNet.Running;
using SslDsl.Bench.Generator;

BenchmarkRunner.Run<GeneratorBenchmarks>(args: args);
