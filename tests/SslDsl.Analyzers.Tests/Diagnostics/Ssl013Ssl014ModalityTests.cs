using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL013 (attribute does not fit the input modality), SSL014 (colour jitter on one channel).</summary>
public class Ssl013Ssl014ModalityTests
{
    private const string Bert = """
        [PretextTask("bert")]
        [TextInput(MaxLength = 32, VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
        [MaskTokens]
        [MaskedTokenLoss]
        """;

    public static readonly string FailingModality = Sources.SimClrWith("[{|SSL013:MaskTokens|}]");

    public static readonly string FailingColorOnGrayscale = Sources.SimClrWith("[ColorJitter(Brightness = 0.4, {|SSL014:Saturation = 0.4|})]");

    [Fact]
    public Task TextMaskingOnAnImageTaskIsReported() => AnalyzerTest.VerifyAsync(FailingModality);

    [Fact]
    public Task TextMaskingOnATextTaskIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Bert, members: ""));

    [Fact]
    public Task ImageObjectiveOnATextTaskIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Bert + "\n[{|SSL013:RotationPrediction|}]", members: ""));

    [Fact]
    public Task ImageBackboneOnATextTaskIsReportedOnTheKind() => AnalyzerTest.VerifyAsync(Sources.Task(
        Bert.Replace("[Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]", "[Backbone({|SSL013:BackboneKind.ResNet|})]"), members: ""));

    [Fact]
    public Task SaturationOnGrayscaleIsReported() => AnalyzerTest.VerifyAsync(FailingColorOnGrayscale);

    [Fact]
    public Task HueOnGrayscaleIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[ColorJitter({|SSL014:Hue = 0.1|})]"));

    [Fact]
    public Task SaturationOnColourImagesIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(
        Sources.SimClr.Replace("Channels = 1", "Channels = 3") + "\n[ColorJitter(Brightness = 0.4, Saturation = 0.4, Hue = 0.1)]",
        members: Sources.Encoder.Replace("inChannels: 1", "inChannels: 3")));

    [Fact]
    public Task BrightnessOnGrayscaleIsValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[ColorJitter(Brightness = 0.4, Contrast = 0.4)]"));
}
