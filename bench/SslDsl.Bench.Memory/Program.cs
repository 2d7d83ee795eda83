using System;
using System.Diagnostics;
using System.Globalization;
using SslDsl;
using SslDsl.Bench;
using TorchSharp;

// Resident memory per pretraining epoch of the generated SimCLR trainer on a Fashion-MNIST subset.
// Usage: dotnet run --project bench/SslDsl.Bench.Memory -c Release -- [train-limit (default 10000)] [epochs (default 5)]
int limit = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
int epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
if (limit < 256 || epochs < 2)
{
    Console.Error.WriteLine($"Needs a train limit >= 256 (one batch) and >= 2 epochs; got {limit} and {epochs}.");
    return 2;
}

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
