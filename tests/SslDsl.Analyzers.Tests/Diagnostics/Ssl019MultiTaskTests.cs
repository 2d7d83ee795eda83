using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL019: multi-task members that are not pretext tasks, read other inputs or are listed twice.</summary>
public class Ssl019MultiTaskTests
{
    private static readonly string Members = Sources.Task(Sources.SimClr, name: "SimClr") + Sources.Task("""
        [PretextTask("mae")]
        [ImageInput]
        [PatchMask]
        [Decoder]
        [ReconstructionLoss]
        """, name: "Mae").Replace(Sources.Usings, "");

    private static string Joint(string objectives) => Members + "\n" + """
        [MultiTaskPretraining("joint")]
        """ + "\n" + objectives.TrimEnd() + "\n" + """
        public partial class Joint
        {
            [Encoder(OutputDim = 128)]
            static nn.Module<Tensor, Tensor> Shared() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
        }
        """;

    public static readonly string Failing = Joint("""
        [Objective(typeof(SimClr))]
        [Objective({|SSL019:typeof(string)|})]
        """);

    [Fact]
    public Task MemberThatIsNotAPretextTaskIsReported() => AnalyzerTest.VerifyAsync(Failing);

    [Fact]
    public Task TwoImageTasksAreValid() => AnalyzerTest.VerifyAsync(Joint("""
        [Objective(typeof(SimClr), Weight = 1.0)]
        [Objective(typeof(Mae), Weight = 0.5)]
        """));

    [Fact]
    public Task MembersOverDifferentInputsAreReported() => AnalyzerTest.VerifyAsync(Joint("""
        [Objective(typeof(SimClr))]
        [Objective({|SSL019:typeof(Bert)|})]
        """) + Sources.Task("""
        [PretextTask("bert")]
        [TextInput(VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, OutputDim = 128)]
        [MaskTokens]
        [MaskedTokenLoss]
        """, members: "", name: "Bert").Replace(Sources.Usings, ""));

    [Fact]
    public Task MemberListedTwiceIsReported() => AnalyzerTest.VerifyAsync(Joint("""
        [Objective(typeof(SimClr))]
        [{|SSL019:Objective(typeof(SimClr), Weight = 2.0)|}]
        """));

    [Fact]
    public Task ObjectiveOnASingleTaskIsReported() => AnalyzerTest.VerifyAsync(Members + Sources.Task(Sources.SimClr.Replace("\"t\"", "\"other\"") + "\n[{|SSL019:Objective(typeof(Mae))|}]", name: "Other").Replace(Sources.Usings, ""));

    [Fact]
    public Task MultiTaskWithoutMembersIsReported() => AnalyzerTest.VerifyAsync(Members + "\n" + """
        [MultiTaskPretraining("joint")]
        public partial class {|SSL006:Joint|}
        {
            [Encoder(OutputDim = 128)]
            static nn.Module<Tensor, Tensor> Shared() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);
        }
        """);

    [Fact]
    public Task MemberEncoderWidthDifferentFromTheSharedOneIsReported() => AnalyzerTest.VerifyAsync(Joint("""
        [Objective(typeof(SimClr))]
        """).Replace("Shared() => Backbones.SmallCnn(inChannels: 1, outputDim: 128)", "Shared() => Backbones.SmallCnn(inChannels: 1, outputDim: 64)")
            .Replace("[Encoder(OutputDim = 128)]\n    static nn.Module<Tensor, Tensor> Shared", "[Encoder(OutputDim = 64)]\n    static nn.Module<Tensor, Tensor> Shared")
            .Replace("[Objective(typeof(SimClr))]", "[Objective({|SSL016:typeof(SimClr)|})]"));
}
