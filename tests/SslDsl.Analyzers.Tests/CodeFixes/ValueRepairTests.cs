using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The value each repair writes, case by case: a divisor, the nearest odd kernel, a default, a clamp, a swap,
/// a name; and attributes removed from shared lists or with comments.
/// </summary>
public class ValueRepairTests
{
    private const string Forecast = """
        [PretextTask("t")]
        [TimeSeriesInput(Channels = 1, Length = 64)]
        [Jitter]
        [ForecastLoss(Horizon = 8)]
        """;

    private static readonly string SeriesEncoder = Sources.Encoder.Replace("Backbones.SmallCnn(inChannels: 1, outputDim: 128)", "Backbones.Conv1d(inChannels: 1)");

    private static Task Verify(string wrong, string fixedSource, string title) => RepairSources.Verify(wrong, fixedSource, null, title);

    [Theory]
    [InlineData("[PatchMask({|SSL015:PatchSize = 5|})]", "[PatchMask(PatchSize = 4)]", "Set PatchSize = 4 (divides 28x28)")]
    [InlineData("[BlockMask({|SSL015:Size = 28|})]", "[BlockMask(Size = 14)]", "Set Size = 14 (half of 28x28)")]
    public Task ImageSizesTakeOneThatFits(string wrong, string fixedStep, string title) => Verify(
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", wrong + "\n[Decoder]\n[ReconstructionLoss]\n[NtXentLoss]")),
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", fixedStep + "\n[Decoder]\n[ReconstructionLoss]\n[NtXentLoss]")),
        title);

    [Theory]
    [InlineData("[RotationPrediction({|SSL015:Angles = 3|})]", "[RotationPrediction(Angles = 4)]", "Set Angles = 4 (quarter turns)")]
    [InlineData("[JigsawPrediction({|SSL015:Grid = 3|})]", "[JigsawPrediction(Grid = 2)]", "Set Grid = 2 (divides 28x28)")]
    [InlineData("[JigsawPrediction(Grid = 2, {|SSL015:Permutations = 30|})]", "[JigsawPrediction(Grid = 2, Permutations = 24)]", "Clamp Permutations to 24")]
    public Task PredictionGridsAndClassesTakeOneThatFits(string wrong, string fixedObjective, string title) => Verify(
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", wrong)),
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", fixedObjective)),
        title);

    [Fact]
    public Task RelativePositionGridBecomesThreeWhenThreeDividesTheImage() => Verify(
        Sources.Task(RepairSources.SimClr.Replace("Height = 28, Width = 28", "Height = 27, Width = 27").Replace("[NtXentLoss]", "[RelativePatchPosition({|SSL015:Grid = 4|})]")),
        Sources.Task(RepairSources.SimClr.Replace("Height = 28, Width = 28", "Height = 27, Width = 27").Replace("[NtXentLoss]", "[RelativePatchPosition(Grid = 3)]")),
        "Set Grid = 3 (a centre and 8 neighbours)");

    [Fact]
    public Task HorizonAsLongAsTheSeriesBecomesHalfOfIt() => Verify(
        Sources.Task(Forecast.Replace("Horizon = 8", "{|SSL015:Horizon = 64|}"), SeriesEncoder),
        Sources.Task(Forecast.Replace("Horizon = 8", "Horizon = 32"), SeriesEncoder),
        "Set Horizon = 32 (half the series)");

    [Fact]
    public Task SpanLongerThanTheTextBecomesTheUsualThree() => Verify(
        Sources.Task("[PretextTask(\"t\")]\n[TextInput(MaxLength = 32, VocabSize = 1000)]\n[Backbone(BackboneKind.TransformerEncoder)]\n[SpanMask({|SSL015:MeanSpan = 40|})]\n[MaskedTokenLoss]", members: ""),
        Sources.Task("[PretextTask(\"t\")]\n[TextInput(MaxLength = 32, VocabSize = 1000)]\n[Backbone(BackboneKind.TransformerEncoder)]\n[SpanMask(MeanSpan = 3.0)]\n[MaskedTokenLoss]", members: ""),
        "Set MeanSpan = 3.0");

    [Fact]
    public Task TransformerHeadsBecomeADivisorOfTheWidth() => Verify(
        Sources.Task("[PretextTask(\"t\")]\n[TextInput(MaxLength = 32, VocabSize = 1000)]\n[Backbone(BackboneKind.TransformerEncoder, Width = 64, {|SSL016:Heads = 5|})]\n[MaskTokens]\n[MaskedTokenLoss]", members: ""),
        Sources.Task("[PretextTask(\"t\")]\n[TextInput(MaxLength = 32, VocabSize = 1000)]\n[Backbone(BackboneKind.TransformerEncoder, Width = 64, Heads = 4)]\n[MaskTokens]\n[MaskedTokenLoss]", members: ""),
        "Set Heads = 4 (divides Width 64)");

    [Theory]
    [InlineData("[ProjectionHead({|SSL016:Hidden = 0|})]", "[ProjectionHead(Hidden = 512)]", "Set Hidden = 512 (the default)")]
    [InlineData("[Optimizer(OptimizerKind.Adam, {|SSL025:LearningRate = 0|})]", "[Optimizer(OptimizerKind.Adam, LearningRate = 0.001)]", "Set LearningRate = 0.001 (the default)")]
    [InlineData("[Optimizer({|SSL025:(OptimizerKind)9|})]", "[Optimizer(OptimizerKind.AdamW)]", "Use OptimizerKind.AdamW (the default)")]
    [InlineData("[Optimizer(OptimizerKind.Sgd, {|SSL009:Momentum = 1.5|})]", "[Optimizer(OptimizerKind.Sgd, Momentum = 0.99)]", "Clamp Momentum to 0.99")]
    [InlineData("[LearningRateSchedule(ScheduleKind.WarmupCosine, {|SSL032:WarmupEpochs = 10|})]", "[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 9.0)]", "Shorten WarmupEpochs to 9.0 (below Training.Epochs)")]
    [InlineData("[LearningRateSchedule(ScheduleKind.Cosine, {|SSL025:MinLearningRate = 0.1|})]", "[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 0.0)]", "Set MinLearningRate = 0.0 (the default)")]
    [InlineData("[RandomResizedCrop({|SSL026:MinScale = 0.9|}, MaxScale = 0.5)]", "[RandomResizedCrop(MinScale = 0.5, MaxScale = 0.9)]", "Swap MinScale and MaxScale")]
    [InlineData("[RandomErasing({|SSL026:MaxArea = 0.01|})]", "[RandomErasing(MaxArea = 0.02, MinArea = 0.01)]", "Swap MinArea and MaxArea")]
    [InlineData("[RandomRotation({|SSL026:Degrees = -5|})]", "[RandomRotation(Degrees = 0.0)]", "Clamp Degrees to 0.0")]
    [InlineData("[GaussianBlur({|SSL015:KernelSize = 29|})]", "[GaussianBlur(KernelSize = 27)]", "Set KernelSize = 27 (the largest odd size below 28)")]
    [InlineData("[GaussianBlur({|SSL026:SigmaMin = 0|})]", "[GaussianBlur(SigmaMin = 0.1)]", "Set SigmaMin = 0.1 (the default)")]
    [InlineData("[Normalize({|SSL026:Mean = null|})]", "[Normalize]", "Remove Mean = null (its default is { 0.5 })")]
    [InlineData("[Training(Epochs = 10, {|SSL025:GradientClip = -1|})]", "[Training(Epochs = 10, GradientClip = 0.0)]", "Clamp GradientClip to 0.0")]
    public Task ValuesOutOfRangeTakeTheNearestValidOrTheDefault(string wrong, string fixedAttribute, string title) => Verify(
        Sources.Task(RepairSources.SimClr + "\n" + wrong), Sources.Task(RepairSources.SimClr + "\n" + fixedAttribute), title);

    [Theory]
    [InlineData("[Views({|SSL026:100|})]", "[Views(64)]", "Clamp to [Views(64)]")]
    [InlineData("[Views({|SSL010:1|})]", "[Views(2)]", "Use [Views(2)]")]
    public Task ViewCountsTakeTheNearestValid(string wrong, string fixedViews, string title) => Verify(
        Sources.Task(RepairSources.SimClr.Replace("[Views(2)]", wrong)), Sources.Task(RepairSources.SimClr.Replace("[Views(2)]", fixedViews)), title);

    [Fact]
    public Task NullTaskNameBecomesTheClassName() => Verify(
        Sources.Task(RepairSources.SimClr.Replace("[PretextTask(\"t\")]", "[PretextTask({|SSL026:null|})]"), name: "FashionSimClr"),
        Sources.Task(RepairSources.SimClr.Replace("[PretextTask(\"t\")]", "[PretextTask(\"fashion-sim-clr\")]"), name: "FashionSimClr"),
        "Name the task \"fashion-sim-clr\"");

    [Theory]
    [InlineData("[Backbone({|SSL026:(BackboneKind)9|})]", "[Backbone(BackboneKind.SmallCnn)]", "Use BackboneKind.SmallCnn (the default)")]
    [InlineData("[Backbone({|SSL013:BackboneKind.Conv1d|})]", "[Backbone(BackboneKind.SmallCnn)]", "Use BackboneKind.SmallCnn")]
    public Task BackboneKindsBecomeTheOneForTheInput(string wrong, string fixedBackbone, string title) => Verify(
        Sources.Task(RepairSources.SimClr + "\n" + wrong, members: ""), Sources.Task(RepairSources.SimClr + "\n" + fixedBackbone, members: ""), title);

    [Fact]
    public Task TextBackboneOnATextTaskBecomesTheTransformer() => Verify(
        Sources.Task("[PretextTask(\"t\")]\n[TextInput(MaxLength = 32, VocabSize = 1000)]\n[Backbone({|SSL013:BackboneKind.ResNet|})]\n[MaskTokens]\n[MaskedTokenLoss]", members: ""),
        Sources.Task("[PretextTask(\"t\")]\n[TextInput(MaxLength = 32, VocabSize = 1000)]\n[Backbone(BackboneKind.TransformerEncoder)]\n[MaskTokens]\n[MaskedTokenLoss]", members: ""),
        "Use BackboneKind.TransformerEncoder");

    [Fact]
    public Task AttributeSharingAListIsRemovedAlone() => Verify(
        Sources.Task(RepairSources.SimClr + "\n[HorizontalFlip, {|SSL013:MaskTokens|}]"),
        Sources.Task(RepairSources.SimClr + "\n[HorizontalFlip]"),
        "Remove [MaskTokens]");

    [Fact]
    public Task RemovedAttributeKeepsTheCommentAboveIt() => Verify(
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", "// Masking tried here.\n[{|SSL013:MaskTokens|}]\n[NtXentLoss]")),
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", "// Masking tried here.\n[NtXentLoss]")),
        "Remove [MaskTokens]");

    [Fact]
    public Task SecondEncoderMemberLosesItsAttribute() => Verify(
        Sources.Task(RepairSources.SimClr, members: Sources.Encoder + """
                [Encoder(OutputDim = 64)]
                static nn.Module<Tensor, Tensor> {|SSL003:Other|}() => Backbones.SmallCnn(inChannels: 1, outputDim: 64);

            """),
        Sources.Task(RepairSources.SimClr, members: Sources.Encoder + """
                static nn.Module<Tensor, Tensor> Other() => Backbones.SmallCnn(inChannels: 1, outputDim: 64);

            """),
        "Remove [Encoder] from 'Other'");

    [Fact]
    public Task EncoderPropertyBecomesStatic() => Verify(
        Sources.Task(RepairSources.SimClr, members: """
                [Encoder(OutputDim = 128)]
                public nn.Module<Tensor, Tensor> {|SSL004:Net|} => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

            """),
        Sources.Task(RepairSources.SimClr, members: """
                [Encoder(OutputDim = 128)]
                public static nn.Module<Tensor, Tensor> Net => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

            """),
        "Make 'Net' static");

    [Fact]
    public Task QueueWithoutMomentumEncoderGetsOneBeforeIt() => Verify(
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", "[{|SSL018:NegativeQueue(Size = 4096)|}]\n[InfoNceLoss]\n[Training(BatchSize = 256)]")),
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", "[MomentumEncoder(Momentum = 0.999)]\n[NegativeQueue(Size = 4096)]\n[InfoNceLoss]\n[Training(BatchSize = 256)]")),
        "Add [MomentumEncoder(Momentum = 0.999)]");
}
