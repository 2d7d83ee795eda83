using System.Threading.Tasks;
using SslDsl.Analyzers.CodeFixes;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL017's fix: the missing [PredictorHead] (Output = the projection's output) and/or [MomentumEncoder].</summary>
public class Ssl017ByolRepairTests
{
    private const string Head = """
        [PretextTask("byol")]
        [ImageInput]
        [Views(2)]
        [RandomResizedCrop]
        [ProjectionHead(Hidden = 256, Output = 64)]
        """;

    [Fact]
    public Task AddsPredictorMatchingTheProjectionAndMomentumEncoder() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Task(Head + "\n[{|SSL017:ByolLoss|}]"),
        Sources.Task(Head + "\n[PredictorHead(Hidden = 256, Output = 64)]\n[MomentumEncoder(Momentum = 0.99)]\n[ByolLoss]"));

    [Fact]
    public Task AddsOnlyTheMissingMomentumEncoder() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Task(Head + "\n[PredictorHead(Hidden = 128, Output = 64)]\n[{|SSL017:ByolLoss|}]"),
        Sources.Task(Head + "\n[MomentumEncoder(Momentum = 0.99)]\n[PredictorHead(Hidden = 128, Output = 64)]\n[ByolLoss]"));

    [Fact]
    public Task AddsOnlyTheMissingPredictor() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Task(Head + "\n[MomentumEncoder(Momentum = 0.996)]\n[{|SSL017:ByolLoss|}]"),
        Sources.Task(Head + "\n[PredictorHead(Hidden = 256, Output = 64)]\n[MomentumEncoder(Momentum = 0.996)]\n[ByolLoss]"));

    [Fact]
    public Task WithoutProjectionThePredictorMatchesTheEncoderAndGoesBeforeTheLoss() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Task("""
            [PretextTask("byol")]
            [ImageInput]
            [Views(2)]
            [RandomResizedCrop]
            [{|SSL017:ByolLoss|}]
            """),
        Sources.Task("""
            [PretextTask("byol")]
            [ImageInput]
            [Views(2)]
            [RandomResizedCrop]
            [PredictorHead(Hidden = 512, Output = 128)]
            [MomentumEncoder(Momentum = 0.99)]
            [ByolLoss]
            """));
}
