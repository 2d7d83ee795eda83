using System;
using System.Collections.Generic;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Generators.Tests;

/// <summary>
/// The generated step runs the model's networks through <c>call</c>, so hooks registered on them run: the
/// convolution guard's checks (AMD oneDNN faults), <c>CheckNumerics</c>' record of leaf outputs and the
/// distributed BatchNorm synchronisation all hang on module hooks, and <c>forward</c> bypasses them. An encoder or
/// head that is itself one layer (a bare Linear head, a bare convolution) was invisible to them before.
/// </summary>
public class ModuleHooksTests
{
    public static TheoryData<string> ImageFamilies() => new()
    {
        "SimClrThreeViews", "MocoV3", "Dino", "Swav", "Mae", "Denoising", "InpaintingAdversarial", "Rotation", "Jigsaw", "RotationWithSimClr",
    };

    [Theory]
    [MemberData(nameof(ImageFamilies))]
    public void EveryNetworkOfTheModelRunsItsForwardHooksInTheObjective(string family)
    {
        var assembly = TaskCompiler.Load(FamilySources.All[family]);
        var modelType = TaskCompiler.Nested(assembly, $"Snapshots.{family}", "Model");
        var pipelineType = TaskCompiler.Nested(assembly, $"Snapshots.{family}", "Pipeline");
        using var model = (nn.Module)Activator.CreateInstance(modelType)!;
        using var pipeline = (IDisposable)Activator.CreateInstance(pipelineType, CPU, 7L)!;
        using var images = rand(new long[] { 16, 1, 8, 8 }, generator: new Generator(2));

        // Every one-tensor network the model holds (encoder, projection, heads, momentum copies) gets a hook that
        // counts its calls; the model's own modules that hold state but compute nothing in the step are not networks.
        var calls = new Dictionary<string, int>();
        var networks = model.named_children().Where(c => c.module is nn.Module<Tensor, Tensor>).ToList();
        Assert.Contains(networks, c => c.name == "encoder");
        var hooks = networks.Select(c =>
        {
            calls[c.name] = 0;
            return ((nn.Module<Tensor, Tensor>)c.module).register_forward_hook((m, input, output) =>
            {
                calls[c.name]++;
                return output;
            });
        }).ToList();
        try
        {
            var terms = (LossTerms)TaskCompiler.Nested(assembly, $"Snapshots.{family}", "Trainer").GetMethod("Objective")!
                .Invoke(null, new object[] { model, pipeline, new ImageBatch(images) })!;
            Assert.True(float.IsFinite(terms.Total.item<float>()));
        }
        finally
        {
            hooks.ForEach(h => h.remove());
        }

        var silent = calls.Where(c => c.Value == 0).Select(c => c.Key).ToList();
        Assert.True(silent.Count == 0, $"{family}: the step ran {string.Join(", ", silent)} without its forward hooks (of {string.Join(", ", calls.Keys)})");
    }

    [Fact]
    public void EmbeddingAndFineTuningRunTheEncodersForwardHooks()
    {
        var assembly = TaskCompiler.Load(FamilySources.All["SimClrThreeViews"]);
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(TaskCompiler.Nested(assembly, "Snapshots.SimClrThreeViews", "Trainer"),
            new TrainingOptions { Device = CPU, ShowProgress = false, Log = System.IO.TextWriter.Null })!;
        var encoder = (nn.Module<Tensor, Tensor>)trainer.Network.GetType().GetProperty("Encoder")!.GetValue(trainer.Network)!;
        long rows = 0;
        var hook = encoder.register_forward_hook((m, input, output) =>
        {
            rows += output.shape[0];
            return output;
        });
        try
        {
            var labels = arange(24L).remainder(3);
            using var data = new Dataset<ImageBatch>(new[] { rand(new long[] { 24, 1, 8, 8 }, generator: new Generator(5)) }, labels);

            using (var embeddings = trainer.Embed(data))
            {
                Assert.Equal(new long[] { 24, 16 }, embeddings.shape);
            }

            Assert.Equal(24, rows);

            // A full fine-tune trains through the encoder: its hook sees at least the 2 epochs of 24 rows.
            rows = 0;
            using var tuner = new FineTuner<ImageBatch>(encoder, 16, new FineTuneSettings(Classes: 3, FineTuneMode.Full, UnfreezeLastLayers: 0, Epochs: 2, LearningRate: 0.01, EncoderLearningRateScale: 1, BatchSize: 8),
                new TrainingOptions { Device = CPU, ShowProgress = false, Seed = 1 });
            tuner.Fit(data);
            Assert.True(rows >= 2 * 24, $"the encoder's hook saw {rows} rows in a 2-epoch fine-tune of 24");
        }
        finally
        {
            hook.remove();
        }
    }
}
