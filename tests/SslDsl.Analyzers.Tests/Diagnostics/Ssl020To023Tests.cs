using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL020 (weight), SSL021 (fine-tune), SSL022 (MaskTokens fractions), SSL023 (vocabulary).</summary>
public class Ssl020To023Tests
{
    private const string Bert = """
        [PretextTask("bert")]
        [TextInput(MaxLength = 32, VocabSize = 1000, PadId = 0, MaskId = 3)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
        [MaskTokens(Probability = 0.15, ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
        [MaskedTokenLoss]
        """;

    public static readonly string FailingWeight = Sources.Task(Sources.SimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[NtXentLoss(Temperature = 0.5, {|SSL020:Weight = 0|})]"));

    public static readonly string FailingFineTune = Sources.SimClrWith("[FineTune({|SSL021:Classes = 1|})]");

    public static readonly string FailingMaskSplit = Sources.Task(Bert.Replace("ReplaceWithRandom = 0.1", "{|SSL022:ReplaceWithRandom = 0.3|}"), members: "");

    public static readonly string FailingVocabulary = Sources.Task(Bert.Replace("MaskId = 3", "{|SSL023:MaskId = 1000|}"), members: "");

    [Fact]
    public Task ZeroWeightIsReported() => AnalyzerTest.VerifyAsync(FailingWeight);

    [Fact]
    public Task FractionalWeightIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr.Replace("Temperature = 0.5", "Temperature = 0.5, Weight = 0.25")));

    [Fact]
    public Task OneClassIsReported() => AnalyzerTest.VerifyAsync(FailingFineTune);

    [Fact]
    public Task MissingClassesIsReportedOnTheAttribute() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[{|SSL021:FineTune(Mode = FineTuneMode.Full)|}]"));

    [Fact]
    public Task PartialUnfreezeWithoutLayersIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[FineTune(Classes = 10, {|SSL021:Mode = FineTuneMode.PartialUnfreeze|})]"));

    [Fact]
    public Task PartialUnfreezeWithLayersIsValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[FineTune(Classes = 10, Mode = FineTuneMode.PartialUnfreeze, UnfreezeLastLayers = 1)]"));

    [Fact]
    public Task MaskFractionsAboveOneAreReported() => AnalyzerTest.VerifyAsync(FailingMaskSplit);

    [Fact]
    public Task BertFractionsAreValid() => AnalyzerTest.VerifyAsync(Sources.Task(Bert, members: ""));

    [Fact]
    public Task MaskIdOutsideTheVocabularyIsReported() => AnalyzerTest.VerifyAsync(FailingVocabulary);

    [Fact]
    public Task MissingVocabularySizeIsReportedOnTheInput() => AnalyzerTest.VerifyAsync(Sources.Task(Bert.Replace("[TextInput(MaxLength = 32, VocabSize = 1000, PadId = 0, MaskId = 3)]", "[{|SSL023:TextInput(MaxLength = 32)|}]"), members: ""));

    [Fact]
    public Task LastIdOfTheVocabularyIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Bert.Replace("MaskId = 3", "MaskId = 999"), members: ""));
}
