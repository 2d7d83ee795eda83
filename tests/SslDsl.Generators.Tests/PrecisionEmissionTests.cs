using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>[Training(Precision = ...)]: what the generator writes for it, and that the trainer it writes runs in it.</summary>
public class PrecisionEmissionTests
{
    private const string Image8 = "[ImageInput(Channels = 1, Height = 8, Width = 8)]";
    private const string SimClr = "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss]";
    private const string Linear = "nn.Sequential(nn.Flatten(), nn.Linear(64, 16))";

    [Theory]
    [InlineData("Auto", "mixed bfloat16 precision where the CPU computes bfloat16 natively")]
    [InlineData("MixedBFloat16", "mixed bfloat16 precision")]
    public void ADeclaredPrecisionIsWrittenIntoTheSettingsTheDescriptionAndTheDocs(string precision, string words)
    {
        string source = TaskCompiler.TinyTask("lowered", Image8, Linear, SimClr)
            .Replace("Epochs = 1, Seed = 3)]", $"Epochs = 1, Seed = 3, Precision = TrainingPrecision.{precision})]", StringComparison.Ordinal);
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        string generated = run.Files.Values.Single(f => f.Contains("DeclaredTraining", StringComparison.Ordinal));
        Assert.Contains($"    Precision: TrainingPrecision.{precision});", generated, StringComparison.Ordinal);
        Assert.Contains($"\"  Training: BatchSize = 16, Epochs = 1, Seed = 3, GradientClip = 0.0, Precision = {precision}\",", generated, StringComparison.Ordinal);
        Assert.Contains($"seed 3, {words}.", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultPrecisionIsLeftUnsaid()
    {
        var run = GeneratorHarness.Generate(TaskCompiler.TinyTask("plain", Image8, Linear, SimClr));
        Assert.Empty(run.CompilationProblems);
        string generated = run.Files.Values.Single(f => f.Contains("DeclaredTraining", StringComparison.Ordinal));
        Assert.DoesNotContain("Precision", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void AccumulationAndPrecisionTogetherCloseTheSettingsOnce()
    {
        string source = TaskCompiler.TinyTask("both", Image8, Linear, SimClr)
            .Replace("Epochs = 1, Seed = 3)]", "Epochs = 1, Seed = 3, AccumulateSteps = 2, Precision = TrainingPrecision.MixedBFloat16)]", StringComparison.Ordinal);
        var assembly = TaskCompiler.Load(source);
        var declared = (TrainingSettings)assembly.GetType("Tiny.both")!.GetProperty("DeclaredTraining")!.GetValue(null)!;
        Assert.Equal(2, declared.AccumulateSteps);
        Assert.Equal(TrainingPrecision.MixedBFloat16, declared.Precision);
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(TaskCompiler.Nested(assembly, "Tiny.both", "Trainer"), new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        Assert.Equal(TrainingPrecision.MixedBFloat16, trainer.Precision);
        using var images = torch.rand(16, 1, 8, 8);
        Assert.True(float.IsFinite(trainer.Step(new ImageBatch(images))));
    }
}
