using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Generators.Tests;

/// <summary>
/// A patch-masking task shows the encoder a learned mask token where patches are hidden, never the 0 of an empty
/// patch, and reconstructs MAE's normalized pixels unless told otherwise.
/// </summary>
public class MaskedImageTaskTests
{
    private const string Encoder = "nn.Sequential(new Recorder(), nn.Conv2d(1, 8, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(32, 16))";

    [Fact]
    public void HiddenPatchesShowTheLearnedTokenWhichTrainsWithoutWeightDecay()
    {
        var source = TaskCompiler.TinyTask("maetoken", "[ImageInput(Channels = 1, Height = 8, Width = 8)]", Encoder,
            "[PatchMask(PatchSize = 2, Ratio = 0.5)] [Decoder(Hidden = 32, Layers = 2)] [ReconstructionLoss]");
        var assembly = TaskCompiler.Load(source, Recorder.Source);
        var modelType = TaskCompiler.Nested(assembly, "Tiny.maetoken", "Model");
        var pipelineType = TaskCompiler.Nested(assembly, "Tiny.maetoken", "Pipeline");
        var trainerType = TaskCompiler.Nested(assembly, "Tiny.maetoken", "Trainer");
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(trainerType, new TrainingOptions { Device = CPU, ShowProgress = false })!;
        var model = (nn.Module)trainerType.GetProperty("Model")!.GetValue(trainer)!;
        using var pipeline = (IDisposable)Activator.CreateInstance(pipelineType, CPU, 7L)!;
        using var replay = (IDisposable)Activator.CreateInstance(pipelineType, CPU, 7L)!;
        // Dark images with one bright column: most patches are empty (all 0), like Fashion-MNIST's background.
        using var images = zeros(4, 1, 8, 8);
        images[.., .., .., 3] = rand(new long[] { 4, 1, 8 }, generator: new Generator(5)).add(0.5);

        var terms = (LossTerms)trainerType.GetMethod("Objective")!.Invoke(null, new object[] { model, pipeline, new ImageBatch(images) })!;

        var token = (MaskToken)modelType.GetProperty("MaskToken")!.GetValue(model)!;
        var corrupted = (MaskResult)pipelineType.GetMethod("Corrupt")!.Invoke(replay, new object[] { images })!;
        var hidden = corrupted.Mask.to(ScalarType.Bool).expand(4, 1, 8, 8);
        var seen = Recorder.Of((nn.Module)modelType.GetProperty("Encoder")!.GetValue(model)!).Single();
        // By hand: pixel (r, c) of a hidden patch shows token[r mod 2, c mod 2]; visible pixels are the image's.
        var tiled = token.Patch.detach().repeat(1, 4, 4).expand(4, 1, 8, 8);
        Assert.True(seen.masked_select(hidden).Same(tiled.masked_select(hidden)), "hidden pixels should show the token");
        Assert.True(seen.masked_select(hidden.logical_not()).Same(images.masked_select(hidden.logical_not())), "visible pixels should pass unchanged");
        Assert.True(seen.masked_select(hidden).ne(0).all().item<bool>(), "a hidden patch should not look like an empty one");

        terms.Total.backward();
        var parameter = model.named_parameters().Single(p => p.name.StartsWith("maskToken.", StringComparison.Ordinal)).parameter;
        Assert.True(parameter.grad is not null && parameter.grad.abs().sum().item<float>() > 0, "the token should receive gradients");
        bool Holds(ParameterGroup g) => g.Parameters.Any(p => p.Handle == parameter.Handle);
        Assert.Contains(trainer.Optimizer.Groups, g => !g.ApplyWeightDecay && Holds(g));
        Assert.DoesNotContain(trainer.Optimizer.Groups, g => g.ApplyWeightDecay && Holds(g));
    }

    [Theory]
    [InlineData("[PatchMask(PatchSize = 2)] [ReconstructionLoss]", true)]
    [InlineData("[PatchMask(PatchSize = 2)] [ReconstructionLoss(NormalizeTargets = false)]", false)]
    [InlineData("[BlockMask(Size = 4)] [ReconstructionLoss]", false)]
    [InlineData("[GaussianNoise(Std = 0.2)] [ReconstructionLoss(MaskedOnly = false)]", false)]
    public void TargetsAreNormalizedPixelsByDefaultWhenPatchesAreMasked(string attributes, bool normalized)
    {
        var run = GeneratorHarness.Generate(TaskCompiler.TinyImageTask("defaults", attributes));
        Assert.Empty(run.CompilationProblems);
        string source = Assert.Single(run.Files).Value;
        string literal = normalized ? "true" : "false";
        Assert.Contains($"normalizeTargets: {literal},", source);
        Assert.Contains($"ReconstructionLoss(MaskedOnly = ", source);
        Assert.Contains($"NormalizeTargets = {literal}", source);
    }
}
