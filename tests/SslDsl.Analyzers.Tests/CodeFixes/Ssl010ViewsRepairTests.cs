using System.Threading.Tasks;
using SslDsl.Analyzers.CodeFixes;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL010's fix: [Views(2)] after the input, or an existing Views count set to 2.</summary>
public class Ssl010ViewsRepairTests
{
    [Fact]
    public Task AddsViewsAfterTheInput() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Task("""
            [PretextTask("t")]
            [ImageInput(Channels = 1, Height = 28, Width = 28)]
            [HorizontalFlip]
            [{|SSL010:NtXentLoss|}]
            """),
        Sources.Task("""
            [PretextTask("t")]
            [ImageInput(Channels = 1, Height = 28, Width = 28)]
            [Views(2)]
            [HorizontalFlip]
            [NtXentLoss]
            """));

    [Fact]
    public Task ChangesOneViewToTwo() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Task("""
            [PretextTask("t")]
            [ImageInput]
            [Views({|SSL010:1|})]
            [HorizontalFlip]
            [VicRegLoss]
            """),
        Sources.Task("""
            [PretextTask("t")]
            [ImageInput]
            [Views(2)]
            [HorizontalFlip]
            [VicRegLoss]
            """));

    [Fact]
    public Task AddsViewsWithTheIndentationOfANestedClass() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Usings + """
        public static partial class Outer
        {
            [PretextTask("t")]
            [ImageInput]
            [HorizontalFlip]
            [{|SSL010:BarlowTwinsLoss|}]
            public partial class T
            {
                [Encoder(OutputDim = 128)]
                static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1);
            }
        }
        """,
        Sources.Usings + """
        public static partial class Outer
        {
            [PretextTask("t")]
            [ImageInput]
            [Views(2)]
            [HorizontalFlip]
            [BarlowTwinsLoss]
            public partial class T
            {
                [Encoder(OutputDim = 128)]
                static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1);
            }
        }
        """);

    [Fact]
    public Task WritesTheQualifiedNameWithoutUsing() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        """
        [SslDsl.PretextTask("t")]
        [SslDsl.ImageInput]
        [SslDsl.HorizontalFlip]
        [{|SSL010:SslDsl.NtXentLoss|}]
        public partial class T
        {
            [SslDsl.Encoder(OutputDim = 128)]
            static TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Encoder() => SslDsl.Backbones.SmallCnn(inChannels: 1);
        }
        """,
        """
        [SslDsl.PretextTask("t")]
        [SslDsl.ImageInput]
        [SslDsl.Views(2)]
        [SslDsl.HorizontalFlip]
        [SslDsl.NtXentLoss]
        public partial class T
        {
            [SslDsl.Encoder(OutputDim = 128)]
            static TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Encoder() => SslDsl.Backbones.SmallCnn(inChannels: 1);
        }
        """);
}
