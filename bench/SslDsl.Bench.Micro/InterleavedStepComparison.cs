using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using FashionSimClrSample;
using TorchSharp;

namespace SslDsl.Bench.Micro;

/// <summary>
/// The generated Trainer.Step and the hand-written loop timed in alternating rounds (ABAB..., the
/// order flipped every round), so load from other processes on a shared machine hits both alike.
/// Reports steps/second of each and the median of the per-round time ratios generated / hand-written.
/// </summary>
internal static class InterleavedStepComparison
{
    public static void Run(int rounds, int stepsPerRound)
    {
        using var images = BenchData.FashionImages(256);
        var batch = new ImageBatch(images);
        // In float32, as the hand-written step computes (the declaration asks for Auto, mixed bfloat16 where the CPU has it).
        using var generated = new FashionSimClr.Trainer(new TrainingOptions { Device = torch.CPU, Seed = 42, ShowProgress = false, Precision = TrainingPrecision.Float32 });
        using var hand = new HandWrittenSimClr(42);

        double Time(Action step)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < stepsPerRound; i++)
            {
                step();
            }

            return clock.Elapsed.TotalSeconds / stepsPerRound;
        }

        void Generated() => generated.Step(batch);
        void Hand() => hand.Step(images);

        // Warm-up: JIT, allocator, optimizer state.
        Time(Generated);
        Time(Hand);
        var g = new double[rounds];
        var h = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 0)
            {
                g[r] = Time(Generated);
                h[r] = Time(Hand);
            }
            else
            {
                h[r] = Time(Hand);
                g[r] = Time(Generated);
            }
        }

        var ratios = g.Zip(h, (a, b) => a / b).OrderBy(x => x).ToArray();
        double median = ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[ratios.Length / 2 - 1] + ratios[ratios.Length / 2]) / 2;
        double Median(double[] xs)
        {
            var s = xs.OrderBy(x => x).ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Interleaved SimCLR step, batch 256, {rounds} rounds x {stepsPerRound} steps each, {torch.get_num_threads()} torch threads:"));
        Console.WriteLine("| loop | median s/step | steps/s (median) | fastest s/step |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(c, $"| generated Trainer.Step | {Median(g):F4} | {1 / Median(g):F3} | {g.Min():F4} |"));
        Console.WriteLine(string.Create(c, $"| hand-written TorchSharp | {Median(h):F4} | {1 / Median(h):F3} | {h.Min():F4} |"));
        Console.WriteLine(string.Create(c, $"Per-round time ratio generated / hand-written: median {median:F4} (min {ratios[0]:F4}, max {ratios[^1]:F4}); overhead {(median - 1) * 100:+0.0;-0.0}% -> target generated at most 3% slower: {(median <= 1.03 ? "HIT" : "MISS")}."));
    }
}
