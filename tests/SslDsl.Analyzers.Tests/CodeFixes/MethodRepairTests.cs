using System.Threading.Tasks;
using SslDsl.Analyzers.CodeFixes;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The repairs of the multi-crop and method diagnostics beyond the catalogue's: the heads a method needs added
/// and the ones it cannot use removed (SSL029), [MultiCrop] with what it cannot go with (SSL027, SSL013), DINO's
/// temperatures (SSL028, SSL008), the number of local crops (SSL026) and the memories' sizes (SSL030).
/// </summary>
public class MethodRepairTests
{
    private const string Siamese = Ssl027To030Tests.Siamese;

    /// <summary>The primary repair; <paramref name="title"/> null where the diagnostics' actions have different titles.</summary>
    private static Task Verify(string wrong, string fixedSource, string? title) =>
        CodeFixTest<RepairCodeFixProvider>.VerifyAsync(wrong, fixedSource, null, title);

    [Fact]
    public Task DinoGetsItsHeadAndAMomentumEncoderRisingToOneBeforeTheLoss() => Verify(
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
            """),
        "Add [MomentumEncoder(Momentum = 0.996, FinalMomentum = 1.0)] and [DinoHead]");

    [Fact]
    public Task MocoV3LosesItsQueue() => Verify(
        Sources.Task(Siamese + "\n[PredictorHead(Hidden = 256, Output = 128)]\n[MomentumEncoder(Momentum = 0.99)]\n[NegativeQueue(Size = 4096)]\n[{|SSL029:MocoV3Loss|}]\n[Training(BatchSize = 256)]"),
        Sources.Task(Siamese + "\n[PredictorHead(Hidden = 256, Output = 128)]\n[MomentumEncoder(Momentum = 0.99)]\n[MocoV3Loss]\n[Training(BatchSize = 256)]"),
        "Remove [NegativeQueue]");

    [Fact]
    public Task MocoV3GetsBothHeadsAfterTheProjection() => Verify(
        Sources.Task(Siamese + "\n[{|SSL029:MocoV3Loss|}]"),
        Sources.Task(Siamese + "\n[MomentumEncoder(Momentum = 0.99, FinalMomentum = 1.0)]\n[PredictorHead(Hidden = 256, Output = 128)]\n[MocoV3Loss]"),
        "Add [MomentumEncoder(Momentum = 0.99, FinalMomentum = 1.0)] and [PredictorHead(Hidden = 256, Output = 128)]");

    [Fact]
    public Task ViewsAndARandomCropBesideMultiCropAreRemoved() => Verify(
        Sources.Task(Ssl027To030Tests.Dino.Replace("[HorizontalFlip]", "[{|SSL027:Views(8)|}]\n[{|SSL027:RandomResizedCrop|}]\n[HorizontalFlip]")),
        Sources.Task(Ssl027To030Tests.Dino),
        null);

    [Fact]
    public Task MultiCropGivesWayToTwoRandomCropsForALossOfOneViewSize() => Verify(
        Sources.Task(Ssl027To030Tests.MultiCropSimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[{|SSL027:NtXentLoss(Temperature = 0.5)|}]")),
        Sources.Task(Ssl027To030Tests.MultiCropSimClr.Replace("[MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 2)]", "[Views(2)]\n[RandomResizedCrop]")),
        "Replace [MultiCrop] by [Views(2)] and [RandomResizedCrop]");

    [Fact]
    public Task MultiCropBesideARandomCropForALossOfOneViewSizeGoes() => Verify(
        Sources.Task(Ssl027To030Tests.MultiCropSimClr.Replace("[ProjectionHead", "[{|SSL027:RandomResizedCrop|}]\n[ProjectionHead").Replace("[NtXentLoss(Temperature = 0.5)]", "[{|SSL027:NtXentLoss(Temperature = 0.5)|}]")),
        Sources.Task(Ssl027To030Tests.MultiCropSimClr.Replace("[MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 2)]", "[Views(2)]").Replace("[ProjectionHead", "[RandomResizedCrop]\n[ProjectionHead")),
        "Replace [MultiCrop] by [Views(2)]");

    [Fact]
    public Task TheMlpBackboneBecomesAConvolutionalOne() => Verify(
        Sources.Task(Ssl027To030Tests.Swav + "\n[Backbone({|SSL027:BackboneKind.Mlp|}, OutputDim = 128)]", members: ""),
        Sources.Task(Ssl027To030Tests.Swav + "\n[Backbone(BackboneKind.SmallCnn, OutputDim = 128)]", members: ""),
        "Use BackboneKind.SmallCnn");

    [Fact]
    public Task AGlobalSizeBelowTheDefaultLocalSizeGetsALocalSize() => Verify(
        Sources.Task(Ssl027To030Tests.Dino.Replace("GlobalSize = 28, LocalSize = 12", "{|SSL027:GlobalSize = 28|}")),
        Sources.Task(Ssl027To030Tests.Dino.Replace("GlobalSize = 28, LocalSize = 12, LocalViews = 6", "GlobalSize = 28, LocalViews = 6, LocalSize = 12")),
        "Set LocalSize = 12 (96/224 of GlobalSize)");

    [Fact]
    public Task MultiCropOnATableGivesWayToTwoViews() => Verify(
        Sources.Task(Ssl027To030Tests.TabularSwav.Replace("[MultiCrop(GlobalSize = 8, LocalSize = 4)]", "[{|SSL013:MultiCrop(GlobalSize = 8, LocalSize = 4)|}]"), members: Ssl027To030Tests.TableEncoder),
        Sources.Task(Ssl027To030Tests.TabularSwav.Replace("[MultiCrop(GlobalSize = 8, LocalSize = 4)]", "[Views(2)]"), members: Ssl027To030Tests.TableEncoder),
        "Replace [MultiCrop] by [Views(2)]");

    [Theory]
    [InlineData("LocalViews = 6", "{|SSL026:LocalViews = 63|}", "LocalViews = 62", "Clamp LocalViews to 62")]
    [InlineData("TeacherTemperature = 0.04)", "TeacherTemperature = 0.04, {|SSL028:WarmupTeacherTemperature = 0.1|})", "TeacherTemperature = 0.04, WarmupTeacherTemperature = 0.04)", "Set WarmupTeacherTemperature = 0.04")]
    [InlineData("StudentTemperature = 0.1, TeacherTemperature = 0.04", "StudentTemperature = 0.05, {|SSL028:TeacherTemperature = 0.05|}", "StudentTemperature = 0.05, TeacherTemperature = 0.02", "Set TeacherTemperature = 0.02")]
    [InlineData("StudentTemperature = 0.1", "{|SSL008:StudentTemperature = 0|}", "StudentTemperature = 0.1", "Set StudentTemperature = 0.1 (the default)")]
    public Task DinoValuesTakeTheValueTheMessageProposes(string valid, string wrong, string repaired, string title) => Verify(
        Sources.Task(Ssl027To030Tests.Dino.Replace(valid, wrong)),
        Sources.Task(Ssl027To030Tests.Dino.Replace(valid, repaired)),
        title);

    [Theory]
    [InlineData("[SwavLoss(Prototypes = 300, {|SSL030:QueueSize = -256|})]", "[SwavLoss(Prototypes = 300, QueueSize = 0)]", "Set QueueSize = 0 (no queue)")]
    [InlineData("[NnclrLoss({|SSL030:SupportSetSize = 100|})]", "[NnclrLoss(SupportSetSize = 256)]", "Set SupportSetSize = 256 (1 batch)")]
    public Task MemoriesTakeTheNearestValidSize(string wrong, string repaired, string title) => Verify(
        Sources.Task(Siamese + "\n" + wrong + "\n[Training(BatchSize = 256)]"),
        Sources.Task(Siamese + "\n" + repaired + "\n[Training(BatchSize = 256)]"),
        title);
}
