using System;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests;

/// <summary>scikit-learn's tables: the real files (after scripts/fetch-data.sh) and corrupted copies.</summary>
public class SklearnDatasetsTests
{
    private static string Folder => Path.GetDirectoryName(RealData.Require(Path.Combine(SklearnDatasets.RelativeFolder, "iris.csv")))!;

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_BreastCancerHas569RowsOf30FeaturesWith212Malignant()
    {
        var table = SklearnDatasets.Read(Path.Combine(Folder, "breast_cancer.csv"), SklearnDatasets.BreastCancerFeatures);
        Assert.Equal(569, table.Rows);
        Assert.Equal(30, table.Columns);
        Assert.Equal(new[] { "malignant", "benign" }, table.ClassNames);
        Assert.Equal(212, table.Labels!.Count(l => l == 0));
        Assert.Equal(357, table.Labels!.Count(l => l == 1));
        Assert.Equal("mean radius", table.FeatureNames[0]);
        Assert.Equal("radius error", table.FeatureNames[10]);
        Assert.Equal("worst fractal dimension", table.FeatureNames[29]);
        // First data line: 17.99,10.38,122.8,1001,... label 0.
        Assert.Equal(17.99f, table[0, 0]);
        Assert.Equal(1001f, table[0, 3]);
        Assert.Equal(0, table.Labels![0]);
    }

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_WineAndIrisHaveTheirKnownClassCounts()
    {
        using var wine = SklearnDatasets.Wine(RealData.Root());
        Assert.Equal(178, wine.Dataset.Count);
        Assert.Equal(13, wine.Features);
        Assert.Equal(new[] { "class_0", "class_1", "class_2" }, wine.ClassNames);
        Assert.Equal(new long[] { 59, 71, 48 }, Enumerable.Range(0, 3).Select(c => (long)wine.Table.Labels!.Count(l => l == c)));

        using var iris = SklearnDatasets.Iris(Folder);
        Assert.Equal(150, iris.Dataset.Count);
        Assert.Equal(4, iris.Features);
        Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, iris.ClassNames);
        Assert.Equal(new long[] { 50, 50, 50 }, Enumerable.Range(0, 3).Select(c => (long)iris.Table.Labels!.Count(l => l == c)));
        var batch = iris.Dataset.Batches(150).Single();
        Assert.Equal(new long[] { 150, 4 }, batch.Features.shape);
        Assert.Equal(new long[] { 150 }, batch.Labels!.shape);
    }

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_StandardizedFeaturesHaveZeroMeanAndUnitStd()
    {
        using var data = SklearnDatasets.BreastCancer(RealData.Root());
        var x = data.Dataset.Tensors[0].data<float>().ToArray();
        var raw = data.Table;
        for (int c = 0; c < raw.Columns; c++)
        {
            var column = Enumerable.Range(0, raw.Rows).Select(r => (double)x[(r * raw.Columns) + c]).ToArray();
            double mean = column.Average();
            double std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / column.Length);
            Assert.InRange(mean, -1e-4, 1e-4);
            Assert.InRange(std, 1 - 1e-3, 1 + 1e-3);

            // Element (0, c) against the raw column's statistics computed here.
            var rawColumn = Enumerable.Range(0, raw.Rows).Select(r => (double)raw[r, c]).ToArray();
            double m = rawColumn.Average();
            double s = Math.Sqrt(rawColumn.Sum(v => (v - m) * (v - m)) / rawColumn.Length);
            Assert.Equal((raw[0, c] - m) / s, x[c], 3);
        }
    }

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_SplitIsStratifiedAndScaledWithTrainingStatistics()
    {
        using var iris = SklearnDatasets.Iris(Folder);
        var (train, test) = iris.Split(0.2, seed: 1);
        using (train)
        using (test)
        {
            // round(50 * 0.2) = 10 of each class in the test part.
            Assert.Equal(120, train.Dataset.Count);
            Assert.Equal(30, test.Dataset.Count);
            Assert.Equal(new[] { 10, 10, 10 }, Enumerable.Range(0, 3).Select(c => test.Table.Labels!.Count(l => l == c)));

            // The scaler is the training rows' mean and population std; the test rows use it too.
            for (int c = 0; c < 4; c++)
            {
                var column = Enumerable.Range(0, train.Table.Rows).Select(r => (double)train.Table[r, c]).ToArray();
                double m = column.Average();
                double s = Math.Sqrt(column.Sum(v => (v - m) * (v - m)) / column.Length);
                Assert.Equal(m, train.Scaler!.Mean[c], 4);
                Assert.Equal(s, train.Scaler.Std[c], 4);
                Assert.Same(train.Scaler, test.Scaler);
                float scaled = test.Dataset.Tensors[0].data<float>()[c];
                Assert.Equal((test.Table[0, c] - m) / s, scaled, 4);
            }

            // The parts are disjoint and together hold every row.
            var all = train.Table.Values.Chunk(4).Concat(test.Table.Values.Chunk(4)).Select(r => string.Join(",", r)).OrderBy(r => r).ToArray();
            var original = iris.Table.Values.Chunk(4).Select(r => string.Join(",", r)).OrderBy(r => r).ToArray();
            Assert.Equal(original, all);
        }
    }

    [Fact]
    public void MissingFolderSaysHowToFetchTheData()
    {
        using var temp = new TempFiles();
        var e = Assert.Throws<FileNotFoundException>(() => SklearnDatasets.Iris(temp.Directory));
        Assert.Contains(Path.Combine(temp.Directory, SklearnDatasets.RelativeFolder, "iris.csv"), e.Message);
        Assert.Contains("scripts/fetch-data.sh", e.Message);
    }

    [Theory]
    [InlineData("5,2,a,b\n1,2,0\n3,4,1\n5,6,0\n", "promises 5 rows but the file holds 3 (truncated)")]
    [InlineData("sepal,petal\n1,2,0\n", "line 1: 'sepal,petal' is not a scikit-learn header; expected 'n_samples,n_features,class names...'")]
    [InlineData("2,2,a,b\n1,2,0\n3,x,1\n", "line 3, column 1 ('column1'): 'x' is not a number")]
    [InlineData("2,2,a,b\n1,2\n3,4,1\n", "line 2: 2 fields; expected 2 features and a label (3 fields)")]
    [InlineData("2,2,a,b\n1,2,0\n3,4,5\n", "line 3: label 5 is outside [0, 2)")]
    [InlineData("2,2,a,b\n1,2,0\n3,4,0.5\n", "line 3, column 2 (label): '0.5' is not an integer")]
    [InlineData("", "the file is empty")]
    public void CorruptFilesAreReportedWithFileLineAndExpectation(string content, string expected)
    {
        using var temp = new TempFiles();
        string path = temp.Write("broken.csv", content);
        var e = Assert.Throws<DatasetFormatException>(() => SklearnDatasets.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreReportedWithTheirLine()
    {
        using var temp = new TempFiles();
        var bytes = System.Text.Encoding.ASCII.GetBytes("2,2,a,b\n1,2,0\n3,").Concat(new byte[] { 0xC3, 0x28 }).Concat(System.Text.Encoding.ASCII.GetBytes(",1\n")).ToArray();
        string path = temp.WriteBytes("latin.csv", bytes);
        var e = Assert.Throws<DatasetFormatException>(() => SklearnDatasets.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("UTF-8", e.Message);
    }
}
