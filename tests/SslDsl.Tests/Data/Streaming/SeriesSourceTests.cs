using System;
using System.Globalization;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests.Streaming;

/// <summary>A CSV series with a timestamp column, windowed as it is read, matches the in-memory windows; times and gaps are checked.</summary>
public class SeriesSourceTests
{
    private static string Series(TempFiles files, int steps, Func<int, string> value) =>
        files.Write("s.csv", "time,level\n" + string.Join("\n", Enumerable.Range(0, steps).Select(i =>
            $"{new DateTime(2024, 1, 1).AddHours(i):yyyy-MM-ddTHH:mm:ss},{value(i)}")) + "\n");

    private static string Level(int i) => (Math.Sin(i / 3.0) * 5 + i * 0.1).ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void WindowsWithInterpolatedGapsMatchTheInMemoryWindows()
    {
        using var files = new TempFiles();
        string path = Series(files, 60, i => i is 0 or 7 or 8 or 9 or 59 ? "NA" : Level(i));
        var values = SeriesCsv.LoadColumn(path, "level");
        using var memory = SeriesWindows.Create(values, length: 12, stride: 5);
        using var source = SeriesSource.Csv(path, new SeriesOptions("time", 12) { Stride = 5, Loader = new DataLoaderOptions { Workers = 2 } });
        Assert.Equal(memory.Count, source.Count);
        using var scope = torch.NewDisposeScope();
        var request = new BatchRequest(4) { Shuffle = true, Seed = 2 };
        var a = memory.Batches(request).ToArray();
        var b = source.Batches(request).ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(a[i].Values.allclose(b[i].Values, rtol: 1e-5, atol: 1e-5), $"batch {i}");
        }
    }

    [Fact]
    public void SeveralValueColumnsAreChannels()
    {
        using var files = new TempFiles();
        string path = files.Write("m.csv", "t,a,b\n1,1,10\n2,2,20\n3,3,30\n4,4,40\n");
        using var source = SeriesSource.Csv(path, new SeriesOptions("t", 3));
        Assert.Equal(new[] { "a", "b" }, source.Channels);
        using var scope = torch.NewDisposeScope();
        var batch = source.Batches(new BatchRequest(2)).Single();
        Assert.Equal(new long[] { 2, 2, 3 }, batch.Values.shape);

        // a: mean 2.5, std sqrt(1.25); b is 10 a, so both standardize to the same values.
        double s = Math.Sqrt(1.25);
        Assert.Equal(new[] { (float)(-1.5 / s), (float)(-0.5 / s), (float)(0.5 / s) }, batch.Values[0, 0].data<float>().ToArray());
        Assert.True(batch.Values[1, 0].allclose(batch.Values[1, 1]));
    }

    [Fact]
    public void TimesThatDoNotIncreaseAndMissingValuesAreReportedWithTheirLines()
    {
        using var files = new TempFiles();
        var order = Assert.Throws<DatasetFormatException>(() => SeriesSource.Csv(files.Write("o.csv", "t,v\n2024-01-01,1\n2024-01-03,2\n2024-01-02,3\n"), new SeriesOptions("t", 2)));
        Assert.Contains("line 4, column 't': 2024-01-02 does not come after 2024-01-03 (line 3)", order.Message);

        var missing = Assert.Throws<DatasetFormatException>(() => SeriesSource.Csv(files.Write("m.csv", "t,v\n1,1\n2,\n3,3\n"), new SeriesOptions("t", 2) { Missing = SeriesMissingPolicy.Error }));
        Assert.Contains("line 3, column 'v': the value is missing", missing.Message);

        var date = Assert.Throws<DatasetFormatException>(() => SeriesSource.Csv(files.Write("d.csv", "t,v\n2024-01-01,1\nsoon,2\n"), new SeriesOptions("t", 1)));
        Assert.Contains("line 3, column 't': 'soon' is not a date and time", date.Message);

        Assert.Contains("fewer than one window of 10", Assert.Throws<DatasetFormatException>(() => SeriesSource.Csv(files.Write("s.csv", "t,v\n1,1\n2,2\n"), new SeriesOptions("t", 10))).Message);
    }

    [Fact]
    public void AChronologicalSplitStandardizesBothPartsWithTheTrainingStatistics()
    {
        using var files = new TempFiles();
        string path = Series(files, 80, Level);
        var values = SeriesCsv.LoadColumn(path, "level");
        var expected = SeriesWindows.ChronologicalSplit(values, 10, 3, 0.25);
        using var source = SeriesSource.Csv(path, new SeriesOptions("time", 10) { Stride = 3 });
        var (train, test) = source.ChronologicalSplit(0.25);
        using (train)
        using (test)
        using (expected.Train)
        using (expected.Test)
        {
            Assert.Equal(expected.Statistics.Mean, train.Means[0], 9);
            Assert.Equal(expected.Statistics.Std, test.Stds[0], 9);
            using var scope = torch.NewDisposeScope();
            var a = expected.Test.Batches(new BatchRequest(100)).Single().Values;
            var b = test.Batches(new BatchRequest(100)).Single().Values;
            Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-5));
        }
    }
}
