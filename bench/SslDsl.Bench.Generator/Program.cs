using System;
using System.Linq;
using BenchmarkDotNet.Running;
using SslDsl.Bench.Generator;
using SslDslSamples;

// --ide-cost [tasks] [repeats]: the analyzers' and the generator's cost against the compile (IdeCost), on the
// samples' command line (--ide-cost --help; docs/samples.md lists the exit codes; tab completion asks it too);
// otherwise the BenchmarkDotNet run of the cold generator on 1, 50 and 500 tasks.
string first = args.FirstOrDefault() ?? "";
if (first == "--ide-cost" || first.StartsWith("[suggest", StringComparison.Ordinal))
{
    return new SampleCommand<(int Tasks, int Repeats)>(
        "The analyzers' and the generator's cost against the compile of a project of N task declarations, cold and after a one-character edit (docs/benchmarks.md).",
        (500, 5))
        .Add(CliOptions.Flag("--ide-cost", "measure the IDE cost (this command)"), (o, _) => o)
        .Add(CliOptions.AtLeast("tasks", "task declarations in the project", 1, 500), (o, v) => o with { Tasks = v })
        .Add(CliOptions.AtLeast("repeats", "measurements of each kind (the report gives the median and the fastest)", 1, 5), (o, v) => o with { Repeats = v })
        .Run(args, (o, _) =>
        {
            IdeCost.RunAsync(o.Tasks, o.Repeats, Console.Out).GetAwaiter().GetResult();
            return SampleExit.Success;
        });
}

BenchmarkRunner.Run<GeneratorBenchmarks>(args: args);
return SampleExit.Success;
