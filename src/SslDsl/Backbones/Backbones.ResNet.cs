using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class Backbones
{
    /// <summary>
    /// A small residual network for 28x28 / 32x32 images: a conv3x3-BN-ReLU stem, then <paramref name="depth"/>
    /// stages of one <see cref="ResidualBlock"/> each (the first at <paramref name="width"/> channels and stride 1,
    /// each next one doubling the channels with stride 2), global average pooling and a linear layer to
    /// <paramref name="outputDim"/>. The top-level children are <c>block0</c> (stem and first stage) to
    /// <c>block{depth-1}</c> and <c>head</c>, so PartialUnfreeze can unfreeze the last N.
    /// </summary>
    /// <param name="inChannels">Image channels.</param>
    /// <param name="width">Channels of the stem and first stage.</param>
    /// <param name="outputDim">Width of the representation [B, outputDim].</param>
    /// <param name="depth">Number of residual stages.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive.</exception>
    public static Sequential ResNet(int inChannels, int width = 32, int outputDim = 128, int depth = 2)
    {
        Guard.Positive(nameof(ResNet), inChannels);
        Guard.Positive(nameof(ResNet), width);
        Guard.Positive(nameof(ResNet), outputDim);
        Guard.Positive(nameof(ResNet), depth);
        Guard.DoublingFits(nameof(ResNet), width, depth);

        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("block0", nn.Sequential(
                ("stem_conv", nn.Conv2d(inChannels, width, 3, padding: 1, bias: false)),
                ("stem_bn", nn.BatchNorm2d(width)),
                ("stem_relu", nn.ReLU()),
                ("residual", new ResidualBlock(width, width, stride: 1)))),
        };

        int c = width;
        for (int i = 1; i < depth; i++)
        {
            int w = width << i;
            blocks.Add(($"block{i}", new ResidualBlock(c, w, stride: 2)));
            c = w;
        }

        blocks.Add(("head", nn.Sequential(
            ("pool", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()),
            ("linear", nn.Linear(c, outputDim)))));
        return nn.Sequential(blocks);
    }
}
