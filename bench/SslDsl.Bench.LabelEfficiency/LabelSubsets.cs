using System;
using System.Linq;
using TorchSharp;

namespace SslDsl.Bench.LabelEfficiency;

/// <summary>Seeded label subsets and the epoch budget that gives each subset a comparable number of steps.</summary>
internal static class LabelSubsets
{
    /// <summary>The first round(fraction * count) indices of a permutation drawn from <paramref name="seed"/> (at least one batch worth of 10 samples).</summary>
    public static long[] Draw(long count, double fraction, long seed)
    {
        long n = Math.Max(10, (long)Math.Round(fraction * count));
        using var generator = new torch.Generator(unchecked((ulong)(seed * 1_000_003 + 17)));
        using var perm = torch.randperm(count, generator: generator);
        return perm.data<long>().Take((int)Math.Min(n, count)).ToArray();
    }

    /// <summary>Epochs so that the run takes about <paramref name="targetSteps"/> batches: ceil(target / batches per epoch), capped at <paramref name="maxEpochs"/>.</summary>
    public static int Epochs(long samples, int batchSize, int targetSteps, int maxEpochs)
    {
        long batches = (samples + batchSize - 1) / batchSize;
        return (int)Math.Clamp((targetSteps + batches - 1) / batches, 1, maxEpochs);
    }
}
