using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL002 (no encoder), SSL003 (several encoders), SSL004 (encoder member of the wrong shape).</summary>
public class Ssl002To004EncoderTests
{
    public static readonly string FailingNoEncoder = Sources.Task(Sources.SimClr, members: "", name: "{|SSL002:T|}");

    public static readonly string FailingTwoEncoders = Sources.Task(Sources.SimClr + "\n[{|SSL003:Backbone(BackboneKind.SmallCnn)|}]");

    public static readonly string FailingEncoderShape = Sources.Task(Sources.SimClr, members: """
            [Encoder(OutputDim = 128)]
            nn.Module<Tensor, Tensor> {|SSL004:Encoder|}(int width) => Backbones.SmallCnn(inChannels: 1, width: width);

        """);

    [Fact]
    public Task NoEncoderIsReportedOnTheClass() => AnalyzerTest.VerifyAsync(FailingNoEncoder);

    [Fact]
    public Task BackboneAloneIsAnEncoder() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr + "\n[Backbone(BackboneKind.SmallCnn, OutputDim = 128)]", members: ""));

    [Fact]
    public Task EncoderMemberAndBackboneAreReportedOnTheSecond() => AnalyzerTest.VerifyAsync(FailingTwoEncoders);

    [Fact]
    public Task TwoEncoderMembersAreReportedOnTheSecond() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, members: Sources.Encoder + """
            [Encoder(OutputDim = 128)]
            static nn.Module<Tensor, Tensor> {|SSL003:Other|}() => Backbones.SmallCnn(inChannels: 1);

        """));

    [Fact]
    public Task InstanceMethodWithParameterIsReported() => AnalyzerTest.VerifyAsync(FailingEncoderShape);

    [Fact]
    public Task WrongReturnTypeIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, members: """
            [Encoder(OutputDim = 128)]
            static Tensor {|SSL004:Encoder|}() => torch.zeros(1);

        """));

    [Fact]
    public Task StaticPropertyReturningADerivedModuleIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, members: """
            [Encoder(OutputDim = 128)]
            static TorchSharp.Modules.Sequential Encoder => Backbones.SmallCnn(inChannels: 1);

        """));
}
