using System;
using System.IO;
using SslDsl;
using SslDslTask;

// Pretrains FortuneMlm on fortunes (Debian's fortune files), tokenized byte by byte, and prints the loss.
//   dotnet run -- [--epochs N] [--limit N]      (defaults: 1 epoch on 2048 fortunes)
// Exit codes: 0 done, 2 bad argument, 3 data missing (run: bash scripts/fetch-data.sh).
if (!Arguments.TryParse(args, defaultLimit: 2048, out int epochs, out int limit))
{
    return 2;
}

Dataset<TokenBatch> fortunes;
try
{
    fortunes = ByteLevelTokenizer.BytesOnly().ToDataset(TextCorpus.LoadFortunes(limit: limit), FortuneMlm.MaxLength, name: "fortunes");
}
catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or DatasetFormatException)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

using (fortunes)
{
    Console.WriteLine(FortuneMlm.Describe());
    using var trainer = new FortuneMlm.Trainer(new TrainingOptions { Epochs = epochs, ShowProgress = false, Log = Console.Out });
    var fit = trainer.Fit(fortunes);
    Console.WriteLine($"pretrained {fit.Epochs.Count} epoch(s) on {fortunes.Count} fortunes: masked-token loss {fit.Epochs[^1].Loss:F4}");
}

return 0;
