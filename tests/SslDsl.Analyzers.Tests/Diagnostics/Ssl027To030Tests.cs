using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// SSL027 (multi-crop), SSL028 (DINO's teacher temperature), SSL029 (a method's heads), SSL030 (support set and
/// queue sizes), and the existing IDs the new attributes raise (SSL008, SSL009, SSL025).
/// </summary>
public class Ssl027To030Tests
{
    internal const string Dino = """
        [PretextTask("dino")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 6)]
        [HorizontalFlip]
        [DinoHead(Hidden = 512, Bottleneck = 128, Output = 4096)]
        [MomentumEncoder(Momentum = 0.996)]
        [DinoLoss(StudentTemperature = 0.1, TeacherTemperature = 0.04)]
        """;

    internal const string Swav = """
        [PretextTask("swav")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 4)]
        [ColorJitter(Brightness = 0.4, Contrast = 0.4)]
        [ProjectionHead(Hidden = 256, Output = 128)]
        [SwavLoss(Prototypes = 300, QueueSize = 2560)]
        [Training(BatchSize = 256)]
        """;

    internal const string Siamese = """
        [PretextTask("siamese")]
        [ImageInput]
        [Views(2)]
        [RandomResizedCrop]
        [ProjectionHead(Hidden = 256, Output = 128)]
        """;

    /// <summary>SimCLR's loss, which compares views of one size, with [MultiCrop] (SSL027 on the loss).</summary>
    internal const string MultiCropSimClr = """
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [MultiCrop(GlobalSize = 28, LocalSize = 12, LocalViews = 2)]
        [ProjectionHead(Hidden = 256, Output = 128)]
        [NtXentLoss(Temperature = 0.5)]
        """;

    /// <summary>SwAV on a table with [MultiCrop] (SSL013 on [MultiCrop]); its encoder is <see cref="TableEncoder"/>.</summary>
    internal const string TabularSwav = """
        [PretextTask("t")]
        [TabularInput(Features = 8)]
        [MultiCrop(GlobalSize = 8, LocalSize = 4)]
        [FeatureCorruption]
        [ProjectionHead(Hidden = 64, Output = 32)]
        [SwavLoss(Prototypes = 10)]
        """;

    /// <summary>An encoder member for <see cref="TabularSwav"/>'s rows of 8 features.</summary>
    internal const string TableEncoder = """
            [Encoder(OutputDim = 16)]
            static nn.Module<Tensor, Tensor> Encoder() => nn.Linear(8, 16);

        """;

    public static readonly string FailingMultiCrop = Sources.Task(Dino.Replace("LocalSize = 12", "{|SSL027:LocalSize = 28|}"));

    public static readonly string FailingTeacherTemperature = Sources.Task(Dino.Replace("TeacherTemperature = 0.04", "{|SSL028:TeacherTemperature = 0.2|}"));

    public static readonly string FailingHeads = Sources.Task(Dino.Replace("[MomentumEncoder(Momentum = 0.996)]\n", "").Replace("[DinoLoss(", "[{|SSL029:DinoLoss(").Replace("0.04)]", "0.04)|}]"));

    public static readonly string FailingMemory = Sources.Task(Swav.Replace("QueueSize = 2560", "{|SSL030:QueueSize = 1000|}"));

    [Fact]
    public Task DinoWithMultiCropIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Dino));

    [Fact]
    public Task SwavWithMultiCropAndAQueueIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Swav));

    [Fact]
    public Task ALocalCropNotSmallerThanTheGlobalOneIsReported() => AnalyzerTest.VerifyAsync(FailingMultiCrop);

    [Fact]
    public Task AGlobalCropSizeBelowTheDefaultLocalSizeIsReportedOnIt() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("GlobalSize = 28, LocalSize = 12", "{|SSL027:GlobalSize = 28|}")));

    [Fact]
    public Task MultiCropBesideViewsAndRandomResizedCropIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("[HorizontalFlip]", "[{|SSL027:Views(8)|}]\n[{|SSL027:RandomResizedCrop|}]")));

    [Fact]
    public Task MultiCropWithALossOfOneViewSizeIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        MultiCropSimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[{|SSL027:NtXentLoss(Temperature = 0.5)|}]")));

    [Fact]
    public Task MultiCropWithTheMlpBackboneIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Swav + "\n[Backbone({|SSL027:BackboneKind.Mlp|}, OutputDim = 128)]", members: ""));

    [Fact]
    public Task MultiCropOnAnotherModalityIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        TabularSwav.Replace("[MultiCrop(GlobalSize = 8, LocalSize = 4)]", "[{|SSL013:MultiCrop(GlobalSize = 8, LocalSize = 4)|}]"), members: TableEncoder));

    [Fact]
    public Task TooManyLocalCropsAreReported() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("LocalViews = 6", "{|SSL026:LocalViews = 63|}")));

    [Fact]
    public Task OutOfOrderCropScalesAreReported() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("LocalViews = 6", "LocalViews = 6, {|SSL026:LocalMinScale = 0.5|}, LocalMaxScale = 0.3")));

    [Fact]
    public Task ATeacherTemperatureAboveTheStudentsIsReported() => AnalyzerTest.VerifyAsync(FailingTeacherTemperature);

    [Fact]
    public Task AWarmupTeacherTemperatureEqualToTheStudentsIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("TeacherTemperature = 0.04)", "TeacherTemperature = 0.04, {|SSL028:WarmupTeacherTemperature = 0.1|})")));

    [Fact]
    public Task ANonPositiveStudentTemperatureIsReportedWithItsName() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("StudentTemperature = 0.1", "{|SSL008:StudentTemperature = 0|}")));

    [Fact]
    public Task ACentreMomentumOutsideTheOpenUnitIntervalIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("TeacherTemperature = 0.04)", "TeacherTemperature = 0.04, {|SSL009:CenterMomentum = 1.0|})")));

    [Fact]
    public Task ACentreMomentumOfZeroIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Dino.Replace("TeacherTemperature = 0.04)", "TeacherTemperature = 0.04, {|SSL009:CenterMomentum = 0|})")));

    [Fact]
    public Task DinoWithoutMomentumEncoderIsReported() => AnalyzerTest.VerifyAsync(FailingHeads);

    [Fact]
    public Task SimSiamWithoutPredictorAndWithMomentumEncoderIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Siamese + "\n[MomentumEncoder]\n[{|SSL029:SimSiamLoss|}]"));

    [Fact]
    public Task SimSiamWithPredictorIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Siamese + "\n[PredictorHead(Hidden = 256, Output = 128)]\n[SimSiamLoss]"));

    [Fact]
    public Task MocoV3WithAQueueIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Siamese + "\n[PredictorHead(Hidden = 256, Output = 128)]\n[MomentumEncoder(Momentum = 0.99)]\n[NegativeQueue(Size = 4096)]\n[{|SSL029:MocoV3Loss|}]\n[Training(BatchSize = 256)]"));

    [Fact]
    public Task MocoV3WithPredictorAndMomentumEncoderIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Siamese + "\n[PredictorHead(Hidden = 256, Output = 128)]\n[MomentumEncoder(Momentum = 0.99, FinalMomentum = 1.0)]\n[MocoV3Loss(Temperature = 0.2)]"));

    [Fact]
    public Task NnclrAndSwavWithAMomentumEncoderAreReported() => AnalyzerTest.VerifyAsync(
        Sources.Task(Siamese + "\n[MomentumEncoder]\n[{|SSL029:NnclrLoss(SupportSetSize = 4096)|}]\n[Training(BatchSize = 256)]"));

    [Fact]
    public Task DclAndDclwAreValidAndTheirTemperaturesChecked() => AnalyzerTest.VerifyAsync(
        Sources.Task(Siamese + "\n[DclLoss(Temperature = 0.1)]", name: "A")
        + Sources.Task(Siamese.Replace("\"siamese\"", "\"b\"") + "\n[DclwLoss({|SSL008:Temperature = 0|}, {|SSL026:Sigma = -1|})]", name: "B").Replace(Sources.Usings, ""));

    [Fact]
    public Task ASwavQueueNotAMultipleOfTheBatchIsReported() => AnalyzerTest.VerifyAsync(FailingMemory);

    [Fact]
    public Task ANegativeSwavQueueIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Swav.Replace("QueueSize = 2560", "{|SSL030:QueueSize = -256|}")));

    [Fact]
    public Task ASupportSetSmallerThanABatchIsReported() => AnalyzerTest.VerifyAsync(
        Sources.Task(Siamese + "\n[NnclrLoss({|SSL030:SupportSetSize = 100|})]\n[Training(BatchSize = 256)]"));

    [Fact]
    public Task AccumulationBelowOneIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[Training(BatchSize = 64, {|SSL025:AccumulateSteps = 0|})]"));

    [Fact]
    public Task AccumulationOfFourIsValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[Training(BatchSize = 64, AccumulateSteps = 4)]"));
}
