using System.Threading.Tasks;
using SslDsl.Analyzers.CodeFixes;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL001's fix: 'partial' on the task class and on every enclosing type that lacks it.</summary>
public class MakePartialCodeFixTests
{
    [Fact]
    public Task AddsPartialAfterTheOtherModifiers() => CodeFixTest<MakePartialCodeFixProvider>.VerifyAsync(
        Sources.Task(Sources.SimClr, name: "{|SSL001:T|}", modifiers: "public sealed"),
        Sources.Task(Sources.SimClr, modifiers: "public sealed partial"));

    [Fact]
    public Task AddsPartialToAClassWithoutModifiers() => CodeFixTest<MakePartialCodeFixProvider>.VerifyAsync(
        Sources.Task(Sources.SimClr, name: "{|SSL001:T|}", modifiers: "").Replace("\n class", "\nclass"),
        Sources.Task(Sources.SimClr, modifiers: "partial").Replace("\n partial", "\npartial"));

    [Fact]
    public Task AddsPartialToEnclosingTypesToo() => CodeFixTest<MakePartialCodeFixProvider>.VerifyAsync(
        Sources.Usings + """
        namespace N;

        public static class Outer
        {
            internal class Middle
            {
                [PretextTask("t")]
                [ImageInput]
                [Views(2)]
                [HorizontalFlip]
                [NtXentLoss]
                public class {|SSL001:T|}
                {
                    [Encoder(OutputDim = 128)]
                    static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1);
                }
            }
        }
        """,
        Sources.Usings + """
        namespace N;

        public static partial class Outer
        {
            internal partial class Middle
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
        }
        """);
}
