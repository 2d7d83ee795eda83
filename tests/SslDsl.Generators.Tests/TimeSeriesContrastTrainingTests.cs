using System;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>TS2Vec and a contrastive series task with TS-TCC's permutation: the generated code compiles, wires the method as declared and trains.</summary>
public class TimeSeriesContrastTrainingTests
{
    private const string Ts2VecSource = """
        using SslDsl;

        namespace Tiny;

        [PretextTask("ts2vec")]
        [TimeSeriesInput(Channels = 1, Length = 32)]
        [Scaling(Std = 0.1)]
        [Ts2VecLoss(Alpha = 0.5, TemporalUnit = 0, MaskRatio = 0.5)]
        [Backbone(BackboneKind.DilatedConv, Width = 8, OutputDim = 16, Depth = 2)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        [Training(BatchSize = 16, Epochs = 1, Seed = 3)]
        public partial class Ts2Vec
        {
        }
        """;

    /// <summary>16 sines of random phase and frequency, [16,1,32].</summary>
    private static torch.Tensor Sines()
    {
        using var g = new torch.Generator(8);
        var phase = torch.rand(new long[] { 16, 1, 1 }, generator: g) * 6.28;
        var frequency = torch.rand(new long[] { 16, 1, 1 }, generator: g) * 0.5 + 0.1;
        return (torch.arange(32).view(1, 1, 32) * frequency + phase).sin();
    }

    [Fact]
    public void Ts2VecTrainingLowersTheLoss()
    {
        using var values = Sines();
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(Ts2VecSource), "Tiny.Ts2Vec", new SeriesBatch(values), steps: 60);
        Assert.True(last < first, $"{first} -> {last}");
    }

    [Fact]
    public void Ts2VecObjectiveIsTheHierarchicalLossOfTheCropsOverlap()
    {
        var assembly = TaskCompiler.Load(Ts2VecSource);
        var modelType = TaskCompiler.Nested(assembly, "Tiny.Ts2Vec", "Model");
        var pipelineType = TaskCompiler.Nested(assembly, "Tiny.Ts2Vec", "Pipeline");
        var trainerType = TaskCompiler.Nested(assembly, "Tiny.Ts2Vec", "Trainer");
        using var values = Sines();
        using var model = (torch.nn.Module)Activator.CreateInstance(modelType)!;
        model.eval(); // no dropout: the encoder is a function, called twice below
        using var pipeline = (IDisposable)Activator.CreateInstance(pipelineType, torch.CPU, 7L)!;

        var terms = (LossTerms)trainerType.GetMethod("Objective")!.Invoke(null, new object[] { model, pipeline, new SeriesBatch(values) })!;

        // By hand, with the pipeline's seed: the declared Scaling on the whole series, then the crops and masks.
        using var generator = new torch.Generator(7);
        var scaled = SeriesAugment.Scaling(values, std: 0.1, p: 1.0, generator: generator);
        var crops = SeriesPretext.OverlappingCrops(scaled, temporalUnit: 0, maskRatio: 0.5, generator: generator);
        var encoder = (DilatedConvEncoder)modelType.GetProperty("Encoder")!.GetValue(model)!;
        var first = encoder.EncodeTimestamps(crops.First, crops.FirstKept);
        var second = encoder.EncodeTimestamps(crops.Second, crops.SecondKept);
        var overlapFirst = first.narrow(1, first.shape[1] - crops.Overlap, crops.Overlap);
        var overlapSecond = second.narrow(1, 0, crops.Overlap);
        double expected = Losses.HierarchicalContrastive(overlapFirst, overlapSecond, alpha: 0.5, temporalUnit: 0).item<float>();
        Assert.Equal(expected, terms.Total.item<float>(), 5);
        // The downstream representation is the per-step states max-pooled over time.
        using var pooled = ((torch.nn.Module<torch.Tensor, torch.Tensor>)model).forward(values);
        Assert.True(pooled.allclose(encoder.EncodeTimestamps(values).amax(1)));
    }

    [Fact]
    public void ContrastWithSegmentPermutationLowersTheLoss()
    {
        var source = TaskCompiler.TinyTask("permutedcontrast", "[TimeSeriesInput(Channels = 1, Length = 32)]",
            "nn.Sequential(nn.Conv1d(1, 8, 3, padding: 1), nn.ReLU(), nn.AdaptiveMaxPool1d(1), nn.Flatten(), nn.Linear(8, 16))",
            "[Views(2)] [Jitter(Std = 0.05)] [SegmentPermutation(MaxSegments = 5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss(Temperature = 0.5)]");
        using var values = Sines();
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(source), "Tiny.permutedcontrast", new SeriesBatch(values));
        Assert.True(last < first, $"{first} -> {last}");
    }
}
