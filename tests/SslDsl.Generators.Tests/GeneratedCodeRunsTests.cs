using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>Generated code compiles without warnings and trains: it is compiled in memory, loaded and run.</summary>
public class GeneratedCodeRunsTests
{
    private static readonly Lazy<Assembly> Tiny = new(() =>
    {
        var run = GeneratorHarness.Generate(TaskSources.TinyTask);
        Assert.Empty(run.CompilationProblems);
        return GeneratorHarness.Load(run.Output);
    });

    private static Type Nested(string name) => Tiny.Value.GetType("Tiny.TinyTask+" + name, throwOnError: true)!;

    [Fact]
    public void TrainingStepOnATinyBatchReturnsTheNtXentLossAndLowersIt()
    {
        var options = new TrainingOptions { Device = torch.CPU, ShowProgress = false };
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(Nested("Trainer"), options)!;
        // Sixteen distinct images (a bright square at a different place in each, plus noise), so matching
        // two crops of the same image against the other 15 is learnable.
        var gen = new torch.Generator(11);
        using var images = torch.rand(new long[] { 16, 1, 8, 8 }, generator: gen) * 0.2;
        for (int i = 0; i < 16; i++)
        {
            images[i, 0, (i / 4) * 2, (i % 4) * 2] = 1f;
            images[i, 0, (i / 4) * 2, (i % 4) * 2 + 1] = 1f;
            images[i, 0, (i / 4) * 2 + 1, (i % 4) * 2] = 1f;
            images[i, 0, (i / 4) * 2 + 1, (i % 4) * 2 + 1] = 1f;
        }

        var batch = new ImageBatch(images);

        float first = trainer.Step(batch);

        // At initialization NT-Xent over 2N = 32 views lies near log(2N - 1) = log 31 = 3.434
        // (uniform similarities) and can never exceed log(2N - 1) + 2 / temperature = 3.434 + 4.
        Assert.True(float.IsFinite(first));
        Assert.InRange(first, 0.0, Math.Log(31) + 2 / 0.5);
        Assert.Equal(1, trainer.GlobalStep);

        float last = first;
        for (int i = 0; i < 30; i++)
        {
            last = trainer.Step(batch);
        }

        Assert.True(last < first - 0.1, $"loss went from {first} to {last}");
    }

    [Fact]
    public void FitRunsAnEpochAndFineTunerReportsAccuracy()
    {
        var options = new TrainingOptions { Device = torch.CPU, ShowProgress = false, Epochs = 1 };
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(Nested("Trainer"), options)!;
        var gen = new torch.Generator(5);
        // Two classes: bright left half vs bright right half.
        var labels = torch.randint(0, 2, new long[] { 64 }, generator: gen);
        var images = torch.rand(new long[] { 64, 1, 8, 8 }, generator: gen) * 0.2;
        var left = torch.zeros(1, 1, 8, 8);
        left[.., .., .., ..4] = 0.8f;
        images += torch.where(labels.eq(0).view(-1, 1, 1, 1), left, left.flip(3));
        using var data = new Dataset<ImageBatch>(new[] { images }, labels);

        var fit = trainer.Fit(data);
        Assert.Single(fit.Epochs);
        Assert.Equal(4, fit.Epochs[0].Steps);

        var model = trainer.GetType().GetProperty("Model")!.GetValue(trainer)!;
        var settings = new FineTuneSettings(Classes: 2, FineTuneMode.LinearProbe, UnfreezeLastLayers: 0, Epochs: 10, LearningRate: 0.05, EncoderLearningRateScale: 0.1, BatchSize: 16);
        using var tuner = (FineTuner<ImageBatch>)Activator.CreateInstance(Nested("FineTuner"), model, settings, new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        var result = tuner.Fit(data, data);
        Assert.Equal(FineTuneMode.LinearProbe, result.Mode);
        Assert.True(result.Test!.Accuracy > 0.9, $"probe accuracy {result.Test.Accuracy} ({result.Test}, train {result.Train}, losses {string.Join(",", result.EpochLosses)})");
    }

    [Fact]
    public void DescribeListsTheResolvedTask()
    {
        string text = (string)Tiny.Value.GetType("Tiny.TinyTask")!.GetMethod("Describe")!.Invoke(null, null)!;
        Assert.Contains("Pretext task 'tiny-simclr' (TinyTask)", text);
        Assert.Contains("1. RandomResizedCrop(MinScale = 0.5, MaxScale = 1.0", text);
        Assert.Contains("2. HorizontalFlip(P = 0.5) [every view]", text);
        Assert.Contains("NtXentLoss(Temperature = 0.5)", text);
        Assert.Contains("Optimizer(Kind = Adam, LearningRate = 0.01", text);
        Assert.Contains("BatchSize = 16, Epochs = 1, Seed = 3", text);
    }

    [Fact]
    public void DeclaredSettingsCarryTheAttributeValues()
    {
        var settings = (TrainingSettings)Tiny.Value.GetType("Tiny.TinyTask")!.GetProperty("DeclaredTraining")!.GetValue(null)!;
        Assert.Equal(new TrainingSettings("tiny-simclr", 16, 1, 3, 0.0,
            new OptimizerSettings(OptimizerKind.Adam, 0.01, 0.0, 0.9),
            new ScheduleSettings(ScheduleKind.Constant, 0, 0, 30, 0.1)), settings);
    }

    [Fact]
    public void PassingTheWrongBatchTypeIsACompileError()
    {
        const string misuse = """
            using SslDsl;
            using static TorchSharp.torch;
            static class Misuse
            {
                static void Run(Tiny.TinyTask.Trainer trainer) =>
                    trainer.Step(new TokenBatch(zeros(2, 4, ScalarType.Int64), ones(2, 4, ScalarType.Int64)));
            }
            """;
        var run = GeneratorHarness.Generate(TaskSources.TinyTask, misuse);
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.Contains(errors, e => e.Id == "CS1503" && e.GetMessage().Contains("TokenBatch"));
    }
}
