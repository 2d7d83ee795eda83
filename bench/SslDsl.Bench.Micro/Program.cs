using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using SslDsl.Bench.Micro;

// --interleaved [rounds] [steps]: the alternating generated-vs-hand-written step comparison.
// --augment-breakdown [threads]: per-operation batched vs one-image times.
// Anything else goes to BenchmarkDotNet, e.g. --filter '*TrainerStep*' or --filter '*Augmentation*'.
if (args.Length > 0 && args[0] == "--interleaved")
{
    int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    int steps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
    if (rounds < 1 || steps < 1)
    {
        Console.Error.WriteLine($"--interleaved needs rounds >= 1 and steps >= 1; got {rounds} and {steps}.");
        return 2;
    }

    InterleavedStepComparison.Run(rounds, steps);
    return 0;
}

if (args.Length > 0 && args[0] == "--augment-breakdown")
{
    if (args.Length > 1)
    {
        TorchSharp.torch.set_num_threads(int.Parse(args[1], CultureInfo.InvariantCulture));
    }

    AugmentationBreakdown.Run(repetitions: 7);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ShortConfig).Assembly).Run(args);
return 0;
