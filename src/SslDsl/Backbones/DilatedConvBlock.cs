using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A residual block of TS2Vec's dilated convolutional encoder (<c>ConvBlock</c> of the reference code):
/// GELU-conv-GELU-conv, both convolutions of kernel 3 with the same dilation and "same" padding, plus the input
/// (through a 1x1 convolution when the width changes or the block is the last one).
/// </summary>
public sealed class DilatedConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv1d conv1;
    private readonly Conv1d conv2;
    private readonly Conv1d? projector;

    /// <summary>Creates a block from <paramref name="inChannels"/> to <paramref name="outChannels"/>.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A size or the dilation is not positive.</exception>
    public DilatedConvBlock(int inChannels, int outChannels, int dilation, bool final, string name = "block")
        : base(name)
    {
        Guard.Positive(nameof(DilatedConvBlock), inChannels);
        Guard.Positive(nameof(DilatedConvBlock), outChannels);
        Guard.Positive(nameof(DilatedConvBlock), dilation);
        conv1 = nn.Conv1d(inChannels, outChannels, 3, padding: dilation, dilation: dilation);
        conv2 = nn.Conv1d(outChannels, outChannels, 3, padding: dilation, dilation: dilation);
        projector = inChannels != outChannels || final ? nn.Conv1d(inChannels, outChannels, 1) : null;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var residual = projector is null ? input : projector.call(input);
        var hidden = conv2.call(nn.functional.gelu(conv1.call(nn.functional.gelu(input))));
        return hidden.add(residual).MoveToOuterDisposeScope();
    }
}
