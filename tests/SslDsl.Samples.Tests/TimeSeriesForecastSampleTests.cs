using System;
using System.IO;
using SslDsl;
using TimeSeriesForecastSample;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>The forecasting sample's real entry path on the first weeks of the Mauna Loa CO2 series.</summary>
public class TimeSeriesForecastSampleTests
{
    [Fact]
    public void OneShortRunOnTheFirst400WeeksWritesItsSummary()
    {
        string output = SampleData.OutputFolder("forecast");
        string data = SampleData.Root("statsmodels/datasets/co2/co2.csv");
        var options = new ForecastOptions
        {
            Data = data,
            Limit = 400,
            Epochs = 1,
            DownstreamEpochs = 1,
            Device = "cpu",
            Output = output,
            Progress = false,
        };

        var summary = ForecastSample.Run(options, TextWriter.Null);

        // 400 weeks: the first 320 train, the last 80 test; windows of 64 with stride 1.
        Assert.Equal(320 - 64 + 1, summary.TrainWindows);
        Assert.Equal(80 - 64 + 1, summary.TestWindows);
        SummaryAssert.FiniteNonNegative(summary.FinalPretrainLoss, "forecast loss");
        foreach (var (name, error) in new[] { ("pretrained", summary.Pretrained), ("scratch", summary.Scratch), ("scratch-long", summary.ScratchLong), ("seasonal", summary.SeasonalNaive) })
        {
            SummaryAssert.FiniteNonNegative(error.Mse, name + " MSE");
            SummaryAssert.FiniteNonNegative(error.Mae, name + " MAE");
        }

        // The naive forecast's errors, computed here from the raw series in ppm: window w of the test part starts at
        // 320 + w; it forecasts weeks 56..63 of the window by week 55.
        var series = StatsmodelsDatasets.Co2(data);
        double absolute = 0, squared = 0;
        int count = 0;
        for (int w = 0; w < summary.TestWindows; w++)
        {
            double last = series[320 + w + 55];
            for (int h = 0; h < 8; h++)
            {
                double d = series[320 + w + 56 + h] - last;
                absolute += Math.Abs(d);
                squared += d * d;
                count++;
            }
        }

        Assert.Equal(absolute / count, summary.LastValue.Mae, 3);
        Assert.Equal(squared / count, summary.LastValue.Mse, 3);
        SummaryAssert.Files(output);
    }
}
