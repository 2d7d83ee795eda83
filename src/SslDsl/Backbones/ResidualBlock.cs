using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A ResNet basic block: conv3x3(stride)-BN-ReLU-conv3x3-BN, plus a shortcut (the identity, or a
/// strided 1x1 conv and BN when the shape changes), then ReLU.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly nn.Module<Tensor, Tensor> _shortcut;

    /// <summary>Creates a block from <paramref name="inChannels"/> to <paramref name="outChannels"/> with the given stride.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public ResidualBlock(int inChannels, int outChannels, int stride = 1, string name = "residual")
        : base(name)
    {
        Guard.Positive(nameof(ResidualBlock), inChannels);
        Guard.Positive(nameof(ResidualBlock), outChannels);
        Guard.Positive(nameof(ResidualBlock), stride);
        _conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        _bn1 = nn.BatchNorm2d(outChannels);
        _conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(outChannels);
        _shortcut = stride == 1 && inChannels == outChannels
            ? nn.Identity()
            : nn.Sequential(
                ("conv", nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false)),
                ("bn", nn.BatchNorm2d(outChannels)));
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        register_module("conv2", _conv2);
        register_module("bn2", _bn2);
        register_module("shortcut", _shortcut);
        InChannels = inChannels;
        OutChannels = outChannels;
        Stride = stride;
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Stride of the first convolution (and of the shortcut).</summary>
    public int Stride { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var hidden = nn.functional.relu(_bn1.call(_conv1.call(input)));
        var main = _bn2.call(_conv2.call(hidden));
        var sum = main.add(_shortcut.call(input));
        return nn.functional.relu(sum).MoveToOuterDisposeScope();
    }
}
