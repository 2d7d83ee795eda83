using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Generators.Tests;

/// <summary>
/// [Backbone(BackboneKind.VisionTransformer)]: with [PatchMask] and [ReconstructionLoss] the task trains as true MAE
/// (the encoder gets only the visible patches, a light decoder reconstructs the hidden ones); with any other objective
/// the ViT is an encoder like the others. The task compiles without warnings and lowers its loss.
/// </summary>
public class VisionTransformerMaeTests
{
    private const string Vit = "[Backbone(BackboneKind.VisionTransformer, Width = 16, OutputDim = 16, Depth = 1, Heads = 2, PatchSize = 2)]";

    /// <summary>A task on 1x8x8 images with the tiny ViT (16 patches of 2x2) and <paramref name="attributes"/>.</summary>
    private static string Task(string name, string attributes) => $$"""
        using SslDsl;

        namespace Tiny;

        [PretextTask("{{name}}")]
        [ImageInput(Channels = 1, Height = 8, Width = 8)]
        {{Vit}}
        {{attributes}}
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.003)]
        [Training(BatchSize = 16, Epochs = 1, Seed = 3)]
        public partial class {{name.Replace("-", "")}}
        {
        }
        """;

    private const string Mae = "[PatchMask(PatchSize = 2, Ratio = 0.75)] [Decoder(Hidden = 16, Layers = 1)] [ReconstructionLoss]";

    /// <summary>A ramp plus noise: every hidden patch is predictable from where it is and from its neighbours.</summary>
    private static Tensor Images(long count, ulong seed)
    {
        var ramp = torch.arange(64, dtype: ScalarType.Float32).view(1, 1, 8, 8) / 64;
        return (ramp + torch.rand(new long[] { count, 1, 8, 8 }, generator: new Generator(seed)) * 0.2).clamp(0, 1);
    }

    [Fact]
    public void MaeOnAVitLowersItsLoss()
    {
        using var images = Images(16, 11);
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(Task("vit-mae", Mae)), "Tiny.vitmae", new ImageBatch(images), steps: 60);
        Assert.True(last < first, $"{first} -> {last}");
    }

    [Fact]
    public void ObjectiveEncodesOnlyTheVisiblePatchesAndScoresTheHiddenOnesByTheFormula()
    {
        var assembly = TaskCompiler.Load(Task("vit-mae", Mae));
        var modelType = TaskCompiler.Nested(assembly, "Tiny.vitmae", "Model");
        var pipelineType = TaskCompiler.Nested(assembly, "Tiny.vitmae", "Pipeline");
        var trainerType = TaskCompiler.Nested(assembly, "Tiny.vitmae", "Trainer");
        torch.manual_seed(5);
        using var model = (nn.Module<Tensor, Tensor>)Activator.CreateInstance(modelType)!;
        using var pipeline = (IDisposable)Activator.CreateInstance(pipelineType, CPU, 7L)!;
        using var replay = (IDisposable)Activator.CreateInstance(pipelineType, CPU, 7L)!;
        using var images = Images(4, 12);
        using var scope = torch.NewDisposeScope();

        var terms = (LossTerms)trainerType.GetMethod("Objective")!.Invoke(null, new object[] { model, pipeline, new ImageBatch(images) })!;

        // The replayed pipeline draws the same shuffle: 16 patches, 4 visible per image.
        var shuffle = (PatchShuffle)pipelineType.GetMethod("Shuffle")!.Invoke(replay, new object[] { 4L })!;
        Assert.Equal(new long[] { 4, 4 }, shuffle.Keep.shape);
        var vit = (VisionTransformer)modelType.GetProperty("Encoder")!.GetValue(model)!;
        var decoder = (MaeDecoder)modelType.GetProperty("Decoder")!.GetValue(model)!;
        var latent = vit.EncodeVisible(images, shuffle.Keep);
        Assert.Equal(new long[] { 4, 1 + 4, 16 }, latent.shape);

        // By the formula: each 2x2 target patch standardized by its own mean and unbiased variance, the squared
        // error averaged over the patch, then over the 12 hidden patches of each image.
        var prediction = decoder.forward(latent, shuffle.Restore);
        var patches = images.reshape(4, 1, 4, 2, 4, 2).permute(0, 2, 4, 3, 5, 1).reshape(4, 16, 4);
        var normalized = (patches - patches.mean(new long[] { -1 }, keepdim: true)) / (patches.var(-1, unbiased: true, keepdim: true) + 1e-6).sqrt();
        var perPatch = (prediction - normalized).pow(2).mean(new long[] { -1 });
        var expected = (perPatch * shuffle.Mask).sum() / shuffle.Mask.sum();
        Assert.Equal(expected.item<float>(), terms.Total.item<float>(), 5);
        Assert.Equal(12f * 4, shuffle.Mask.sum().item<float>());
    }

    [Fact]
    public void ACnnKeepsTheSimMimPathAndAVitTrainsJointEmbeddingToo()
    {
        var cnn = TaskCompiler.Load(TaskCompiler.TinyTask("cnn-mae", "[ImageInput(Channels = 1, Height = 8, Width = 8)]", TaskCompiler.ConvEncoder, Mae));
        Assert.NotNull(TaskCompiler.Nested(cnn, "Tiny.cnnmae", "Model").GetProperty("MaskToken"));
        Assert.Null(TaskCompiler.Nested(cnn, "Tiny.cnnmae", "Pipeline").GetMethod("Shuffle"));

        using var images = Images(16, 13);
        var simclr = Task("vit-simclr", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [GaussianNoise(Std = 0.1)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss]");
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(simclr), "Tiny.vitsimclr", new ImageBatch(images), steps: 40);
        Assert.True(last < first, $"{first} -> {last}");
    }

    [Fact]
    public void DescribeNamesTheVitAndMae()
    {
        var assembly = TaskCompiler.Load(Task("vit-mae", Mae));
        string text = (string)assembly.GetType("Tiny.vitmae")!.GetMethod("Describe")!.Invoke(null, null)!;
        Assert.Contains("Backbone(Kind = VisionTransformer, Width = 16, OutputDim = 16, Depth = 1, Heads = 2, PatchSize = 2, LearnedPositions = false)", text);
    }
}
