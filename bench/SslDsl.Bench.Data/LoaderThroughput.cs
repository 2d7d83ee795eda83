using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SslDsl;
using FashionSimClrSample;
using TorchSharp;

namespace SslDsl.Bench.Data;

/// <summary>
/// Images per second an image folder delivers (decode, resize, batch; shuffled, batches of 256) with 0, 1 and 2
/// decoding threads, against the images per second the main job's training step consumes, and the speed of
/// training epochs read from the folder against the same images in memory.
/// </summary>
internal static class LoaderThroughput
{
    public static void Run(string folder, int limit, int steps)
    {
        var read = ImageFolderOptions.ForTask<FashionSimClr>();
        using (var probe = ImageFolder.Unlabelled(folder, read, recursive: true))
        {
            Console.WriteLine($"{Math.Min(probe.Count, limit)} of {probe.Count} images under {folder}; {torch.get_num_threads()} torch threads; {Environment.ProcessorCount} cores.");
        }

        // One untimed pass first: JIT and the page cache, so the timed passes differ only in their threads.
        using (var warm = ImageFolder.Unlabelled(folder, read, recursive: true))
        using (var part = warm.Slice(0, Math.Min(warm.Count, limit)))
        {
            BatchReading.Each(part.Batches(new BatchRequest(256)), _ => { });
        }

        Console.WriteLine("| decoding threads | images/s delivered (one shuffled pass, batches of 256) |");
        Console.WriteLine("|---|---|");
        foreach (int workers in new[] { 0, 1, 2 })
        {
            using var source = ImageFolder.Unlabelled(folder, read with { Loader = new DataLoaderOptions { Workers = workers } }, recursive: true);
            using var part = source.Slice(0, Math.Min(source.Count, limit));
            var clock = Stopwatch.StartNew();
            long images = 0;
            BatchReading.Each(part.Batches(new BatchRequest(256) { Shuffle = true, Seed = 1 }), batch => images += batch.Count);

            Console.WriteLine(FormattableString.Invariant($"| {workers} | {images / clock.Elapsed.TotalSeconds:F0} |"));
        }

        // The training step alone (batches already in memory), then epochs of `steps` steps from memory and from the folder.
        using var memory = FashionMnist.Load(FashionMnistSplit.Train, limit: Math.Max(256 * (steps + 2), 2048));
        var batches = memory.Batches(new BatchRequest(256) { Shuffle = true, Seed = 3, DropLast = true }).Take(steps + 2).ToArray();
        using var trainer = new FashionSimClr.Trainer(new TrainingOptions { Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, WritePlots = false, CollapseMonitor = null });
        trainer.Step(batches[0]);
        trainer.Step(batches[1]);
        var stepClock = Stopwatch.StartNew();
        foreach (var batch in batches.Skip(2))
        {
            trainer.Step(batch);
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Training step (FashionSimClr, batch 256, in memory): {steps * 256 / stepClock.Elapsed.TotalSeconds:F0} images/s over {steps} steps."));
        Console.WriteLine("| epoch of " + steps + " steps read from | decoding threads | images/s |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(FormattableString.Invariant($"| memory | - | {Epoch(memory, steps):F0} |"));
        foreach (int workers in new[] { 1, 2 })
        {
            using var source = ImageFolder.Unlabelled(folder, read with { Loader = new DataLoaderOptions { Workers = workers } }, recursive: true);
            Console.WriteLine(FormattableString.Invariant($"| PNG folder | {workers} | {Epoch(source, steps):F0} |"));
        }
    }

    private static double Epoch(IDataSource<ImageBatch> data, int steps)
    {
        using var trainer = new FashionSimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, Epochs = 1, MaxStepsPerEpoch = steps, ShowProgress = false, Log = TextWriter.Null, WritePlots = false, CollapseMonitor = null,
        });
        return trainer.Fit(data).Epochs.Single().SamplesPerSecond;
    }
}
