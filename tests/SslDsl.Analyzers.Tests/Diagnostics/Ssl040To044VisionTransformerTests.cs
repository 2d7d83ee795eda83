using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// SSL040 to SSL044: a ViT backbone whose patches do not tile the image, whose heads do not divide its width, whose
/// width the sine-cosine positions cannot split; MAE on it with mask patches that are not the ViT's, a ratio that
/// hides every patch, or a decoder whose width does not fit its heads and positions.
/// </summary>
public class Ssl040To044VisionTransformerTests
{
    /// <summary>A valid MAE task on a ViT over 28x28 images (7x7 patches of 4x4), with the given backbone and mask arguments.</summary>
    public static string Mae(string backbone = "Width = 64, OutputDim = 64, Depth = 2, Heads = 4, PatchSize = 4", string mask = "PatchSize = 4, Ratio = 0.75", string decoder = "Hidden = 32, Layers = 1") => Sources.Task($$"""
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [Backbone(BackboneKind.VisionTransformer, {{backbone}})]
        [PatchMask({{mask}})]
        [Decoder({{decoder}})]
        [ReconstructionLoss]
        """, members: "");

    public static readonly string FailingPatch = Mae(backbone: "Width = 64, OutputDim = 64, {|SSL040:PatchSize = 5|}");

    public static readonly string FailingHeads = Mae(backbone: "Width = 64, OutputDim = 64, {|SSL041:Heads = 6|}", decoder: "Hidden = 48");

    public static readonly string FailingSinCosWidth = Mae(backbone: "{|SSL042:Width = 66|}, OutputDim = 64, Heads = 2", decoder: "Hidden = 32");

    public static readonly string FailingMaskPatch = Mae(mask: "{|SSL043:PatchSize = 2|}, Ratio = 0.75");

    public static readonly string FailingDecoder = Mae(decoder: "{|SSL044:Hidden = 30|}, Layers = 1");

    [Fact]
    public Task ValidMaeOnAVitIsClean() => AnalyzerTest.VerifyAsync(Mae());

    [Fact]
    public Task VitWithSimClrIsClean() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr + "\n[Backbone(BackboneKind.VisionTransformer, Width = 32, OutputDim = 128, Heads = 4, PatchSize = 7)]", members: ""));

    [Fact]
    public Task PatchThatDoesNotTileTheImageIsReported() => AnalyzerTest.VerifyAsync(FailingPatch);

    [Fact]
    public Task HeadsThatDoNotDivideTheWidthAreReported() => AnalyzerTest.VerifyAsync(FailingHeads);

    [Fact]
    public Task WidthTheSinCosPositionsCannotSplitIsReported() => AnalyzerTest.VerifyAsync(FailingSinCosWidth);

    [Fact]
    public Task LearnedPositionsTakeAnyWidth() => AnalyzerTest.VerifyAsync(Mae(backbone: "Width = 66, OutputDim = 64, Heads = 2, LearnedPositions = true", decoder: "Hidden = 32"));

    [Fact]
    public Task MaskPatchesThatAreNotTheVitsAreReported() => AnalyzerTest.VerifyAsync(FailingMaskPatch);

    [Fact]
    public Task MaskPatchesOnACnnAreNotTheVitsConcern() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [PatchMask(PatchSize = 2, Ratio = 0.75)]
        [Decoder(Hidden = 30, Layers = 1)]
        [ReconstructionLoss]
        """));

    [Fact]
    public Task RatioThatHidesEveryPatchIsReported() => AnalyzerTest.VerifyAsync(Mae(backbone: "Width = 64, OutputDim = 64, PatchSize = 14", mask: "PatchSize = 14, {|SSL044:Ratio = 0.8|}"));

    [Fact]
    public Task DecoderWidthThatDoesNotFitItsHeadsIsReported() => AnalyzerTest.VerifyAsync(FailingDecoder);

    [Fact]
    public Task DefaultDecoderWithHeadsThatDoNotDivideItIsReportedOnTheHeads() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [Backbone(BackboneKind.VisionTransformer, Width = 48, OutputDim = 48, {|SSL044:Heads = 3|})]
        [PatchMask(PatchSize = 4)]
        [ReconstructionLoss]
        """, members: ""));

    [Fact]
    public Task VitWithMultiCropIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Ssl027To030Tests.Dino + "\n[Backbone({|SSL027:BackboneKind.VisionTransformer|}, Width = 32, OutputDim = 128)]", members: ""));

    [Fact]
    public Task VitOnTextIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [TextInput(MaxLength = 16, VocabSize = 100)]
        [MaskTokens]
        [MaskedTokenLoss]
        [Backbone({|SSL013:BackboneKind.VisionTransformer|})]
        """, members: ""));
}
