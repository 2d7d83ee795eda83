using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.DataTests.Streaming;

/// <summary>A SCARF task on a table with a one-hot and an embedded column, declared by attribute (the docs/data.md example, small).</summary>
[PretextTask("categorical-scarf")]
[TabularInput(Features = 6)]
[CategoricalFeature("colour")]
[CategoricalFeature("city", Encoding = CategoricalEncoding.Embedding, Cardinality = 5, EmbeddingDim = 3)]
[Views(2)]
[FeatureCorruption(Rate = 0.5)]
[ProjectionHead(Hidden = 16, Output = 8)]
[InfoNceLoss(Temperature = 0.5)]
[Training(BatchSize = 8, Epochs = 2, Seed = 5)]
public partial class CategoricalScarf
{
    /// <summary>The embedding layer first, then an MLP over the 5 plain features and the 3 embedding values.</summary>
    [Encoder(OutputDim = 12)]
    public static nn.Module<Tensor, Tensor> Encoder() =>
        nn.Sequential(CategoricalEmbedding.For<CategoricalScarf>(features: 6), Backbones.Mlp(inputFeatures: 5 + 3, width: 16, outputDim: 12));
}

/// <summary>The generated task trains on a streamed table whose columns it declares.</summary>
[Collection(GlobalRngCollection.Name)]
public class CategoricalTaskTests
{
    [Fact]
    public void ATaskDeclaringItsCategoricalColumnsTrainsOnTheStreamedTable()
    {
        using var files = new TempFiles();
        var colours = new[] { "red", "green", "blue" };
        var cities = new[] { "oslo", "paris", "rome", "kyiv" };
        var lines = Enumerable.Range(0, 40).Select(i => $"{i % 7},{colours[i % 3]},{cities[i % 4]},{(i * 13) % 11}");
        string path = files.Write("t.csv", "size,colour,city,weight\n" + string.Join("\n", lines) + "\n");
        using var table = TableSource.Csv(path, TableOptions.ForTask<CategoricalScarf>() with { Loader = new DataLoaderOptions { Workers = 1 } });
        Assert.Equal(6, table.Features);

        using var trainer = new CategoricalScarf.Trainer(TinyData.Quiet());
        var before = TinyData.Snapshot(trainer.Network);
        var result = trainer.Fit(table);
        Assert.Equal(2, result.Epochs.Count);
        Assert.All(result.Epochs, e => Assert.True(double.IsFinite(e.Loss)));
        Assert.True(TinyData.Differ(before, TinyData.Snapshot(trainer.Network)));
        using var embeddings = trainer.Embed(table);
        Assert.Equal(new long[] { 40, 12 }, embeddings.shape);
    }
}
