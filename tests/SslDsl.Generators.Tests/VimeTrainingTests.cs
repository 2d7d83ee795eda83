using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>VIME's generated code compiles, lowers its loss, and lays out categorical columns as the declaration says.</summary>
public class VimeTrainingTests
{
    private const string Mlp6 = "nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 16))";

    [Fact]
    public void VimeOnNumericRowsLowersMaskAndReconstructionLoss()
    {
        var source = TaskCompiler.TinyTask("vime", "[TabularInput(Features = 6)]", Mlp6,
            "[VimeMask(Probability = 0.3)] [Decoder(Hidden = 32, Layers = 1)] [VimeLoss(Alpha = 2.0)]");
        // Correlated columns (two latent factors), so a replaced value is detectable and reconstructable from the others.
        var g = new torch.Generator(4);
        using var latent = torch.randn(new long[] { 32, 2 }, generator: g);
        using var rows = torch.cat(new[] { latent, latent * 2, latent.sum(1, keepdim: true), latent.prod(1, keepdim: true) }, 1);
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(source), "Tiny.vime", new TabularBatch(rows), steps: 60);
        Assert.True(last < 0.8 * first, $"{first} -> {last}");
    }

    [Fact]
    public void CategoricalColumnsAreMaskedWholeAndTheLossGoesDown()
    {
        // 3 numeric features, a one-hot column of 3 categories, an embedded column of 4: 7 features, 5 columns.
        var source = TaskCompiler.TinyTask("vimecat", "[TabularInput(Features = 7)]", "nn.Sequential(nn.Linear(7, 32), nn.ReLU(), nn.Linear(32, 16))",
            "[CategoricalFeature(\"colour\", Cardinality = 3)] [CategoricalFeature(\"city\", Encoding = CategoricalEncoding.Embedding, Cardinality = 4)] [VimeMask(Probability = 0.4)] [VimeLoss]");
        var assembly = TaskCompiler.Load(source);
        var pipelineType = TaskCompiler.Nested(assembly, "Tiny.vimecat", "Pipeline");
        var columns = (TabularColumns)pipelineType.GetProperty("Columns")!.GetValue(null)!;
        Assert.Equal(3, columns.Numeric);
        Assert.Equal(new[] { 3 }, columns.OneHot);
        Assert.Equal(new[] { 4 }, columns.Embedded);

        // The category decides the numeric values, so each column can be told from the others.
        var g = new torch.Generator(5);
        using var category = torch.randint(0, 3, new long[] { 32 }, generator: g);
        using var city = torch.randint(0, 4, new long[] { 32 }, generator: g);
        using var numeric = torch.stack(new[] { category.to(torch.float32), city.to(torch.float32) - 1.5f, (category + city).to(torch.float32) * 0.5f }, 1);
        using var rows = torch.cat(new[] { numeric, torch.nn.functional.one_hot(category, 3).to(torch.float32), city.to(torch.float32).view(-1, 1) }, 1);

        using (var pipeline = (IDisposable)Activator.CreateInstance(pipelineType, torch.CPU, 7L)!)
        {
            var result = (TabularMaskResult)pipelineType.GetMethod("MaskColumns")!.Invoke(pipeline, new object[] { rows })!;
            Assert.Equal(new long[] { 32, 5 }, result.Mask.shape);
            // A one-hot block is replaced whole: every corrupted row still holds exactly one category.
            Assert.True(result.Input.narrow(1, 3, 3).sum(1).eq(1).all().item<bool>());
            var unmasked = result.Mask.eq(0);
            var owner = torch.tensor(columns.ColumnOfFeature());
            Assert.True(result.Input.eq(rows).logical_or(unmasked.index_select(1, owner).logical_not()).all().item<bool>());
        }

        var (first, last) = TrainerHarness.Train(assembly, "Tiny.vimecat", new TabularBatch(rows), steps: 60);
        Assert.True(last < 0.8 * first, $"{first} -> {last}");
    }
}
