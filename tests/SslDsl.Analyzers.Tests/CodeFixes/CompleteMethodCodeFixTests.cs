using System.Threading.Tasks;
using SslDsl.Analyzers.CodeFixes;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL029's fix: the heads a method needs are added, the ones it cannot use removed; SSL027's and SSL030's: the value the analyzer proposes.</summary>
public class CompleteMethodCodeFixTests
{
    private const string Head = """
        [PretextTask("m")]
        [ImageInput]
        [Views(2)]
        [RandomResizedCrop]
        [ProjectionHead(Hidden = 256, Output = 64)]
        """;

    [Fact]
    public Task DinoGetsItsHeadAndAMomentumEncoderRisingToOne() => CodeFixTest<CompleteMethodCodeFixProvider>.VerifyAsync(
        Sources.Task("""
            [PretextTask("dino")]
            [ImageInput]
            [Views(2)]
            [RandomResizedCrop]
            [{|SSL029:DinoLoss|}]
            """),
        Sources.Task("""
            [PretextTask("dino")]
            [ImageInput]
            [Views(2)]
            [RandomResizedCrop]
            [MomentumEncoder(Momentum = 0.996, FinalMomentum = 1.0)]
            [DinoHead]
            [DinoLoss]
            """));

    [Fact]
    public Task SimSiamGetsAPredictorMatchingTheProjectionAndLosesItsMomentumEncoder() => CodeFixTest<CompleteMethodCodeFixProvider>.VerifyAsync(
        Sources.Task(Head + "\n[MomentumEncoder(Momentum = 0.99)]\n[{|SSL029:SimSiamLoss|}]"),
        Sources.Task(Head + "\n[PredictorHead(Hidden = 256, Output = 64)]\n[SimSiamLoss]"));

    [Fact]
    public Task MocoV3LosesItsQueue() => CodeFixTest<CompleteMethodCodeFixProvider>.VerifyAsync(
        Sources.Task(Head + "\n[PredictorHead(Hidden = 256, Output = 64)]\n[MomentumEncoder(Momentum = 0.99)]\n[NegativeQueue(Size = 4096)]\n[{|SSL029:MocoV3Loss|}]\n[Training(BatchSize = 256)]"),
        Sources.Task(Head + "\n[PredictorHead(Hidden = 256, Output = 64)]\n[MomentumEncoder(Momentum = 0.99)]\n[MocoV3Loss]\n[Training(BatchSize = 256)]"));

    [Fact]
    public Task ALocalCropAsLargeAsTheGlobalOneIsShrunk() => CodeFixTest<ClampValueCodeFixProvider>.VerifyAsync(
        Sources.Task("""
            [PretextTask("dino")]
            [ImageInput]
            [MultiCrop(GlobalSize = 28, {|SSL027:LocalSize = 28|})]
            [DinoHead]
            [MomentumEncoder]
            [DinoLoss]
            """),
        Sources.Task("""
            [PretextTask("dino")]
            [ImageInput]
            [MultiCrop(GlobalSize = 28, LocalSize = 12)]
            [DinoHead]
            [MomentumEncoder]
            [DinoLoss]
            """));

    [Fact]
    public Task ASupportSetIsRoundedToAMultipleOfTheBatch() => CodeFixTest<ClampValueCodeFixProvider>.VerifyAsync(
        Sources.Task(Head + "\n[NnclrLoss({|SSL030:SupportSetSize = 1000|})]\n[Training(BatchSize = 256)]"),
        Sources.Task(Head + "\n[NnclrLoss(SupportSetSize = 1024)]\n[Training(BatchSize = 256)]"));
}
