using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A small CNN discriminator for adversarial inpainting: [B, C, H, W] -> [B] real/fake logits.
/// A 3x3 convolution to <c>width0</c> channels, then while the map is at least 8 pixels on its short side
/// (at most 3 times) a 4x4 stride-2 convolution that halves it and doubles the channels (up to
/// 8 x width0), each followed by LeakyReLU(0.2); global average pooling and a linear layer give one
/// logit per image. It has no batch normalization, so real and generated batches scored separately
/// do not influence each other.
/// </summary>
public sealed class Discriminator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _features;
    private readonly Sequential _classifier;

    /// <summary>Creates the discriminator for <paramref name="channels"/> x <paramref name="height"/> x <paramref name="width"/> images.</summary>
    /// <param name="channels">Image channels C.</param>
    /// <param name="height">Image height H.</param>
    /// <param name="width">Image width W.</param>
    /// <param name="width0">Channels of the first convolution.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public Discriminator(int channels, int height, int width, int width0 = 32, string name = "discriminator")
        : base(name)
    {
        Guard.Positive(nameof(Discriminator), channels);
        Guard.Positive(nameof(Discriminator), height);
        Guard.Positive(nameof(Discriminator), width);
        Guard.Positive(nameof(Discriminator), width0);

        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("stem", nn.Conv2d(channels, width0, 3, padding: 1)),
            ("act0", nn.LeakyReLU(0.2)),
        };
        int c = width0;
        int side = Math.Min(height, width);
        for (int i = 1; i <= 3 && side >= 8; i++)
        {
            int next = Math.Min(c * 2, width0 * 8);
            layers.Add(($"down{i}", nn.Conv2d(c, next, 4, stride: 2, padding: 1)));
            layers.Add(($"act{i}", nn.LeakyReLU(0.2)));
            c = next;
            side /= 2;
        }

        _features = nn.Sequential(layers);
        _classifier = nn.Sequential(
            ("pool", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()),
            ("linear", nn.Linear(c, 1)));
        Channels = channels;
        Height = height;
        Width = width;
        RegisterComponents();
    }

    /// <summary>Image channels.</summary>
    public int Channels { get; }

    /// <summary>Image height.</summary>
    public int Height { get; }

    /// <summary>Image width.</summary>
    public int Width { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (input is null || input.dim() != 4 || input.shape[1] != Channels || input.shape[2] != Height || input.shape[3] != Width)
        {
            string shape = input is null ? "null" : "[" + string.Join(",", input.shape) + "]";
            throw new ArgumentException($"{nameof(Discriminator)}: the input must be [B, {Channels}, {Height}, {Width}] but is {shape}.", nameof(input));
        }

        using var scope = torch.NewDisposeScope();
        return _classifier.call(_features.call(input)).view(-1).MoveToOuterDisposeScope();
    }
}
