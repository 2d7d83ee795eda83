using System;
using System.Diagnostics;
using System.Globalization;
using SslDsl;
using FashionSimClrSample;
using SslDslSamples;
using TorchSharp;

// Resident memory per pretraining epoch of the generated SimCLR trainer on a Fashion-MNIST subset.
// Usage: dotnet run --project bench/SslDsl.Bench.Memory -c Release -- [train-limit (default 10000)] [epochs (default 5)]
var command = new SampleCommand<(int Limit, int Epochs)>(
    "Resident memory per pretraining epoch of the generated SimCLR trainer (batch 256) on the first train-limit Fashion-MNIST images.", (10_000, 5))
    .Add(CliOptions.AtLeast("train-limit", "training images (at least one batch of 256)", 256, 10_000), (o, v) => o with { Limit = v })
    .Add(CliOptions.AtLeast("epochs", "pretraining epochs", 2, 5), (o, v) => o with { Epochs = v });
return command.Run(args, (o, _) => Measure(o.Limit, o.Epochs));

static int Measure(int limit, int epochs)
{
    using var train = FashionMnist.Load(FashionMnistSplit.Train, limit: limit);
    using var process = Process.GetCurrentProcess();
    const double MiB = 1024.0 * 1024.0;
    var c = CultureInfo.InvariantCulture;

    string Row(string when)
    {
        process.Refresh();
        var tensors = DisposeScopeManager.Statistics;
        return string.Create(c,
            $"| {when} | {process.WorkingSet64 / MiB:F1} | {process.PeakWorkingSet64 / MiB:F1} | {GC.GetTotalMemory(forceFullCollection: true) / MiB:F1} | {tensors.ThreadTotalLiveCount} |");
    }

    Console.WriteLine($"SimCLR pretraining (FashionSimClr, batch 256) on {train.Count} Fashion-MNIST images, {epochs} epochs, {torch.get_num_threads()} torch threads.");
    Console.WriteLine("| after | working set (MiB) | peak working set (MiB) | managed heap after full GC (MiB) | live TorchSharp tensors |");
    Console.WriteLine("|---|---|---|---|---|");
    Console.WriteLine(Row("setup (data loaded)"));
    using var trainer = new FashionSimClr.Trainer(new TrainingOptions { Epochs = epochs, Device = torch.CPU, ShowProgress = false, WritePlots = false });
    trainer.EpochCompleted += (t, m) => Console.WriteLine(Row(string.Create(c, $"epoch {m.Epoch} (loss {m.Loss:F4})")));
    var clock = Stopwatch.StartNew();
    trainer.Fit(train);
    Console.WriteLine(string.Create(c, $"{epochs} epochs in {clock.Elapsed.TotalSeconds:F0} s."));
    return 0;
}
