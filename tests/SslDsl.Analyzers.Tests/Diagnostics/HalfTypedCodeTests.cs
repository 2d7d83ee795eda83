using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Half-typed code (missing arguments, wrong types, unknown names, syntax errors): the compiler
/// reports it, and the analyzer neither throws nor adds a diagnostic of its own on top.
/// </summary>
public class HalfTypedCodeTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "Views without its count", Sources.Task(Sources.SimClr.Replace("[Views(2)]", "[Views]")) },
        { "Views with a string", Sources.Task(Sources.SimClr.Replace("[Views(2)]", "[Views(\"two\")]")) },
        { "Views with two arguments", Sources.Task(Sources.SimClr.Replace("[Views(2)]", "[Views(2, 3)]")) },
        { "probability given a string", Sources.SimClrWith("[VerticalFlip(P = \"x\")]") },
        { "probability left empty", Sources.SimClrWith("[VerticalFlip(P = )]") },
        { "unknown property", Sources.SimClrWith("[VerticalFlip(Q = 1)]") },
        { "no constructor takes the argument", Sources.SimClrWith("[VerticalFlip(0.5)]") },
        { "batch size given a double", Sources.SimClrWith("[Training(BatchSize = 1.5)]") },
        { "optimizer given another enum", Sources.SimClrWith("[Optimizer(ScheduleKind.Cosine)]") },
        { "misspelt input", Sources.Task(Sources.SimClr.Replace("[ImageInput(Channels = 1, Height = 28, Width = 28)]", "[ImageInputt(Channels = 1)]")) },
        { "misspelt objective", Sources.Task(Sources.SimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[NtXentLos]")) },
        { "task without name", Sources.Task(Sources.SimClr.Replace("[PretextTask(\"t\")]", "[PretextTask]")) },
        { "encoder width left empty", Sources.Task(Sources.SimClr, members: Sources.Encoder.Replace("OutputDim = 128", "OutputDim = ")) },
        { "encoder without a body", Sources.Task(Sources.SimClr, members: "    [Encoder(OutputDim = 128)]\n    static nn.Module<Tensor, Tensor> Encoder() =>\n") },
        { "encoder on a field", Sources.Task(Sources.SimClr, members: "    [Encoder(OutputDim = 128)]\n    static nn.Module<Tensor, Tensor> encoder = null!;\n") },
        { "encoder returning an unknown type", Sources.Task(Sources.SimClr, members: "    [Encoder(OutputDim = 128)]\n    static NotAType Encoder() => null!;\n") },
        { "member of an unknown type", Sources.Usings + """
            [MultiTaskPretraining("joint")]
            [Objective(typeof(NotAType))]
            public partial class Joint
            {
                [Encoder(OutputDim = 128)]
                static nn.Module<Tensor, Tensor> Shared() => Backbones.SmallCnn(inChannels: 1);
            }
            """ },
        { "class without a name", Sources.Usings + Sources.SimClr + "\npublic partial class\n{\n}\n" },
        { "attribute list not closed", Sources.Usings + Sources.SimClr + "\n[HorizontalFlip(\npublic partial class T\n{\n" + Sources.Encoder + "}\n" },
    };

    /// <summary>Cases whose error is inside a member body: the declaration itself is sound, so the generator still emits.</summary>
    public static readonly string[] SoundDeclarations = { "encoder without a body" };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task AnalyzerAddsNothingToCompilerErrors(string what, string source)
    {
        Assert.NotEmpty(what);
        var test = new AnalyzerTest { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        return test.RunAsync();
    }

    [Fact]
    public Task UndefinedFineTuneModeIsReported() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[FineTune(Classes = 10, {|SSL021:Mode = (FineTuneMode)7|})]"));
}
