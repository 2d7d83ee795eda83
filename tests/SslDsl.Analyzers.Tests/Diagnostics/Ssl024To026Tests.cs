using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL024 (duplicate task names), SSL025 (training values), SSL026 (augmentation or loss parameters).</summary>
public class Ssl024To026Tests
{
    public static readonly string FailingDuplicateName = Sources.Task(Sources.SimClr, name: "A")
        + Sources.Task(Sources.SimClr.Replace("[PretextTask(\"t\")]", "[PretextTask({|SSL024:\"t\"|})]"), name: "B").Replace(Sources.Usings, "");

    public static readonly string FailingTraining = Sources.SimClrWith("[Training({|SSL025:BatchSize = 0|}, Epochs = 10)]");

    public static readonly string FailingStrength = Sources.SimClrWith("[GaussianNoise({|SSL026:Std = -0.1|})]");

    [Fact]
    public Task DuplicateNameIsReportedOnTheSecondTask() => AnalyzerTest.VerifyAsync(FailingDuplicateName);

    [Fact]
    public Task DistinctNamesAreValid() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, name: "A")
        + Sources.Task(Sources.SimClr.Replace("\"t\"", "\"u\""), name: "B").Replace(Sources.Usings, ""));

    [Fact]
    public Task ZeroBatchSizeIsReported() => AnalyzerTest.VerifyAsync(FailingTraining);

    [Fact]
    public Task ZeroLearningRateIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[Optimizer(OptimizerKind.Adam, {|SSL025:LearningRate = 0|})]"));

    [Fact]
    public Task UndefinedOptimizerKindIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[Optimizer({|SSL025:(OptimizerKind)9|})]"));

    [Fact]
    public Task TypicalTrainingValuesAreValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("""
        [Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
        [LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
        [Training(BatchSize = 256, Epochs = 10, Seed = 42, GradientClip = 1.0)]
        """));

    [Fact]
    public Task NegativeNoiseIsReported() => AnalyzerTest.VerifyAsync(FailingStrength);

    [Fact]
    public Task MinScaleAboveMaxScaleIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[RandomResizedCrop({|SSL026:MinScale = 0.9|}, MaxScale = 0.5)]"));

    [Fact]
    public Task OnlyMaxScaleBelowTheDefaultMinScaleIsReportedOnMaxScale() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[RandomResizedCrop({|SSL026:MaxScale = 0.05|})]"));

    [Fact]
    public Task UndefinedBackboneKindIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr + "\n[Backbone({|SSL026:(BackboneKind)42|})]", members: ""));

    [Fact]
    public Task ZeroViewsWithoutJointObjectiveIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [Views({|SSL026:0|})]
        [RotationPrediction]
        """));

    /// <summary>Found by the generator fuzz: [Views(int.MaxValue)] made the generator unroll views until it ran out of memory.</summary>
    [Fact]
    public Task HugeViewCountIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr.Replace("[Views(2)]", "[Views({|SSL026:2147483647|})]")));

    [Fact]
    public Task SixtyFourViewsAreValid() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr.Replace("[Views(2)]", "[Views(64)]")));

    [Fact]
    public Task OrderedRangesAndZeroNoiseAreValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[RandomResizedCrop(MinScale = 0.5, MaxScale = 0.5)]\n[GaussianNoise(Std = 0)]\n[RandomRotation(Degrees = 0)]"));
}
