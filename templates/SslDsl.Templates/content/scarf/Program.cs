using System;
using System.IO;
using SslDsl;
using SslDslTask;

// Pretrains BreastCancerScarf on the training rows of scikit-learn's breast cancer table (features standardized
// with training statistics), then fits its linear probe and prints the accuracy on the held-out rows.
//   dotnet run -- [--epochs N]      (default: 1 epoch)
// Exit codes: 0 done, 2 bad argument, 3 data missing (run: bash scripts/fetch-data.sh).
if (!Arguments.TryParse(args, defaultLimit: int.MaxValue, out int epochs, out _))
{
    return 2;
}

TabularData table;
try
{
    table = SklearnDatasets.BreastCancer();
}
catch (Exception e) when (e is FileNotFoundException or DatasetFormatException)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

var (trainRows, testRows) = table.Split(testFraction: 0.2, seed: 42);
using (table)
using (trainRows)
using (testRows)
{
    Console.WriteLine(BreastCancerScarf.Describe());
    using var trainer = new BreastCancerScarf.Trainer(new TrainingOptions { Epochs = epochs, ShowProgress = false, Log = Console.Out });
    var fit = trainer.Fit(trainRows.Dataset);
    Console.WriteLine($"pretrained {fit.Epochs.Count} epoch(s) on {trainRows.Dataset.Count} rows: InfoNCE loss {fit.Epochs[^1].Loss:F4}");

    using var probe = new BreastCancerScarf.FineTuner(trainer.Model, options: new TrainingOptions { Epochs = epochs, ShowProgress = false });
    var result = probe.Fit(trainRows.Dataset, testRows.Dataset);
    Console.WriteLine($"linear probe after {epochs} epoch(s): test accuracy {result.Test!.Accuracy:F4} on {testRows.Dataset.Count} rows");
}

return 0;
