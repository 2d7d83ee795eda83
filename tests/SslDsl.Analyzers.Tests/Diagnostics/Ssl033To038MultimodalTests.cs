using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>Multimodal (CLIP) tasks: SSL033 to SSL038, and that a valid one reports nothing.</summary>
public class Ssl033To038MultimodalTests
{
    /// <summary>The class attributes of a valid image-text task (name "t").</summary>
    public const string Clip = """
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [TextInput(MaxLength = 16, VocabSize = 260)]
        [ClipLoss(Temperature = 0.07)]
        """;

    public const string ImageEncoder = """
            [Encoder(OutputDim = 128, Input = Modality.Image)]
            [Projection(Output = 32)]
            [RandomResizedCrop(MinScale = 0.5)]
            static nn.Module<Tensor, Tensor> ImageEncoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

        """;

    public const string TextEncoder = """
            [Encoder(OutputDim = 32, Input = Modality.Text)]
            [Projection(Output = 32)]
            [MaskTokens(Probability = 0.1)]
            static nn.Module<Tensor, Tensor> TextEncoder() => Backbones.TransformerEncoder(vocabSize: 260, maxLength: 16, width: 32, outputDim: 32);

        """;

    /// <summary>A valid image-text task.</summary>
    public static readonly string Valid = Sources.Task(Clip, ImageEncoder + TextEncoder);

    public static readonly string FailingProjections = Sources.Task(Clip, ImageEncoder + TextEncoder.Replace("[Projection(Output = 32)]", "[Projection({|SSL033:Output = 16|})]"));

    public static readonly string FailingInputWithoutEncoder = Sources.Task(Clip.Replace("[TextInput(MaxLength = 16, VocabSize = 260)]", "[{|SSL034:TextInput(MaxLength = 16, VocabSize = 260)|}]"), ImageEncoder);

    public static readonly string FailingEncoderInput = Sources.Task(Clip, ImageEncoder + TextEncoder.Replace("Input = Modality.Text", "{|SSL035:Input = Modality.Tabular|}"));

    public static readonly string FailingStepOnOtherSide = Sources.Task(Clip, ImageEncoder.Replace("[RandomResizedCrop(MinScale = 0.5)]", "[RandomResizedCrop(MinScale = 0.5)]\n    [{|SSL036:SpanMask(MeanSpan = 2, Ratio = 0.2)|}]") + TextEncoder);

    public static readonly string FailingTemperature = Sources.Task(Clip.Replace("[ClipLoss(Temperature = 0.07)]", "[ClipLoss({|SSL037:Temperature = 0.001|})]"), ImageEncoder + TextEncoder);

    public static readonly string FailingMisplaced = Sources.Task(Clip + "\n[{|SSL038:HorizontalFlip|}]", ImageEncoder + TextEncoder);

    [Fact]
    public Task ValidImageTextTaskReportsNothing() => AnalyzerTest.VerifyAsync(Valid);

    [Fact]
    public Task InputOrderDoesNotMatter() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [TextInput(MaxLength = 16, VocabSize = 260)]
        [ClipLoss]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        """, TextEncoder + ImageEncoder));

    [Fact]
    public Task ProjectionsOfDifferentWidthsAreReported() => AnalyzerTest.VerifyAsync(FailingProjections);

    [Fact]
    public Task AProjectionLeftAtItsDefaultIsComparedWithTheOther() => AnalyzerTest.VerifyAsync(Sources.Task(Clip,
        ImageEncoder + TextEncoder.Replace("[Projection(Output = 32)]\n", "").Replace("[Encoder(OutputDim = 32, Input = Modality.Text)]", "[{|SSL033:Encoder(OutputDim = 32, Input = Modality.Text)|}]")));

    [Fact]
    public Task AnInputWithoutEncoderIsReported() => AnalyzerTest.VerifyAsync(FailingInputWithoutEncoder);

    [Fact]
    public Task AnEncoderNamingAMissingInputIsReportedWithTheInputNobodyReads() => AnalyzerTest.VerifyAsync(
        FailingEncoderInput.Replace("[TextInput(MaxLength = 16, VocabSize = 260)]", "[{|SSL034:TextInput(MaxLength = 16, VocabSize = 260)|}]"));

    [Fact]
    public Task AnEncoderThatNamesNoInputIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Clip.Replace("[TextInput(MaxLength = 16, VocabSize = 260)]", "[{|SSL034:TextInput(MaxLength = 16, VocabSize = 260)|}]"),
        ImageEncoder + TextEncoder.Replace("[Encoder(OutputDim = 32, Input = Modality.Text)]", "[{|SSL035:Encoder(OutputDim = 32)|}]")));

    [Fact]
    public Task TwoEncodersOfOneInputAreReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Clip.Replace("[TextInput(MaxLength = 16, VocabSize = 260)]", "[{|SSL034:TextInput(MaxLength = 16, VocabSize = 260)|}]"),
        ImageEncoder + TextEncoder.Replace("Input = Modality.Text", "{|SSL035:Input = Modality.Image|}").Replace("[MaskTokens(Probability = 0.1)]", "")));

    [Fact]
    public Task ATextMaskOnTheImageSideIsReported() => AnalyzerTest.VerifyAsync(FailingStepOnOtherSide);

    [Fact]
    public Task AnImageAugmentationOnTheTextSideIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Clip,
        ImageEncoder + TextEncoder.Replace("[MaskTokens(Probability = 0.1)]", "[MaskTokens(Probability = 0.1)]\n    [{|SSL036:HorizontalFlip(P = 0.5)|}]")));

    [Theory]
    [InlineData("0.001")]
    [InlineData("0")]
    [InlineData("1.5")]
    public Task ATemperatureOutsideItsRangeIsReported(string value) => AnalyzerTest.VerifyAsync(
        FailingTemperature.Replace("Temperature = 0.001", "Temperature = " + value));

    [Theory]
    [InlineData("0.01")]
    [InlineData("1.0")]
    public Task TheTemperatureBoundsAreValid(string value) => AnalyzerTest.VerifyAsync(Valid.Replace("Temperature = 0.07", "Temperature = " + value));

    [Fact]
    public Task AnAugmentationOnTheClassOfAMultimodalTaskIsReported() => AnalyzerTest.VerifyAsync(FailingMisplaced);

    [Fact]
    public Task ASecondObjectiveOrAHeadIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Clip + "\n[{|SSL038:NtXentLoss|}]\n[{|SSL038:ProjectionHead|}]", ImageEncoder + TextEncoder));

    [Fact]
    public Task AnImageMaskingOnTheImageSideIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Clip,
        ImageEncoder.Replace("[RandomResizedCrop(MinScale = 0.5)]", "[{|SSL038:PatchMask(PatchSize = 4)|}]") + TextEncoder));

    [Fact]
    public Task ClipLossOnATaskWithOneInputIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [{|SSL038:ClipLoss|}]
        """, ImageEncoder));

    [Fact]
    public Task AnAugmentationOnTheEncoderOfATaskWithOneInputIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, """
            [Encoder(OutputDim = 128)]
            [{|SSL038:VerticalFlip|}]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

        """));

    [Fact]
    public Task AnInputOtherThanTheTaskOneIsReportedInATaskWithOneInput() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, """
            [Encoder(OutputDim = 128, {|SSL035:Input = Modality.Text|})]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

        """));

    [Fact]
    public Task TheInputOfTheTaskMayBeNamedInATaskWithOneInput() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, """
            [Encoder(OutputDim = 128, Input = Modality.Image)]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

        """));

    [Fact]
    public Task AProjectionOnAMemberThatIsNotAnEncoderIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Clip, ImageEncoder + TextEncoder + """
            [{|SSL038:Projection|}]
            static int Width => 3;

        """));
}
