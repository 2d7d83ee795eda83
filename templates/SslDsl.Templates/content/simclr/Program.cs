using System;
using System.IO;
using SslDsl;
using SslDslTask;

// Pretrains FashionSimClr on Fashion-MNIST, then fits its linear probe and prints the test accuracy.
//   dotnet run -- [--epochs N] [--limit N]      (defaults: 1 epoch on the first 2048 training images)
// Exit codes: 0 done, 2 bad argument, 3 data missing (run: bash scripts/fetch-data.sh).
if (!Arguments.TryParse(args, defaultLimit: 2048, out int epochs, out int limit))
{
    return 2;
}

Dataset<ImageBatch> train, test;
try
{
    train = FashionMnist.Load(FashionMnistSplit.Train, limit: limit);
    test = FashionMnist.Load(FashionMnistSplit.Test, limit: Math.Max(1, limit / 4));
}
catch (Exception e) when (e is FileNotFoundException or DatasetFormatException)
{
    Console.Error.WriteLine(e.Message + " Run: bash scripts/fetch-data.sh");
    return 3;
}

using (train)
using (test)
{
    Console.WriteLine(FashionSimClr.Describe());
    using var trainer = new FashionSimClr.Trainer(new TrainingOptions { Epochs = epochs, ShowProgress = false, Log = Console.Out });
    var fit = trainer.Fit(train);
    Console.WriteLine($"pretrained {fit.Epochs.Count} epoch(s) on {train.Count} images: NT-Xent loss {fit.Epochs[^1].Loss:F4}");

    using var probe = new FashionSimClr.FineTuner(trainer.Model, options: new TrainingOptions { Epochs = epochs, ShowProgress = false });
    var result = probe.Fit(train, test);
    Console.WriteLine($"linear probe after {epochs} epoch(s): test accuracy {result.Test!.Accuracy:F4} on {test.Count} images");
}

return 0;
