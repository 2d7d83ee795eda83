using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>
/// Hovering a generated type shows the recipe it was generated from: the XML doc the compiler attaches to
/// FashionSimClr.Trainer (what an IDE's quick info shows) names the input, the views and their pipeline, the
/// network, the loss, the optimizer, the schedule and the training length, as declared.
/// </summary>
public class RecipeDocsTests
{
    [Fact]
    public void TrainerDocDescribesTheDeclaredRecipe()
    {
        string text = Summary("Samples.FashionSimClr+Trainer");

        Assert.Contains("Pretrains task 'fashion-simclr' on 1x28x28 images (ImageBatch).", text);
        Assert.Contains("Pipeline: 2 views of each sample, each through RandomResizedCrop(MinScale = 0.3, MaxScale = 1.0), HorizontalFlip(P = 0.5), ColorJitter(Brightness = 0.4, Contrast = 0.4, P = 0.8) and GaussianNoise(Std = 0.05, P = 0.5).", text);
        Assert.Contains("Network: the encoder FashionSimClr.Encoder() (128 features), then ProjectionHead(Hidden = 256, Output = 128).", text);
        Assert.Contains("Loss: NtXentLoss(Temperature = 0.5), comparing the projections of the views.", text);
        Assert.Contains("Optimizer: AdamW, learning rate 0.001 with 1 warm-up epoch, then cosine decay to 0, weight decay 0.0001; 10 epochs of batches of 256, seed 42.", text);
    }

    [Theory]
    [InlineData("Samples.FashionSimClr+Model", "ProjectionHead(Hidden = 256, Output = 128)")]
    [InlineData("Samples.FashionSimClr+Pipeline", "GaussianNoise(Std = 0.05, P = 0.5)")]
    [InlineData("Samples.FashionSimClr+FineTuner", "a linear probe (frozen encoder) for 10 classes")]
    public void EveryGeneratedTypeDescribesItsPart(string type, string expected) => Assert.Contains(expected, Summary(type));

    private static string Summary(string metadataName)
    {
        var run = GeneratorHarness.Generate(TaskSources.FashionSimClr);
        var symbol = run.Output.GetTypeByMetadataName(metadataName);
        Assert.NotNull(symbol);
        var xml = XElement.Parse(symbol!.GetDocumentationCommentXml()!);
        return string.Join(" ", xml.Element("summary")!.DescendantNodes().OfType<XText>().Select(t => t.Value.Trim()).Where(t => t.Length > 0));
    }
}
