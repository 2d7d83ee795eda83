using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Built-in encoders. Each is an <c>nn.Sequential</c> of blocks (so PartialUnfreeze can unfreeze
/// the last N) that maps a batch to [B, outputDim]; the exception is <see cref="TransformerEncoder"/>,
/// which returns token states [B, L, outputDim] (pool them with <see cref="MeanPool"/>).
/// </summary>
public static partial class Backbones
{
    /// <summary>
    /// A small CNN for small images: <paramref name="depth"/> blocks of conv3x3-BN-ReLU-conv3x3-BN-ReLU
    /// with 2x2 max pooling (widths double per block), then average pooling to a 2x2 grid (keeping
    /// coarse layout, which global pooling would discard), and a linear layer to <paramref name="outputDim"/>.
    /// </summary>
    public static Sequential SmallCnn(int inChannels, int width = 32, int outputDim = 128, int depth = 2)
    {
        if (inChannels <= 0 || width <= 0 || outputDim <= 0 || depth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"SmallCnn needs positive sizes (inChannels {inChannels}, width {width}, outputDim {outputDim}, depth {depth}).");
        }

        var blocks = new System.Collections.Generic.List<(string, nn.Module<Tensor, Tensor>)>();
        int c = inChannels;
        for (int i = 0; i < depth; i++)
        {
            int w = width << i;
            blocks.Add(($"block{i}", nn.Sequential(
                nn.Conv2d(c, w, 3, padding: 1, bias: false),
                nn.BatchNorm2d(w),
                nn.ReLU(),
                nn.Conv2d(w, w, 3, padding: 1, bias: false),
                nn.BatchNorm2d(w),
                nn.ReLU(),
                nn.MaxPool2d(2))));
            c = w;
        }

        blocks.Add(("head", nn.Sequential(
            nn.AdaptiveAvgPool2d(2),
            nn.Flatten(),
            nn.Linear(c * 4, outputDim))));
        return nn.Sequential(blocks);
    }
}
