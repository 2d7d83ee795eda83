using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL001: the task class (and every enclosing type) must be partial.</summary>
public class Ssl001NotPartialTests
{
    public static readonly string Failing = Sources.Task(Sources.SimClr, name: "{|SSL001:T|}", modifiers: "public");

    [Fact]
    public Task NonPartialClassIsReported() => AnalyzerTest.VerifyAsync(Failing);

    [Fact]
    public Task NonPartialEnclosingTypeIsReportedOnTheTask() => AnalyzerTest.VerifyAsync(Sources.Usings + """
        public static class Outer
        {
            [PretextTask("t")]
            [ImageInput]
            [Views(2)]
            [HorizontalFlip]
            [NtXentLoss]
            public partial class {|SSL001:T|}
            {
                [Encoder(OutputDim = 128)]
                static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1);
            }
        }
        """);

    [Fact]
    public Task PartialClassInPartialEnclosingTypeIsValid() => AnalyzerTest.VerifyAsync(Sources.Usings + """
        public static partial class Outer
        {
            [PretextTask("t")]
            [ImageInput]
            [Views(2)]
            [HorizontalFlip]
            [NtXentLoss]
            public partial class T
            {
                [Encoder(OutputDim = 128)]
                static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1);
            }
        }
        """);

    [Fact]
    public Task PartialClassIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr));

    [Fact]
    public Task MessageNamesEveryTypeToMarkPartial()
    {
        var test = new AnalyzerTest
        {
            TestCode = Sources.Usings + """
                public class Outer
                {
                    [PretextTask("t")]
                    [ImageInput]
                    [Views(2)]
                    [HorizontalFlip]
                    [NtXentLoss]
                    public class {|#0:T|}
                    {
                        [Encoder(OutputDim = 128)]
                        static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1);
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SSL001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithLocation(0)
            .WithMessage("Task class 'T' must be partial, and so must every type that encloses it: add the 'partial' modifier to 'Outer' and 'T' so the generator can add Model, Pipeline, Trainer and FineTuner"));
        return test.RunAsync();
    }
}
