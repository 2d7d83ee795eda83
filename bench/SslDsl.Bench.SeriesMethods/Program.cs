using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using SslDsl;
using SslDsl.Bench.SeriesMethods;
using TimeSeriesForecastSample;
using TorchSharp;
using static TorchSharp.torch;

// The time-series methods at one budget on the statsmodels Mauna Loa CO2 windows (docs/samples.md, TimeSeries.Forecast):
// each method pretrains the same TS2Vec dilated-conv encoder (SeriesEncoder) for --epochs on the training windows, then
// its frozen, max-pooled features of the 56-week context are scored by RidgeForecast (penalty chosen on the last 20% of
// the training windows, test windows scored once) next to the untrained encoder, ridge on the raw context, and the
// supervised model (encoder + the forecaster's head) trained from scratch for the same epochs. TS2Vec and the untrained
// encoder are also scored on the state of the context's last step, TS2Vec's own forecasting protocol.
//   OMP_NUM_THREADS=1 dotnet bench/SslDsl.Bench.SeriesMethods/bin/Release/net10.0/SslDsl.Bench.SeriesMethods.dll [--epochs 10] [--seeds 42,43]
// The data folder is $SSLDSL_DATA or .data (scripts/fetch-data.sh). Exit code 2: an unknown argument.
int epochs = 10;
long[] seeds = { 42, 43 };
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs" when i + 1 < args.Length && int.TryParse(args[i + 1], out int e) && e > 0:
            epochs = e;
            i++;
            break;
        case "--seeds" when i + 1 < args.Length:
            seeds = args[++i].Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--epochs N] [--seeds 42,43]");
            return 2;
    }
}

var clock = Stopwatch.StartNew();
var split = SeriesWindows.ChronologicalSplit(StatsmodelsDatasets.Co2(), Co2Windows.Length, stride: 1, testFraction: 0.2, "co2");
using var train = ForecastErrors.CenterOnContext(split.Train);
using var test = ForecastErrors.CenterOnContext(split.Test);
double scale = split.Statistics.Std;
Console.WriteLine($"CO2: {train.Count} training and {test.Count} test windows of {Co2Windows.Length} weeks; {epochs} epochs; seeds {string.Join(", ", seeds)}; torch threads {torch.get_num_threads()}.");

var rows = new Dictionary<string, List<(double Mse, double Mae, string Note)>>();
void Add(string row, ForecastError e, string note)
{
    if (!rows.TryGetValue(row, out var list))
    {
        rows[row] = list = new();
    }

    list.Add((e.Mse, e.Mae, note));
    Console.WriteLine($"  {row,-44} MSE {e.Mse:F4}  MAE {e.Mae:F4}  {note}  ({clock.Elapsed.TotalSeconds:F0} s)");
}

TrainingOptions Options(long seed) => new() { Epochs = epochs, Seed = seed, Device = torch.CPU, ShowProgress = false, CollapseMonitor = null };

RidgeResult Frozen(nn.Module<Tensor, Tensor> encoder)
{
    encoder.eval();
    return RidgeForecast.Score(context => encoder.forward(context), train, test, scale);
}

// TS2Vec's own forecasting protocol: the state of the context's last step (not max-pooled over time).
RidgeResult LastStep(DilatedConvEncoder encoder)
{
    encoder.eval();
    return RidgeForecast.Score(context => encoder.EncodeTimestamps(context).select(1, -1), train, test, scale);
}

var raw = RidgeForecast.Score(null, train, test, scale);
Add("ridge on the raw 56-week context", raw.Test, $"lambda {raw.Lambda:G2}");
foreach (long seed in seeds)
{
    Console.WriteLine($"seed {seed}");
    torch.manual_seed(seed);
    using (var random = SeriesEncoder.Create())
    {
        var r = Frozen(random);
        Add("random-init encoder, frozen + ridge", r.Test, $"lambda {r.Lambda:G2}");
        var last = LastStep(random);
        Add("random-init encoder, last-step state + ridge", last.Test, $"lambda {last.Lambda:G2}");
    }

    using (var forecast = new Co2ForecastPretext.Trainer(NewForecastPretext(seed), Options(seed)))
    {
        var fit = forecast.Fit(train);
        var r = Frozen(forecast.Model.Encoder);
        Add("forecasting pretext, frozen + ridge", r.Test, $"lambda {r.Lambda:G2}, last loss {fit.Epochs[^1].Loss:F4}");
    }

    using (var ts2Vec = new Co2Ts2Vec.Trainer(Options(seed)))
    {
        var fit = ts2Vec.Fit(train);
        var r = Frozen(ts2Vec.Model.Encoder);
        Add("TS2Vec, frozen + ridge", r.Test, $"lambda {r.Lambda:G2}, last loss {fit.Epochs[^1].Loss:F4}");
        var last = LastStep((DilatedConvEncoder)ts2Vec.Model.Encoder);
        Add("TS2Vec, last-step state + ridge", last.Test, $"lambda {last.Lambda:G2}");
    }

    using (var contrast = new Co2PermutationContrast.Trainer(Options(seed)))
    {
        var fit = contrast.Fit(train);
        var r = Frozen(contrast.Model.Encoder);
        Add("contrast with segment permutation, frozen + ridge", r.Test, $"lambda {r.Lambda:G2}, last loss {fit.Epochs[^1].Loss:F4}");
    }

    torch.manual_seed(seed);
    using (var model = new Co2Forecaster.Model(SeriesEncoder.Create()))
    using (var scratch = new Co2Forecaster.Trainer(model, Options(seed)))
    {
        scratch.Fit(train);
        Add("from scratch (supervised, encoder + head)", ForecastErrors.OfModel(model, test, torch.CPU, scale), $"{epochs} epochs");
    }
}

Console.WriteLine();
Console.WriteLine($"| model | test MSE (ppm^2), mean ± sd over {seeds.Length} seeds | test MAE (ppm) | per seed MSE |");
Console.WriteLine("|---|---|---|---|");
foreach (var (row, list) in rows)
{
    Console.WriteLine($"| {row} | {Spread(list.Select(v => v.Mse).ToArray())} | {Spread(list.Select(v => v.Mae).ToArray())} | {string.Join(", ", list.Select(v => v.Mse.ToString("F4", CultureInfo.InvariantCulture)))} |");
}

Console.WriteLine($"Total {clock.Elapsed.TotalSeconds:F0} s.");
return 0;

static string Spread(double[] v)
{
    double mean = v.Average();
    if (v.Length < 2)
    {
        return mean.ToString("F4", CultureInfo.InvariantCulture);
    }

    double sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    return $"{mean.ToString("F4", CultureInfo.InvariantCulture)} ± {sd.ToString("F4", CultureInfo.InvariantCulture)}";
}

static Co2ForecastPretext.Model NewForecastPretext(long seed)
{
    torch.manual_seed(seed);
    return new Co2ForecastPretext.Model(SeriesEncoder.Create());
}
