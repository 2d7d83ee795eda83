using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A convolutional decoder [B, inputDim] -> [B, channels, height, width] for image reconstruction
/// (autoencoders, MAE-style and inpainting heads). A linear layer (then ReLU) maps the representation to a
/// <c>hidden</c>-channel feature map of ceil(H / 2^s) x ceil(W / 2^s); s upsampling blocks
/// (ConvTranspose2d 4x4 stride 2 - BatchNorm2d - ReLU, channels halved down to min(hidden, 16)) double
/// it s times; a 3x3 convolution maps to <c>channels</c>; and the map is center-cropped to H x W.
/// s = min(layers, ceil(log2(max(H, W)))): past that the starting map is already 1 x 1. Any H and W work
/// (28 x 28 starts from 7 x 7 with 2 layers, 32 x 32 from 8 x 8). The output is unbounded (no activation).
/// </summary>
public sealed class ImageDecoder : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _input;
    private readonly Sequential _blocks;
    private readonly Conv2d _output;
    private readonly int _startChannels;
    private readonly int _startHeight;
    private readonly int _startWidth;

    /// <summary>Creates the decoder.</summary>
    /// <param name="inputDim">Width of the representation.</param>
    /// <param name="channels">Image channels C.</param>
    /// <param name="height">Image height H.</param>
    /// <param name="width">Image width W.</param>
    /// <param name="hidden">Channels of the first feature map.</param>
    /// <param name="layers">Number of 2x upsampling blocks (capped as described above), &gt;= 1.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public ImageDecoder(int inputDim, int channels, int height, int width, int hidden, int layers, string name = "decoder")
        : base(name)
    {
        Guard.Positive(nameof(ImageDecoder), inputDim);
        Guard.Positive(nameof(ImageDecoder), channels);
        Guard.Positive(nameof(ImageDecoder), height);
        Guard.Positive(nameof(ImageDecoder), width);
        Guard.Positive(nameof(ImageDecoder), hidden);
        Guard.Positive(nameof(ImageDecoder), layers);

        int maxStages = (int)Math.Ceiling(Math.Log2(Math.Max(height, width)) - 1e-9);
        Stages = Math.Min(layers, Math.Max(0, maxStages));
        int scale = 1 << Stages;
        _startHeight = (height + scale - 1) / scale;
        _startWidth = (width + scale - 1) / scale;
        _startChannels = hidden;
        _input = nn.Sequential(
            ("linear", nn.Linear(inputDim, (long)hidden * _startHeight * _startWidth)),
            ("relu", nn.ReLU()));

        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        int c = hidden;
        int floor = Math.Min(hidden, 16);
        for (int i = 0; i < Stages; i++)
        {
            int next = Math.Max(floor, c / 2);
            blocks.Add(($"up{i}", nn.Sequential(
                ("deconv", nn.ConvTranspose2d(c, next, 4, stride: 2, padding: 1, bias: false)),
                ("bn", nn.BatchNorm2d(next)),
                ("relu", nn.ReLU()))));
            c = next;
        }

        _blocks = nn.Sequential(blocks);
        _output = nn.Conv2d(c, channels, 3, padding: 1);
        InputDim = inputDim;
        Channels = channels;
        Height = height;
        Width = width;
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int InputDim { get; }

    /// <summary>Output channels.</summary>
    public int Channels { get; }

    /// <summary>Output height.</summary>
    public int Height { get; }

    /// <summary>Output width.</summary>
    public int Width { get; }

    /// <summary>The number of 2x upsampling blocks actually built.</summary>
    public int Stages { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Guard.LastDimension(nameof(ImageDecoder), input, 2, InputDim, "[B, inputDim]");
        using var scope = torch.NewDisposeScope();
        var map = _input.call(input).view(input.shape[0], _startChannels, _startHeight, _startWidth);
        var image = _output.call(_blocks.call(map));
        long top = (image.shape[2] - Height) / 2;
        long left = (image.shape[3] - Width) / 2;
        return image.narrow(2, top, Height).narrow(3, left, Width).MoveToOuterDisposeScope();
    }
}
