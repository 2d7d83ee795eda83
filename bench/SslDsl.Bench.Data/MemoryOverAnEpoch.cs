using System;
using System.Diagnostics;
using System.IO;
using SslDsl;
using TorchSharp;

namespace SslDsl.Bench.Data;

/// <summary>
/// Resident memory while epochs of a large flat image folder are read (shuffled, batches of 256, as the trainer
/// reads them), and the time from opening the folder to the first batch.
/// </summary>
internal static class MemoryOverAnEpoch
{
    public static void Run(string folder, int workers, int epochs)
    {
        using var process = Process.GetCurrentProcess();
        const double MiB = 1024.0 * 1024.0;
        string Row(string when, double seconds)
        {
            process.Refresh();
            return FormattableString.Invariant($"| {when} | {seconds:F1} | {process.WorkingSet64 / MiB:F0} | {GC.GetTotalMemory(false) / MiB:F0} |");
        }

        Console.WriteLine($"Flat folder {folder}; {workers} decoding thread(s); {torch.get_num_threads()} torch threads.");
        Console.WriteLine("| after | seconds | working set (MiB) | managed heap (MiB) |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row("start", 0));
        var clock = Stopwatch.StartNew();
        using var source = ImageFolder.Unlabelled(folder, new ImageFolderOptions(1, 28, 28) { Loader = new DataLoaderOptions { Workers = workers } });
        double listed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Row($"listing {source.Count} files", listed));
        long total = new BatchRequest(256).BatchCount(source.Count);
        long batches = 0, peak = 0;
        double first = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            long inEpoch = 0;
            BatchReading.Each(source.Batches(new BatchRequest(256) { Shuffle = true, Seed = epoch }), _ =>
            {
                batches++;
                inEpoch++;
                if (batches == 1)
                {
                    first = clock.Elapsed.TotalSeconds;
                    Console.WriteLine(Row("the first batch", first));
                }

                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                if (inEpoch % (total / 5) == 0)
                {
                    Console.WriteLine(Row($"epoch {epoch}: {inEpoch} of {total} batches", clock.Elapsed.TotalSeconds));
                }
            });
        }

        Console.WriteLine(FormattableString.Invariant($"Time to first batch {first:F2} s (listing {listed:F2} s); peak working set {peak / MiB:F0} MiB; {epochs * source.Count / (clock.Elapsed.TotalSeconds - first):F0} images/s after the first batch."));
        Console.WriteLine(FormattableString.Invariant($"The same images in memory as float tensors would take {source.Count * 28 * 28 * 4 / MiB:F0} MiB."));
    }
}
