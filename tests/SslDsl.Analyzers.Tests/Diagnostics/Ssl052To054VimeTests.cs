using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// SSL052 (VIME's mask and objective not declared together), SSL053 (VIME on a table whose columns the declaration does
/// not fix) and SSL054 (a second [VimeMask], or one that corrupts no row); VIME's ranges (SSL007, SSL026) and modality (SSL013).
/// </summary>
public class Ssl052To054VimeTests
{
    /// <summary>A valid VIME task on 12 features: 8 numeric, a one-hot column of 3 categories and an embedded column of 5.</summary>
    public const string Vime = """
        [PretextTask("vime")]
        [TabularInput(Features = 12)]
        [CategoricalFeature("colour", Cardinality = 3)]
        [CategoricalFeature("city", Encoding = CategoricalEncoding.Embedding, Cardinality = 5)]
        [Backbone(BackboneKind.Mlp, Width = 64, OutputDim = 32)]
        [VimeMask(Probability = 0.3)]
        [VimeLoss(Alpha = 2.0)]
        """;

    public static readonly string FailingNoMask = Sources.Task(Vime.Replace("[VimeMask(Probability = 0.3)]\n", "").Replace("[VimeLoss(Alpha = 2.0)]", "[{|SSL052:VimeLoss(Alpha = 2.0)|}]"), members: "");

    public static readonly string FailingUnsizedColumn = Sources.Task(Vime.Replace("[CategoricalFeature(\"colour\", Cardinality = 3)]", "[{|SSL053:CategoricalFeature(\"colour\")|}]"), members: "");

    public static readonly string FailingTwoMasks = Sources.Task(Vime.Replace("[VimeLoss(", "[{|SSL054:VimeMask|}]\n[VimeLoss("), members: "");

    [Fact]
    public Task VimeWithCategoricalColumnsIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Vime, members: ""));

    [Fact]
    public Task VimeLossWithoutVimeMaskIsReported() => AnalyzerTest.VerifyAsync(FailingNoMask);

    [Fact]
    public Task VimeMaskThatNoObjectiveReadsIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Vime.Replace("[VimeMask(Probability = 0.3)]", "[Views(2)]\n[FeatureCorruption]\n[{|SSL052:VimeMask(Probability = 0.3)|}]\n[ProjectionHead(Hidden = 32, Output = 16)]").Replace("[VimeLoss(Alpha = 2.0)]", "[InfoNceLoss]"), members: ""));

    [Fact]
    public Task VimeBesideScarfIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(
        Vime.Replace("[VimeMask(Probability = 0.3)]", "[Views(2)]\n[FeatureCorruption]\n[VimeMask(Probability = 0.3)]\n[ProjectionHead(Hidden = 32, Output = 16)]\n[InfoNceLoss]"), members: ""));

    [Fact]
    public Task AOneHotColumnWithoutCardinalityIsReported() => AnalyzerTest.VerifyAsync(FailingUnsizedColumn);

    [Fact]
    public Task AOneHotColumnWithoutCardinalityIsValidWithoutVime() => AnalyzerTest.VerifyAsync(Sources.Task(
        Vime.Replace("[CategoricalFeature(\"colour\", Cardinality = 3)]", "[CategoricalFeature(\"colour\")]").Replace("[VimeMask(Probability = 0.3)]\n[VimeLoss(Alpha = 2.0)]", "[FeatureCorruption]\n[ReconstructionLoss]"), members: ""));

    [Fact]
    public Task CategoricalColumnsWiderThanTheFeaturesAreReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Vime.Replace("Features = 12", "{|SSL053:Features = 3|}"), members: ""));

    [Fact]
    public Task ASecondVimeMaskIsReported() => AnalyzerTest.VerifyAsync(FailingTwoMasks);

    [Fact]
    public Task AVimeMaskThatCorruptsNoRowIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(
        Vime.Replace("Probability = 0.3)", "Probability = 0.3, {|SSL054:P = 0.0|})"), members: ""));

    [Fact]
    public Task AMaskProbabilityOfOneIsOutOfRange() => AnalyzerTest.VerifyAsync(Sources.Task(
        Vime.Replace("Probability = 0.3", "{|SSL007:Probability = 1.0|}"), members: ""));

    [Fact]
    public Task ANegativeAlphaIsOutOfRange() => AnalyzerTest.VerifyAsync(Sources.Task(
        Vime.Replace("Alpha = 2.0", "{|SSL026:Alpha = -1.0|}"), members: ""));

    [Fact]
    public Task VimeOnImagesIsReported() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("vime")]
        [ImageInput(Channels = 1, Height = 8, Width = 8)]
        [Backbone(BackboneKind.Mlp, Width = 64, OutputDim = 32)]
        [{|SSL013:VimeMask|}]
        [{|SSL013:VimeLoss|}]
        """, members: ""));
}
