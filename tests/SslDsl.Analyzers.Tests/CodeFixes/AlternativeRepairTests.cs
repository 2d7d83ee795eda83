using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Diagnostics with more than one sensible repair offer each as its own action; the second (and third) ones,
/// picked by equivalence key. Every fixed declaration compiles with no diagnostic left.
/// </summary>
public class AlternativeRepairTests
{
    [Fact]
    public Task NoEncoderCanTakeTheBackboneForTheInput() => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr, members: "", name: "{|SSL002:T|}"),
        Sources.Task(RepairSources.SimClr.Replace("Width = 28)]", "Width = 28)]\n[Backbone(BackboneKind.SmallCnn, OutputDim = 128)]"), members: ""),
        "SSL002.Backbone",
        "Add [Backbone(BackboneKind.SmallCnn, OutputDim = 128)]");

    [Fact]
    public Task NoEncoderOfATextTaskGetsATransformerMember() => RepairSources.Verify(
        Sources.Task(RepairSources.Bert.Replace("[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]\n", ""), members: "", name: "{|SSL002:T|}"),
        Sources.Task(RepairSources.Bert.Replace("[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]\n", ""), members: """
                [Encoder(OutputDim = 128)]
                static nn.Module<Tensor, Tensor> Encoder() => Backbones.TransformerEncoder(vocabSize: 1000, maxLength: 32, outputDim: 128);

            """.TrimEnd() + "\n"),
        "SSL002",
        "Add an [Encoder] member 'Encoder' returning Backbones.TransformerEncoder(vocabSize: 1000, maxLength: 32, outputDim: 128)");

    [Fact]
    public Task SaturationOnGrayscaleCanDeclareAColourInput() => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr + "\n[ColorJitter(Brightness = 0.4, {|SSL014:Saturation = 0.4|}, {|SSL014:Hue = 0.1|})]"),
        Sources.Task(RepairSources.SimClr.Replace("Channels = 1", "Channels = 3") + "\n[ColorJitter(Brightness = 0.4, Saturation = 0.4, Hue = 0.1)]"),
        "SSL014.DeclareColor",
        "Declare Channels = 3 on [ImageInput]");

    [Fact]
    public Task SaturationOnAnInputWithoutArgumentsDeclaresChannels() => RepairSources.Verify(
        Sources.Task("[PretextTask(\"t\")]\n[ImageInput]\n[Views(2)]\n[ColorJitter({|SSL014:Saturation = 0.4|})]\n[NtXentLoss]"),
        Sources.Task("[PretextTask(\"t\")]\n[ImageInput(Channels = 3)]\n[Views(2)]\n[ColorJitter(Saturation = 0.4)]\n[NtXentLoss]"),
        "SSL014.DeclareColor",
        "Declare Channels = 3 on [ImageInput]");

    [Fact]
    public Task RemovingTheOnlyColourArgumentLeavesNoParentheses() => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr + "\n[ColorJitter({|SSL014:Hue = 0.1|})]"),
        Sources.Task(RepairSources.SimClr + "\n[ColorJitter]"),
        "SSL014",
        "Remove Hue from [ColorJitter]");

    [Fact]
    public Task MaskFractionsCanLowerTheOtherFraction() => RepairSources.Verify(
        Sources.Task(RepairSources.Bert.Replace("ReplaceWithRandom = 0.1", "{|SSL022:ReplaceWithRandom = 0.3|}"), members: ""),
        Sources.Task(RepairSources.Bert.Replace("ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1", "ReplaceWithMask = 0.7, ReplaceWithRandom = 0.3"), members: ""),
        "SSL022.LowerReplaceWithMask",
        "Set ReplaceWithMask = 0.7 (1 - ReplaceWithRandom)");

    [Fact]
    public Task PartialUnfreezeCanBecomeALinearProbe() => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr + "\n[FineTune(Classes = 10, {|SSL021:Mode = FineTuneMode.PartialUnfreeze|})]"),
        Sources.Task(RepairSources.SimClr + "\n[FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe)]"),
        "SSL021.LinearProbe",
        "Use FineTuneMode.LinearProbe");

    [Fact]
    public Task NegativeUnfreezeIsClampedToZero() => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr + "\n[FineTune(Classes = 10, {|SSL021:UnfreezeLastLayers = -2|})]"),
        Sources.Task(RepairSources.SimClr + "\n[FineTune(Classes = 10, UnfreezeLastLayers = 0)]"),
        "SSL021",
        "Clamp UnfreezeLastLayers to 0");

    [Theory]
    [InlineData("SSL009", "[MomentumEncoder(Momentum = 0.99, FinalMomentum = 1.0)]", "Set FinalMomentum = 1.0")]
    [InlineData("SSL009.Constant", "[MomentumEncoder(Momentum = 0.99)]", "Remove FinalMomentum (a constant momentum)")]
    public Task FinalMomentumBelowTheStartIsRaisedOrRemoved(string key, string momentum, string title) => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", "[ProjectionHead(Output = 128)]\n[PredictorHead(Output = 128)]\n[MomentumEncoder(Momentum = 0.99, {|SSL009:FinalMomentum = 0.9|})]\n[ByolLoss]")),
        Sources.Task(RepairSources.SimClr.Replace("[NtXentLoss]", "[ProjectionHead(Output = 128)]\n[PredictorHead(Output = 128)]\n" + momentum + "\n[ByolLoss]")),
        key,
        title);

    [Fact]
    public Task EvenKernelCanGrowToTheNextOddSize() => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr + "\n[GaussianBlur({|SSL015:KernelSize = 4|})]"),
        Sources.Task(RepairSources.SimClr + "\n[GaussianBlur(KernelSize = 5)]"),
        "SSL015.Larger",
        "Set KernelSize = 5 (odd)");

    [Theory]
    [InlineData("SSL011.AddColorJitter", "[ColorJitter]", "Add [ColorJitter]")]
    [InlineData("SSL011.AddGaussianNoise", "[GaussianNoise]", "Add [GaussianNoise]")]
    public Task IdenticalImageViewsCanTakeOtherAugmentations(string key, string added, string title) => RepairSources.Verify(
        Sources.Task("[PretextTask(\"t\")]\n[ImageInput]\n[{|SSL011:Views(2)|}]\n[NtXentLoss]"),
        Sources.Task("[PretextTask(\"t\")]\n[ImageInput]\n[Views(2)]\n" + added + "\n[NtXentLoss]"),
        key,
        title);

    [Fact]
    public Task IdenticalTabularViewsGetFeatureCorruption() => RepairSources.Verify(
        Sources.Task("[PretextTask(\"t\")]\n[TabularInput(Features = 8)]\n[{|SSL011:Views(2)|}]\n[NtXentLoss]", Sources.Encoder.Replace("Backbones.SmallCnn(inChannels: 1, outputDim: 128)", "Backbones.Mlp(inputFeatures: 8)")),
        Sources.Task("[PretextTask(\"t\")]\n[TabularInput(Features = 8)]\n[Views(2)]\n[FeatureCorruption]\n[NtXentLoss]", Sources.Encoder.Replace("Backbones.SmallCnn(inChannels: 1, outputDim: 128)", "Backbones.Mlp(inputFeatures: 8)")),
        "SSL011",
        "Add [FeatureCorruption]");

    [Theory]
    [InlineData("SSL012.AddBlockMask", "[BlockMask]", "Add [BlockMask]")]
    [InlineData("SSL012.AddGaussianNoise", "[GaussianNoise]", "Add [GaussianNoise]")]
    public Task ReconstructionCanTakeOtherCorruptions(string key, string added, string title) => RepairSources.Verify(
        Sources.Task("[PretextTask(\"t\")]\n[ImageInput]\n[HorizontalFlip]\n[Decoder]\n[{|SSL012:ReconstructionLoss|}]"),
        Sources.Task("[PretextTask(\"t\")]\n[ImageInput]\n[HorizontalFlip]\n" + added + "\n[Decoder]\n[ReconstructionLoss]"),
        key,
        title);

    [Fact]
    public Task SeriesReconstructionGetsATimeMask() => RepairSources.Verify(
        Sources.Task("[PretextTask(\"t\")]\n[TimeSeriesInput(Length = 32)]\n[Decoder]\n[{|SSL012:ReconstructionLoss|}]", Sources.Encoder.Replace("Backbones.SmallCnn(inChannels: 1, outputDim: 128)", "Backbones.Conv1d(inChannels: 1)")),
        Sources.Task("[PretextTask(\"t\")]\n[TimeSeriesInput(Length = 32)]\n[TimeMask]\n[Decoder]\n[ReconstructionLoss]", Sources.Encoder.Replace("Backbones.SmallCnn(inChannels: 1, outputDim: 128)", "Backbones.Conv1d(inChannels: 1)")),
        "SSL012",
        "Add [TimeMask]");

    [Fact]
    public Task AZeroWeightCanRemoveTheObjectiveWhenAnotherStays() => RepairSources.Verify(
        Sources.Task(RepairSources.SimClr + "\n[RotationPrediction({|SSL020:Weight = 0|})]"),
        Sources.Task(RepairSources.SimClr),
        "SSL020.Remove",
        "Remove [RotationPrediction]");

    [Fact]
    public Task BothTaskKindsKeepTheSingleTaskWithoutMembers() => RepairSources.Verify(
        Sources.Task("[{|SSL019:PretextTask(\"t\")|}]\n[MultiTaskPretraining(\"u\")]\n[ImageInput]\n[Views(2)]\n[HorizontalFlip]\n[NtXentLoss]"),
        Sources.Task("[PretextTask(\"t\")]\n[ImageInput]\n[Views(2)]\n[HorizontalFlip]\n[NtXentLoss]"),
        "SSL019",
        "Remove [MultiTaskPretraining]");

    [Fact]
    public Task BothTaskKindsKeepTheMultiTaskWithMembers()
    {
        string members = Sources.Task(RepairSources.SimClr, name: "SimClr") + Sources.Task("[PretextTask(\"mae\")]\n[ImageInput]\n[PatchMask]\n[Decoder]\n[ReconstructionLoss]", name: "Mae").Replace(Sources.Usings, "");
        string shared = "public partial class Joint\n{\n" + Sources.Encoder + "}\n";
        return RepairSources.Verify(
            members + "[{|SSL019:MultiTaskPretraining(\"joint\")|}]\n[PretextTask(\"j\")]\n[Objective(typeof(SimClr))]\n[Objective(typeof(Mae))]\n" + shared,
            members + "[MultiTaskPretraining(\"joint\")]\n[Objective(typeof(SimClr))]\n[Objective(typeof(Mae))]\n" + shared,
            "SSL019",
            "Remove [PretextTask]");
    }
}
