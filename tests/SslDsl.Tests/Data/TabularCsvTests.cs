using System;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests;

/// <summary>General CSV tables: labels, names, standardization, splits and errors.</summary>
public class TabularCsvTests
{
    [Fact]
    public void ReadsNamedColumnsAndMapsClassNamesToSortedLabels()
    {
        using var temp = new TempFiles();
        string path = temp.Write("pets.csv", "weight,\"height, cm\",species\n1,2,dog\n3,4,cat\n\n5,6,dog\n");
        var table = TabularCsv.Read(path);
        Assert.Equal(new[] { "weight", "height, cm" }, table.FeatureNames);
        Assert.Equal(new[] { "cat", "dog" }, table.ClassNames);
        Assert.Equal(new long[] { 1, 0, 1 }, table.Labels);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, table.Values);
    }

    [Fact]
    public void NumericLabelsAreSortedNumerically()
    {
        using var temp = new TempFiles();
        // Labels 10, 9, 2: numeric order 2 < 9 < 10 -> 0, 1, 2 (ordinal order would put "10" first).
        string path = temp.Write("numbers.csv", "10,1.5\n9,2.5\n2,3.5\n");
        var table = TabularCsv.Read(path, labelColumn: 0, hasHeader: false);
        Assert.Equal(new long[] { 2, 1, 0 }, table.Labels);
        Assert.Equal(new[] { "2", "9", "10" }, table.ClassNames);
        Assert.Equal(new[] { "column1" }, table.FeatureNames);
        Assert.Equal(new float[] { 1.5f, 2.5f, 3.5f }, table.Values);
    }

    [Fact]
    public void WithoutALabelColumnEveryColumnIsAFeature()
    {
        using var temp = new TempFiles();
        string path = temp.Write("plain.csv", "a,b\n1,2\n3,4\n");
        using var data = TabularCsv.Load(path, labelColumn: null, standardize: false);
        Assert.Null(data.Dataset.Labels);
        Assert.Equal(2, data.Features);
        Assert.Equal(new float[] { 1, 2, 3, 4 }, data.Dataset.Tensors[0].data<float>().ToArray());
    }

    [Fact]
    public void StandardizesWithPopulationStatistics()
    {
        using var temp = new TempFiles();
        string path = temp.Write("std.csv", "a,b,y\n1,10,0\n3,10,1\n5,10,0\n");
        using var data = TabularCsv.Load(path);
        // Column a: mean 3, population std sqrt((4 + 0 + 4) / 3) = 1.632993; column b is constant: std 1, so it becomes 0.
        float z = (float)(2 / Math.Sqrt(8.0 / 3));
        Assert.Equal(new[] { 3f, 10f }, data.Scaler!.Mean);
        Assert.Equal(new[] { (float)Math.Sqrt(8.0 / 3), 1f }, data.Scaler.Std);
        var x = data.Dataset.Tensors[0].data<float>().ToArray();
        Assert.Equal(-z, x[0], 5);
        Assert.Equal(0f, x[2], 5);
        Assert.Equal(z, x[4], 5);
        Assert.Equal(new[] { 0f, 0f, 0f }, new[] { x[1], x[3], x[5] });
    }

    [Theory]
    [InlineData("a,b,y\n1,2,0\n3,4\n", "line 3: 2 fields; expected 3 like the header (a truncated or malformed row?)")]
    [InlineData("a,b,y\n1,abc,0\n", "line 2, column 1 ('b'): 'abc' is not a number; expected a finite decimal number")]
    [InlineData("a,b,y\n1,,0\n", "line 2, column 1 ('b'): '' is not a number")]
    [InlineData("a,b,y\n1,2,\n", "line 2: the label (column 2) is empty")]
    [InlineData("a,b,y\n", "line 1 is the header and no data row follows")]
    [InlineData("", "the file is empty")]
    [InlineData("a,b,y\n1,\"2,0\n", "line 2: a quoted field is not closed")]
    public void MalformedTablesAreReportedWithFileLineAndExpectation(string content, string expected)
    {
        using var temp = new TempFiles();
        string path = temp.Write("table.csv", content);
        var e = Assert.Throws<DatasetFormatException>(() => TabularCsv.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void LabelColumnOutsideTheTableIsReported()
    {
        using var temp = new TempFiles();
        string path = temp.Write("t.csv", "a,b\n1,2\n");
        var e = Assert.Throws<DatasetFormatException>(() => TabularCsv.Read(path, labelColumn: 5));
        Assert.Contains("label column 5 does not exist: the table has 2 columns", e.Message);
    }

    [Fact]
    public void MissingFileIsReportedWithItsPath()
    {
        using var temp = new TempFiles();
        string path = Path.Combine(temp.Directory, "absent.csv");
        var e = Assert.Throws<FileNotFoundException>(() => TabularCsv.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.FileName);
    }

    [Fact]
    public void DatasetSplitIsStratifiedDisjointAndSeeded()
    {
        using var scope = torch.NewDisposeScope();
        // 30 rows of class 0, 10 of class 1: test fraction 0.25 takes round(7.5) = 8 and round(2.5) = 3 (away from zero).
        var labels = Enumerable.Range(0, 40).Select(i => i < 30 ? 0L : 1L).ToArray();
        using var dataset = new Dataset<TabularBatch>(new[] { torch.arange(40, dtype: torch.ScalarType.Float32).view(40, 1) }, torch.tensor(labels));
        var (train, test) = dataset.Split(0.25, seed: 9);
        var testLabels = test.Labels!.data<long>().ToArray();
        Assert.Equal(8, testLabels.Count(l => l == 0));
        Assert.Equal(3, testLabels.Count(l => l == 1));
        var trainRows = train.Tensors[0].data<float>().ToArray();
        var testRows = test.Tensors[0].data<float>().ToArray();
        Assert.Empty(trainRows.Intersect(testRows));
        Assert.Equal(40, trainRows.Union(testRows).Count());
        var (_, again) = dataset.Split(0.25, seed: 9);
        Assert.Equal(testRows, again.Tensors[0].data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Split(1.0, seed: 1));
    }
}
