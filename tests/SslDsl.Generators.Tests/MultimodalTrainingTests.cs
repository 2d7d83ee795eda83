using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Generators.Tests;

/// <summary>A multimodal (CLIP) task generates, compiles, takes only its paired batch, lowers its loss and classifies zero-shot.</summary>
public class MultimodalTrainingTests
{
    private static readonly string[] Names = { "ring", "bar", "dot", "cross" };

    /// <summary>
    /// 16 pairs of 4 classes: an 8x8 image of its class's shape with a little noise, and the caption "a {name}" tokenized
    /// byte by byte (ids 4 + byte, within the vocabulary of 260).
    /// </summary>
    private static PairedBatch<ImageBatch, TokenBatch> Pairs(out ByteLevelTokenizer tokenizer)
    {
        tokenizer = ByteLevelTokenizer.BytesOnly();
        var labels = Enumerable.Range(0, 16).Select(i => (long)(i % 4)).ToArray();
        var images = torch.stack(labels.Select(l => Shape((int)l)).ToArray()).add(torch.rand(16, 1, 8, 8, generator: new torch.Generator(7)).mul(0.1));
        var texts = tokenizer.Batch(labels.Select(l => $"a {Names[l]}").ToArray(), maxLength: 12);
        return new PairedBatch<ImageBatch, TokenBatch>(new ImageBatch(images, torch.tensor(labels)), texts);
    }

    private static Tensor Shape(int label)
    {
        var image = torch.zeros(1, 8, 8);
        switch (label)
        {
            case 0: image[.., 1..7, 1..7] = 1; image[.., 3..5, 3..5] = 0; break;
            case 1: image[.., 2..6, ..] = 1; break;
            case 2: image[.., 3..5, 3..5] = 1; break;
            default: image[.., 3..5, ..] = 1; image[.., .., 3..5] = 1; break;
        }

        return image;
    }

    private static string Source(string imageSteps = "") => $$"""
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Tiny;

        [PretextTask("clip")]
        [ImageInput(Channels = 1, Height = 8, Width = 8)]
        [TextInput(MaxLength = 12, VocabSize = 260)]
        [ClipLoss(Temperature = 0.1)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.005)]
        [Training(BatchSize = 16, Epochs = 1, Seed = 3)]
        public partial class Clip
        {
            [Encoder(OutputDim = 16, Input = Modality.Image)]
            [Projection(Output = 8)]
            {{imageSteps}}
            public static nn.Module<Tensor, Tensor> ImageEncoder() => {{TaskCompiler.ConvEncoder}};

            [Encoder(OutputDim = 16, Input = Modality.Text)]
            [Projection(Output = 8)]
            [MaskTokens(Probability = 0.1)]
            public static nn.Module<Tensor, Tensor> TextEncoder() => Backbones.TransformerEncoder(vocabSize: 260, maxLength: 12, width: 16, outputDim: 16, depth: 1, heads: 2);
        }
        """;

    [Fact]
    public void LowersItsLossAndThenClassifiesTheImagesByTheirCaptionsZeroShot()
    {
        var assembly = TaskCompiler.Load(Source("[HorizontalFlip]"));
        var batch = Pairs(out var tokenizer);
        var trainerType = TaskCompiler.Nested(assembly, "Tiny.Clip", "Trainer");
        using var trainer = (IDisposable)Activator.CreateInstance(trainerType, new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        var step = trainerType.GetMethod("Step", new[] { batch.GetType() })!;
        var losses = Enumerable.Range(0, 120).Select(_ => (float)step.Invoke(trainer, new object[] { batch })!).ToArray();
        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
        Assert.True(losses.Skip(115).Average() < 0.5 * losses.Take(5).Average(), $"{losses.Take(5).Average()} -> {losses.Skip(115).Average()}");

        // ln 16 (chance over the batch) is where the loss starts.
        Assert.InRange(losses[0], Math.Log(16) - 0.5, Math.Log(16) + 0.5);

        var model = trainerType.GetProperty("Model")!.GetValue(trainer)!;
        var zeroShot = TaskCompiler.Nested(assembly, "Tiny.Clip", "ZeroShot");
        using var classifier = (ZeroShotClassifier)zeroShot.GetMethod("Classifier")!.Invoke(null, new object[] { model, tokenizer, Names, new[] { "a {name}" } })!;
        var predicted = (Tensor)zeroShot.GetMethod("Predict")!.Invoke(null, new object[] { model, classifier, batch.First })!;
        Assert.Equal(batch.First.Labels!.data<long>().ToArray(), predicted.data<long>().ToArray());

        // The logit scale learned and stayed within CLIP's clamp.
        var scale = (LogitScale)model.GetType().GetProperty("LogitScale")!.GetValue(model)!;
        Assert.InRange(scale.Value, 1.0, 100.0);
    }

    [Fact]
    public void AnImageOnlyBatchIsACompileError()
    {
        const string use = """
            using SslDsl;
            using TorchSharp;

            namespace Tiny;

            public static class Use
            {
                public static float Run(Clip.Trainer trainer) => trainer.Step(new ImageBatch(torch.zeros(16, 1, 8, 8)));
            }
            """;
        var run = GeneratorHarness.Generate(Source(), use);
        var errors = run.CompilationProblems.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var error = Assert.Single(errors);
        Assert.Equal("CS1503", error.Id);
        Assert.Contains("PairedBatch<SslDsl.ImageBatch, SslDsl.TokenBatch>", error.GetMessage());
    }
}
