using System;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests;

/// <summary>Series columns, gap interpolation, windows and the statsmodels series.</summary>
public class SeriesDataTests
{
    [Fact]
    [Trait("Data", "Real")]
    public void RealData_Co2Has2284WeeksWithGapsInterpolated()
    {
        RealData.Require(Path.Combine(StatsmodelsDatasets.RelativeFolder, "co2", "co2.csv"));
        var co2 = StatsmodelsDatasets.Co2(RealData.Root());
        Assert.Equal(2284, co2.Length);
        Assert.All(co2, v => Assert.False(float.IsNaN(v)));
        // Data lines 2..7: 316.1, 317.3, 317.6, 317.5, 316.4, 316.9; line 8 (index 6) is empty; line 9 is 317.5.
        Assert.Equal(316.1f, co2[0]);
        Assert.Equal(316.9f, co2[5]);
        Assert.Equal((316.9 + 317.5) / 2, co2[6], 4);
        // Lines 11-15 (indices 9..13) are empty between 317.9 (index 8) and 315.8 (index 14): steps of -2.1 / 6.
        Assert.Equal(317.9 - (2.1 / 6), co2[9], 4);
        Assert.Equal(317.9 - (2.1 * 3 / 6), co2[11], 4);
        Assert.Equal(371.5f, co2[^1]);
    }

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_SunspotsAndNileHaveTheirKnownLengths()
    {
        var sunspots = StatsmodelsDatasets.Sunspots(RealData.Require(StatsmodelsDatasets.RelativeFolder));
        Assert.Equal(309, sunspots.Length);   // 1700..2008
        Assert.Equal(5f, sunspots[0]);
        Assert.Equal(2.9f, sunspots[^1]);
        var nile = StatsmodelsDatasets.Nile(RealData.Root());
        Assert.Equal(100, nile.Length);        // 1871..1970
        Assert.Equal(1120f, nile[0]);
        Assert.Equal(740f, nile[^1]);
    }

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_Co2WindowsSplitInTime()
    {
        var co2 = StatsmodelsDatasets.Co2(RealData.Root());
        var split = SeriesWindows.ChronologicalSplit(co2, length: 64, stride: 16, testFraction: 0.2, name: "co2");
        using var train = split.Train;
        using var test = split.Test;
        // cut = round(2284 * 0.8) = 1827: train windows floor((1827 - 64) / 16) + 1 = 111, test floor((457 - 64) / 16) + 1 = 25.
        Assert.Equal(111, train.Count);
        Assert.Equal(25, test.Count);
        Assert.Equal(new long[] { 111, 1, 64 }, train.Tensors[0].shape);
        double mean = co2.Take(1827).Average(v => (double)v);
        Assert.Equal(mean, split.Statistics.Mean, 3);
        // CO2 rises: the test years lie above the training mean, so their standardized values are all positive.
        Assert.True(test.Tensors[0].min().item<float>() > 0);
    }

    [Fact]
    public void WindowsAreStridedAndStandardized()
    {
        var series = Enumerable.Range(1, 10).Select(i => (float)i).ToArray();
        using var windows = SeriesWindows.Create(series, length: 4, stride: 3);
        // N = floor((10 - 4) / 3) + 1 = 3 windows starting at 1, 4, 7. Mean 5.5, population std sqrt(99/12) = 2.872281.
        Assert.Equal(new long[] { 3, 1, 4 }, windows.Tensors[0].shape);
        double std = Math.Sqrt(99.0 / 12);
        var expected = new[] { 1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10 }.Select(v => (float)((v - 5.5) / std)).ToArray();
        var actual = windows.Tensors[0].data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }

        var batch = windows.Batches(2).First();
        Assert.Equal(new long[] { 2, 1, 4 }, batch.Values.shape);
    }

    [Fact]
    public void ChronologicalSplitScalesTestWindowsWithTrainingStatistics()
    {
        var series = Enumerable.Range(0, 20).Select(i => (float)i).ToArray();
        var split = SeriesWindows.ChronologicalSplit(series, length: 5, stride: 5, testFraction: 0.25);
        // cut = 15: train 0..14 (mean 7, population std sqrt((15^2 - 1) / 12) = sqrt(224 / 12)), test 15..19 -> one window.
        double std = Math.Sqrt(224.0 / 12);
        Assert.Equal(7, split.Statistics.Mean, 10);
        Assert.Equal(std, split.Statistics.Std, 10);
        Assert.Equal(3, split.Train.Count);
        Assert.Equal(1, split.Test.Count);
        var test = split.Test.Tensors[0].data<float>().ToArray();
        Assert.Equal((float)((15 - 7) / std), test[0], 5);
        Assert.Equal((float)((19 - 7) / std), test[4], 5);
        var e = Assert.Throws<ArgumentException>(() => SeriesWindows.ChronologicalSplit(series, length: 8, stride: 1, testFraction: 0.25));
        Assert.Contains("at least one window of 8", e.Message);
    }

    [Fact]
    public void InterpolationIsLinearInsideAndNearestAtTheEnds()
    {
        var filled = SeriesCsv.Interpolate(new[] { float.NaN, 2f, float.NaN, float.NaN, 8f, float.NaN });
        Assert.Equal(new[] { 2f, 2f, 4f, 6f, 8f, 8f }, filled);
    }

    [Fact]
    public void LoadsAColumnByNameOrIndex()
    {
        using var temp = new TempFiles();
        string path = temp.Write("s.csv", "\"date\",\"value\"\n1,10\n2,NA\n3,30\n");
        Assert.Equal(new[] { 10f, 20f, 30f }, SeriesCsv.LoadColumn(path, "VALUE"));
        Assert.Equal(new[] { 1f, 2f, 3f }, SeriesCsv.LoadColumn(path, 0));
    }

    [Theory]
    [InlineData("date,co2\n1,5\n", "temp", "line 1: no column 'temp'; expected one of the header's columns: 'date', 'co2'")]
    [InlineData("date,co2\n1,5\n2,abc\n", "co2", "line 3, column 'co2': 'abc' is not a number")]
    [InlineData("date,co2\n1,5\n2,6\n3\n", "co2", "line 4: 1 field(s); expected at least 2 to read column 'co2' (a truncated row?)")]
    [InlineData("date,co2\n1,\n2,\n", "co2", "column 'co2' holds no value at all")]
    [InlineData("date,co2\n", "co2", "the file has a header but no data line")]
    public void MalformedSeriesAreReportedWithFileLineAndExpectation(string content, string column, string expected)
    {
        using var temp = new TempFiles();
        string path = temp.Write("series.csv", content);
        var e = Assert.Throws<DatasetFormatException>(() => SeriesCsv.LoadColumn(path, column));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void MissingValuesAreAnErrorWithoutInterpolation()
    {
        using var temp = new TempFiles();
        string path = temp.Write("gaps.csv", "t,v\n1,1\n2,\n");
        var e = Assert.Throws<DatasetFormatException>(() => SeriesCsv.LoadColumn(path, "v", interpolateMissing: false));
        Assert.Contains("line 3, column 'v': the value is missing", e.Message);
    }

    [Fact]
    public void MissingStatsmodelsDataSaysHowToFetchIt()
    {
        using var temp = new TempFiles();
        var e = Assert.Throws<FileNotFoundException>(() => StatsmodelsDatasets.Co2(temp.Directory));
        Assert.Contains(Path.Combine(temp.Directory, "statsmodels/datasets/co2/co2.csv"), e.Message);
        Assert.Contains("scripts/fetch-data.sh", e.Message);
    }

    [Fact]
    public void RejectsWindowsLongerThanTheSeries()
    {
        Assert.Throws<ArgumentException>(() => SeriesWindows.Create(new float[] { 1, 2, 3 }, length: 4, stride: 1));
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindows.Create(new float[] { 1, 2, 3 }, 2, 0)).ParamName);
    }
}
