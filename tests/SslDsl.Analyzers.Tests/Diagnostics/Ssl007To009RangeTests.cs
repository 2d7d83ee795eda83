using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL007 (probability, ratio or rate out of range), SSL008 (temperature), SSL009 (momentum).</summary>
public class Ssl007To009RangeTests
{
    public static readonly string FailingProbability = Sources.SimClrWith("[VerticalFlip({|SSL007:P = 1.2|})]");

    public static readonly string FailingTemperature = Sources.Task(Sources.SimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[NtXentLoss({|SSL008:Temperature = 0|})]"));

    public static readonly string FailingMomentum = Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [Views(2)]
        [HorizontalFlip]
        [ProjectionHead(Output = 128)]
        [PredictorHead(Output = 128)]
        [MomentumEncoder({|SSL009:Momentum = 1.0|})]
        [ByolLoss]
        """);

    [Fact]
    public Task ProbabilityAboveOneIsReportedOnTheArgument() => AnalyzerTest.VerifyAsync(FailingProbability);

    [Fact]
    public Task ProbabilityBoundsAreValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[VerticalFlip(P = 1.0)]\n[GaussianNoise(P = 0.0)]"));

    [Fact]
    public Task MaskRatioOfOneIsOutsideTheOpenRange() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [PatchMask({|SSL007:Ratio = 1.0|})]
        [Decoder]
        [ReconstructionLoss]
        """));

    [Fact]
    public Task MaskRatioInsideTheOpenRangeIsValid() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [PatchMask(Ratio = 0.99)]
        [Decoder]
        [ReconstructionLoss]
        """));

    [Fact]
    public Task CropScaleOfZeroIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[RandomResizedCrop({|SSL007:MinScale = 0|})]"));

    [Fact]
    public Task MessageNamesValueRangeAndNearestValue()
    {
        var test = new AnalyzerTest { TestCode = Sources.SimClrWith("[VerticalFlip({|#0:P = 1.2|})]") };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SSL007", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("VerticalFlip.P is 1.2, but a probability must lie in [0, 1]; set it to a value in that range (the nearest valid value is 1)"));
        return test.RunAsync();
    }

    [Fact]
    public Task ZeroTemperatureIsReported() => AnalyzerTest.VerifyAsync(FailingTemperature);

    [Fact]
    public Task SmallPositiveTemperatureIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr.Replace("Temperature = 0.5", "Temperature = 0.05")));

    [Fact]
    public Task MomentumOfOneIsReported() => AnalyzerTest.VerifyAsync(FailingMomentum);

    [Fact]
    public Task MomentumJustBelowOneIsValid() => AnalyzerTest.VerifyAsync(FailingMomentum.Replace("{|SSL009:Momentum = 1.0|}", "Momentum = 0.996"));

    [Fact]
    public Task NegativeOptimizerMomentumIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[Optimizer(OptimizerKind.Sgd, {|SSL009:Momentum = -0.1|})]"));

    [Fact]
    public Task FinalMomentumBelowTheStartIsReported() => AnalyzerTest.VerifyAsync(FailingMomentum.Replace("{|SSL009:Momentum = 1.0|}", "Momentum = 0.99, {|SSL009:FinalMomentum = 0.9|}"));

    [Fact]
    public Task FinalMomentumOfOneIsValid() => AnalyzerTest.VerifyAsync(FailingMomentum.Replace("{|SSL009:Momentum = 1.0|}", "Momentum = 0.99, FinalMomentum = 1.0"));
}
