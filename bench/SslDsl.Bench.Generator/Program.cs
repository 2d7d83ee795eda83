using System;
using System.Linq;
using BenchmarkDotNet.Running;
using SslDsl.Bench.Generator;

// --ide-cost [tasks] [repeats]: the analyzers' and the generator's cost against the compile (IdeCost);
// otherwise the BenchmarkDotNet run of the cold generator on 1, 50 and 500 tasks.
if (args.FirstOrDefault() == "--ide-cost")
{
    int tasks = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
    int repeats = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    await IdeCost.RunAsync(tasks, repeats, Console.Out);
    return;
}

BenchmarkRunner.Run<GeneratorBenchmarks>(args: args);
