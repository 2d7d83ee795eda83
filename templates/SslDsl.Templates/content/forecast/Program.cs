using System;
using System.IO;
using SslDsl;
using SslDslTask;

// Pretrains Co2ForecastPretext (Co2Tasks.cs; Co2Forecaster there is the downstream task) on the first 80% of
// the weekly Mauna Loa CO2 series (statsmodels' co2 data set, windows standardized with training statistics;
// the last 20% are held out for your evaluation) and prints the loss.
//   dotnet run -- [--epochs N]      (default: 1 epoch)
// Exit codes: 0 done, 2 bad argument, 3 data missing (run: bash scripts/fetch-data.sh).
if (!Arguments.TryParse(args, defaultLimit: int.MaxValue, out int epochs, out _))
{
    return 2;
}

SeriesSplit split;
try
{
    split = SeriesWindows.ChronologicalSplit(StatsmodelsDatasets.Co2(), Co2Windows.Length, stride: 1, testFraction: 0.2, name: "co2");
}
catch (Exception e) when (e is FileNotFoundException or DatasetFormatException)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

using (split.Train)
using (split.Test)
{
    Console.WriteLine(Co2ForecastPretext.Describe());
    using var trainer = new Co2ForecastPretext.Trainer(new TrainingOptions { Epochs = epochs, ShowProgress = false, Log = Console.Out });
    var fit = trainer.Fit(split.Train);
    Console.WriteLine($"pretrained {fit.Epochs.Count} epoch(s) on {split.Train.Count} windows: forecast loss {fit.Epochs[^1].Loss:F4}");
}

return 0;
