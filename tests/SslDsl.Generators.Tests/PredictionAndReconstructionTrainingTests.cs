using System;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>Reconstruction, transformation-prediction, tabular and forecasting tasks generate, compile and lower their loss.</summary>
public class PredictionAndReconstructionTrainingTests
{
    private const string Image8 = "[ImageInput(Channels = 1, Height = 8, Width = 8)]";
    private const string Image9 = "[ImageInput(Channels = 1, Height = 9, Width = 9)]";

    public static TheoryData<string, string, string> ImageTasks => new()
    {
        { "denoising", Image8, "[GaussianNoise(Std = 0.2)] [Decoder(Hidden = 32, Layers = 1)] [ReconstructionLoss(MaskedOnly = false)]" },
        { "mae", Image8, "[PatchMask(PatchSize = 2, Ratio = 0.75)] [Decoder(Hidden = 32, Layers = 2)] [ReconstructionLoss(NormalizeTargets = true)]" },
        { "inpainting", Image8, "[HorizontalFlip] [BlockMask(Size = 4)] [Decoder(Hidden = 32, Layers = 2)] [ReconstructionLoss] [AdversarialLoss(Weight = 0.01)]" },
        { "rotation", Image8, "[RotationPrediction(Angles = 4)]" },
        { "jigsaw", Image8, "[JigsawPrediction(Grid = 2, Permutations = 6)]" },
        { "relative", Image9, "[RelativePatchPosition(Grid = 3)]" },
        { "rotation-and-simclr", Image8, "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss] [RotationPrediction(Weight = 0.5)]" },
    };

    [Theory]
    [MemberData(nameof(ImageTasks))]
    public void ImageTaskLowersItsLoss(string name, string input, string attributes)
    {
        var assembly = TaskCompiler.Load(TaskCompiler.TinyTask(name, input, TaskCompiler.ConvEncoder, attributes));
        int side = input == Image9 ? 9 : 8;
        // A ramp (dark top-left to bright bottom-right) plus noise: orientation, tile order and
        // neighbour positions are recoverable from the pixels, so every pretext is learnable.
        var ramp = torch.arange(side * side, dtype: torch.ScalarType.Float32).view(1, 1, side, side) / (side * side);
        using var images = (ramp + torch.rand(new long[] { 16, 1, side, side }, generator: new torch.Generator(11)) * 0.2).clamp(0, 1);
        var (first, last) = TrainerHarness.Train(assembly, "Tiny." + name.Replace("-", ""), new ImageBatch(images), steps: 60);
        Assert.True(last < first, $"{name}: {first} -> {last}");
    }

    [Fact]
    public void ScarfOnTabularRowsLowersInfoNce()
    {
        var source = TaskCompiler.TinyTask("scarf", "[TabularInput(Features = 6)]", "nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 16))",
            "[Views(2)] [FeatureCorruption(Rate = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [InfoNceLoss(Temperature = 0.5)]");
        using var rows = torch.randn(new long[] { 16, 6 }, generator: new torch.Generator(4));
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(source), "Tiny.scarf", new TabularBatch(rows));
        Assert.True(last < first, $"{first} -> {last}");
    }

    [Fact]
    public void TabularReconstructionFromCorruptedRowsLowersTheError()
    {
        var source = TaskCompiler.TinyTask("tabular-ae", "[TabularInput(Features = 6)]", "nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 16))",
            "[FeatureCorruption(Rate = 0.3)] [Decoder(Hidden = 32, Layers = 1)] [ReconstructionLoss(MaskedOnly = false)]");
        using var rows = torch.randn(new long[] { 16, 6 }, generator: new torch.Generator(4));
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(source), "Tiny.tabularae", new TabularBatch(rows));
        Assert.True(last < first, $"{first} -> {last}");
    }

    [Fact]
    public void ForecastingASeriesLowersTheError()
    {
        var source = TaskCompiler.TinyTask("forecast", "[TimeSeriesInput(Channels = 1, Length = 16)]",
            "nn.Sequential(nn.Conv1d(1, 8, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(8, 16))",
            "[Jitter(Std = 0.01)] [Scaling(Std = 0.05)] [ForecastLoss(Horizon = 4)]");
        // Sines of random phase: the next steps follow from the window.
        var phase = torch.rand(new long[] { 16, 1, 1 }, generator: new torch.Generator(8)) * 6.28;
        using var values = (torch.arange(16).view(1, 1, 16) * 0.4 + phase).sin();
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(source), "Tiny.forecast", new SeriesBatch(values));
        Assert.True(last < first, $"{first} -> {last}");
    }

    [Fact]
    public void ForecastScalesContextAndFutureByOneFactorAndCorruptsOnlyTheContext()
    {
        var source = TaskCompiler.TinyTask("forecastscaled", "[TimeSeriesInput(Channels = 1, Length = 16)]",
            "nn.Sequential(nn.Conv1d(1, 8, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(8, 16))",
            "[Scaling(Std = 0.5)] [Jitter(Std = 0.5)] [TimeMask(Ratio = 0.5)] [ForecastLoss(Horizon = 4)]");
        var assembly = TaskCompiler.Load(source);
        var modelType = TaskCompiler.Nested(assembly, "Tiny.forecastscaled", "Model");
        var pipelineType = TaskCompiler.Nested(assembly, "Tiny.forecastscaled", "Pipeline");
        var trainerType = TaskCompiler.Nested(assembly, "Tiny.forecastscaled", "Trainer");
        using var values = torch.arange(1, 2 * 16 + 1, dtype: torch.float32).view(2, 1, 16).div(32);
        using var model = (torch.nn.Module)Activator.CreateInstance(modelType)!;
        using var pipeline = (IDisposable)Activator.CreateInstance(pipelineType, torch.CPU, 7L)!;

        var terms = (LossTerms)trainerType.GetMethod("Objective")!.Invoke(null, new object[] { model, pipeline, new SeriesBatch(values) })!;

        // By hand, with the pipeline's seed: one factor per series drawn for the whole window, then noise and a
        // time mask on the first 12 steps; the last 4 steps, scaled by the same factor, are the target.
        using var generator = new torch.Generator(7);
        var scaled = SeriesAugment.Scaling(values, std: 0.5, p: 1.0, generator: generator);
        var factor = scaled / values;
        Assert.True(factor.narrow(-1, 0, 1).sub(1).abs().min().item<float>() > 1e-3, "the drawn factors should differ from 1");
        var context = SeriesAugment.TimeMask(SeriesAugment.Jitter(scaled.narrow(-1, 0, 12), std: 0.5, p: 1.0, generator: generator), ratio: 0.5, p: 1.0, generator: generator);
        var future = values.narrow(-1, 12, 4) * factor.narrow(-1, 12, 4);
        var encoder = (torch.nn.Module<torch.Tensor, torch.Tensor>)modelType.GetProperty("Encoder")!.GetValue(model)!;
        var head = (torch.nn.Module<torch.Tensor, torch.Tensor>)modelType.GetProperty("ForecastHead")!.GetValue(model)!;
        using var predicted = head.forward(encoder.forward(context)).view(-1, 1, 4);
        double expected = predicted.sub(future).pow(2).mean().item<float>();
        Assert.Equal(expected, terms.Total.item<float>(), 5);
    }
}
