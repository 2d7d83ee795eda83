using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL010 (joint embedding with one view), SSL011 (identical views), SSL012 (reconstruction without corruption).</summary>
public class Ssl010To012ViewTests
{
    public static readonly string FailingNoViews = Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [HorizontalFlip]
        [{|SSL010:NtXentLoss|}]
        """);

    public static readonly string FailingIdenticalViews = Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [{|SSL011:Views(2)|}]
        [NtXentLoss]
        """);

    public static readonly string FailingIdentityReconstruction = Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [Decoder]
        [{|SSL012:ReconstructionLoss|}]
        """);

    [Fact]
    public Task MissingViewsIsReportedOnTheObjective() => AnalyzerTest.VerifyAsync(FailingNoViews);

    [Fact]
    public Task OneViewIsReportedOnTheCount() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [Views({|SSL010:1|})]
        [HorizontalFlip]
        [BarlowTwinsLoss]
        """));

    [Fact]
    public Task OneViewPassedByNameIsReportedOnTheArgument() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [Views({|SSL010:count: 1|})]
        [HorizontalFlip]
        [NtXentLoss]
        """));

    [Fact]
    public Task TwoObjectivesWithOneViewAreReportedOnce() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [HorizontalFlip]
        [{|SSL010:NtXentLoss|}]
        [VicRegLoss]
        """));

    [Fact]
    public Task TwoViewsAreValid() => AnalyzerTest.VerifyAsync(FailingNoViews.Replace("[ImageInput]", "[ImageInput]\n[Views(2)]").Replace("{|SSL010:NtXentLoss|}", "NtXentLoss"));

    [Fact]
    public Task ViewsWithoutRandomAugmentationAreReported() => AnalyzerTest.VerifyAsync(FailingIdenticalViews);

    [Fact]
    public Task NormalizeAloneIsNotRandom() => AnalyzerTest.VerifyAsync(FailingIdenticalViews.Replace("[NtXentLoss]", "[Normalize]\n[NtXentLoss]"));

    [Fact]
    public Task OneRandomAugmentationMakesViewsDiffer() => AnalyzerTest.VerifyAsync(FailingIdenticalViews.Replace("{|SSL011:Views(2)|}", "Views(2)").Replace("[NtXentLoss]", "[GaussianNoise(Std = 0.1)]\n[NtXentLoss]"));

    [Fact]
    public Task ReconstructionWithoutCorruptionIsReported() => AnalyzerTest.VerifyAsync(FailingIdentityReconstruction);

    [Fact]
    public Task ReconstructionWithNoiseIsValid() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [GaussianNoise(Std = 0.2)]
        [Decoder]
        [ReconstructionLoss(MaskedOnly = false)]
        """));
}
