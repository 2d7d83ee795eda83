using System;
using System.IO;
using System.Linq;
using Parquet;
using Parquet.Schema;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.DataTests.Streaming;

/// <summary>CSV and Parquet tables streamed through a row cache: numeric, one-hot and embedded columns, missing values, statistics.</summary>
public class TableSourceTests
{
    private const string Csv = """
        size,colour,city,weight,kind
        1,red,paris,10,b
        2,blue,rome,20,a
        3,red,oslo,30,b
        6,green,rome,40,a
        """;

    private static TableOptions Options(MissingValuePolicy missing = MissingValuePolicy.Error) => new()
    {
        Label = "kind",
        Categorical = new[] { new CategoricalColumn("colour"), new CategoricalColumn("city", CategoricalEncoding.Embedding, Cardinality: 5, EmbeddingDim: 2) },
        Missing = missing,
        Loader = new DataLoaderOptions { Workers = 2, Prefetch = 2 },
    };

    private static float[][] Rows(IDataSource<TabularBatch> source)
    {
        using var scope = torch.NewDisposeScope();
        var batch = source.Batches(new BatchRequest(100)).Single();
        return Enumerable.Range(0, (int)batch.Count).Select(i => batch.Features[i].data<float>().ToArray()).ToArray();
    }

    [Fact]
    public void NumericColumnsAreStandardizedCategoriesOneHotOrIndexedAndLabelsNumberedInOrder()
    {
        using var files = new TempFiles();
        using var table = TableSource.Csv(files.Write("t.csv", Csv), Options());
        Assert.Equal(new[] { "size", "weight", "colour=blue", "colour=green", "colour=red", "city#index" }, table.FeatureNames);
        Assert.Equal(new[] { "a", "b" }, table.ClassNames);
        Assert.Equal(new[] { "oslo", "paris", "rome" }, table.Categories["city"]);

        // size: mean 3, population std sqrt(3.5); weight: mean 25, std sqrt(125).
        double s = Math.Sqrt(3.5), w = Math.Sqrt(125);
        var rows = Rows(table);
        float[][] expected =
        {
            new[] { (float)(-2 / s), (float)(-15 / w), 0f, 0f, 1f, 1f },
            new[] { (float)(-1 / s), (float)(-5 / w), 1f, 0f, 0f, 2f },
            new[] { 0f, (float)(5 / w), 0f, 0f, 1f, 0f },
            new[] { (float)(3 / s), (float)(15 / w), 0f, 1f, 0f, 2f },
        };
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(expected[r], rows[r], new FloatTolerance(1e-6f));
        }

        using var scope = torch.NewDisposeScope();
        Assert.Equal(new long[] { 1, 0, 1, 0 }, table.Batches(new BatchRequest(4)).Single().Labels!.data<long>().ToArray());
    }

    [Fact]
    public async System.Threading.Tasks.Task ParquetGivesTheSameFeaturesAsTheSameTableInCsv()
    {
        using var files = new TempFiles();
        string parquet = Path.Combine(files.Directory, "t.parquet");
        var size = new DataField<int>("size");
        var colour = new DataField<string>("colour");
        var city = new DataField<string>("city");
        var weight = new DataField<double?>("weight");
        var kind = new DataField<string>("kind");
        await using (var stream = File.Create(parquet))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(size, colour, city, weight, kind), stream);
            foreach (var (start, count) in new[] { (0, 2), (2, 2) })
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<int>(size, new[] { 1, 2, 3, 6 }.AsMemory(start, count));
                await group.WriteAsync(colour, new[] { "red", "blue", "red", "green" }[start..(start + count)]);
                await group.WriteAsync(city, new[] { "paris", "rome", "oslo", "rome" }[start..(start + count)]);
                await group.WriteAsync<double>(weight, new double?[] { 10, 20, 30, 40 }.AsMemory(start, count));
                await group.WriteAsync(kind, new[] { "b", "a", "b", "a" }[start..(start + count)]);
            }
        }

        using var fromCsv = TableSource.Csv(files.Write("t.csv", Csv), Options());
        using var fromParquet = TableSource.Parquet(parquet, Options());
        Assert.Equal(fromCsv.FeatureNames, fromParquet.FeatureNames);
        var a = Rows(fromCsv);
        var b = Rows(fromParquet);
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(a[r], b[r]);
        }
    }

    [Fact]
    public void NumericTablesMatchTheInMemoryLoader()
    {
        using var files = new TempFiles();
        var rng = new Random(3);
        var lines = Enumerable.Range(0, 57).Select(i => string.Join(",", Enumerable.Range(0, 4).Select(_ => (rng.NextDouble() * 10).ToString("F3", System.Globalization.CultureInfo.InvariantCulture))) + "," + (i % 3)).ToList();
        string path = files.Write("n.csv", "a,b,c,d,y\n" + string.Join("\n", lines) + "\n");
        using var memory = TabularCsv.Load(path);
        using var streamed = TableSource.Csv(path, new TableOptions { Label = "y" });
        using var scope = torch.NewDisposeScope();
        var request = new BatchRequest(10) { Shuffle = true, Seed = 4 };
        var expected = memory.Dataset.Batches(request).ToArray();
        var actual = streamed.Batches(request).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Features.allclose(actual[i].Features, rtol: 1e-5, atol: 1e-6), $"batch {i}");
            Assert.Equal(expected[i].Labels!.data<long>().ToArray(), actual[i].Labels!.data<long>().ToArray());
        }
    }

    [Fact]
    public void MissingValuesStopTheRunWithTheLineAndColumnUnlessImputed()
    {
        using var files = new TempFiles();
        string path = files.Write("m.csv", "size,colour,city,weight,kind\n1,red,paris,10,b\n2,,rome,NA,a\n3,red,oslo,30,b\n");
        var e = Assert.Throws<DatasetFormatException>(() => TableSource.Csv(path, Options()));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("line 3, column 'weight': the value is missing", e.Message);
        Assert.Contains("MissingValuePolicy.Impute", e.Message);

        using var imputed = TableSource.Csv(path, Options(MissingValuePolicy.Impute));
        Assert.Equal(new[] { "(missing)", "red" }, imputed.Categories["colour"]);
        var rows = Rows(imputed);

        // The missing weight becomes the mean of 10 and 30: 0 after standardization.
        Assert.Equal(0f, rows[1][1]);
        Assert.Equal(new[] { 1f, 0f }, rows[1][2..4]);
    }

    [Fact]
    public void BadValuesAndColumnsAreNamed()
    {
        using var files = new TempFiles();
        var text = Assert.Throws<DatasetFormatException>(() => TableSource.Csv(files.Write("a.csv", "size,kind\n1,a\nbig,b\n"), new TableOptions { Label = "kind" }));
        Assert.Contains("line 3, column 'size': 'big' is not a number", text.Message);
        Assert.Contains("[CategoricalFeature(\"size\")]", text.Message);

        var column = Assert.Throws<DatasetFormatException>(() => TableSource.Csv(files.Write("b.csv", Csv), Options() with { Label = "type" }));
        Assert.Contains("has no column 'type'; its columns are 'size', 'colour', 'city', 'weight', 'kind'", column.Message);

        var cardinality = Assert.Throws<DatasetFormatException>(() => TableSource.Csv(files.Write("c.csv", Csv),
            Options() with { Numeric = new[] { "size", "weight" }, Categorical = new[] { new CategoricalColumn("city", CategoricalEncoding.Embedding, Cardinality: 2, EmbeddingDim: 2) } }));
        Assert.Contains("column 'city' holds 3 categories ('oslo', 'paris', 'rome'), more than its declared Cardinality = 2", cardinality.Message);

        Assert.Contains("holds no data row", Assert.Throws<DatasetFormatException>(() => TableSource.Csv(files.Write("d.csv", "size,kind\n"), new TableOptions { Label = "kind" })).Message);
    }

    [Fact]
    public void TheRowCacheIsDeletedOnDispose()
    {
        using var files = new TempFiles();
        string cache = Path.Combine(files.Directory, "cache");
        var table = TableSource.Csv(files.Write("t.csv", Csv), Options() with { CacheDirectory = cache });
        Assert.Single(Directory.GetFiles(cache));
        table.Dispose();
        Assert.Empty(Directory.GetFiles(cache));
    }

    [CategoricalFeature("colour")]
    [CategoricalFeature("city", Encoding = CategoricalEncoding.Embedding, Cardinality = 5, EmbeddingDim = 3)]
    private sealed class DeclaredColumns
    {
    }

    [Fact]
    public void DeclaredColumnsAreReadFromTheTaskAndEmbeddedByCategoricalEmbedding()
    {
        var options = TableOptions.ForTask<DeclaredColumns>() with { Label = "kind" };
        Assert.Equal(new[] { "colour", "city" }, options.Categorical.Select(c => c.Name));
        using var files = new TempFiles();
        using var table = TableSource.Csv(files.Write("t.csv", Csv), options);
        using var embedding = CategoricalEmbedding.For<DeclaredColumns>(table.Features);
        Assert.Equal(table.Features - 1 + 3, embedding.OutputFeatures);

        using var scope = torch.NewDisposeScope();
        var batch = table.Batches(new BatchRequest(4)).Single();
        var output = embedding.forward(batch.Features);
        Assert.Equal(new long[] { 4, 8 }, output.shape);
        Assert.True(TinyData.Same(batch.Features.narrow(1, 0, 5), output.narrow(1, 0, 5)));

        // Row 0 is in paris, category 1: its last three outputs are row 1 of the embedding table.
        var table1 = embedding.named_parameters().Single().parameter[1];
        Assert.True(TinyData.Same(table1.detach(), output[0].narrow(0, 5, 3).detach()));
    }

    /// <summary>Compares floats within an absolute tolerance.</summary>
    private sealed class FloatTolerance : System.Collections.Generic.IEqualityComparer<float>
    {
        private readonly float _tolerance;

        public FloatTolerance(float tolerance) => _tolerance = tolerance;

        public bool Equals(float x, float y) => Math.Abs(x - y) <= _tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
