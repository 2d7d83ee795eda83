using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>One problem, one diagnostic: a value out of range is not reported again by the checks that build on it.</summary>
public class NoDoubleReportTests
{
    [Fact]
    public Task ZeroViewsWithAJointObjectiveIsOneSsl010() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr.Replace("[Views(2)]", "[Views({|SSL010:0|})]")));

    [Fact]
    public Task ZeroJigsawGridIsOneSsl015() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("jigsaw")]
        [ImageInput]
        [JigsawPrediction({|SSL015:Grid = 0|}, {|SSL015:Permutations = 0|})]
        """));

    [Fact]
    public Task HueBeyondHalfOnGrayscaleIsOnlyOutOfRange() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[ColorJitter({|SSL026:Hue = 0.7|})]"));

    [Fact]
    public Task NegativeMinScaleIsNotAlsoAnOrderProblem() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[RandomResizedCrop({|SSL007:MinScale = -1|}, MaxScale = 0.5)]"));

    [Fact]
    public Task MaskFractionAboveOneIsNotAlsoASplitProblem() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("bert")]
        [TextInput(VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder)]
        [MaskTokens({|SSL007:ReplaceWithMask = 1.5|}, ReplaceWithRandom = 0.1)]
        [MaskedTokenLoss]
        """, members: ""));

    [Fact]
    public Task ZeroPredictorWidthIsNotAlsoAMismatch() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("byol")]
        [ImageInput]
        [Views(2)]
        [RandomResizedCrop]
        [ProjectionHead(Output = 128)]
        [PredictorHead({|SSL016:Output = 0|})]
        [MomentumEncoder]
        [ByolLoss]
        """));

    [Fact]
    public Task ZeroImageSizeIsNotAlsoAPatchProblem() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("mae")]
        [ImageInput({|SSL015:Height = 0|})]
        [PatchMask(PatchSize = 5)]
        [Decoder]
        [ReconstructionLoss]
        """));

    [Fact]
    public Task TaskDeclaredInTwoFilesIsAnalyzedOnce()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(Sources.Usings + Sources.SimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[NtXentLoss({|SSL008:Temperature = 0|})]") + "\npublic partial class T\n{\n}\n");
        test.TestState.Sources.Add(Sources.Usings + "public partial class T\n{\n" + Sources.Encoder + "}\n");
        return test.RunAsync();
    }
}
