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

    /// <summary>
    /// A CNN whose representation is its pooled feature map itself, with no learned layer after it (the
    /// SimCLR convention: the projection head is discarded, the probe reads the backbone's features):
    /// <paramref name="depth"/> blocks of <paramref name="convsPerBlock"/> x (conv3x3-BN-ReLU) then 2x2 max
    /// pooling, widths doubling per block, then average pooling to a <paramref name="pool"/> x
    /// <paramref name="pool"/> grid, flattened. Output width: <see cref="PooledCnnOutputDim"/>
    /// (1,024 for width 32, depth 2, pool 4). Wide, spatially pooled features are what make contrastive
    /// features linearly separable; a 128-wide linear bottleneck (<see cref="SmallCnn"/>) is not.
    /// With <paramref name="poolBeforeNorm"/> each block's max pooling follows its last convolution directly
    /// (conv - pool - BN - ReLU): ReLU commutes with max pooling, and batch norm and ReLU then run on a quarter
    /// of the values, which makes a training step on the CPU cheaper (docs/benchmarks.md).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public static Sequential PooledCnn(int inChannels, int width = 32, int depth = 2, int pool = 4, int convsPerBlock = 1, bool poolBeforeNorm = false)
    {
        if (inChannels <= 0 || width <= 0 || depth <= 0 || pool <= 0 || convsPerBlock <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width),
                $"PooledCnn needs positive sizes (inChannels {inChannels}, width {width}, depth {depth}, pool {pool}, convsPerBlock {convsPerBlock}).");
        }

        var blocks = new System.Collections.Generic.List<(string, nn.Module<Tensor, Tensor>)>();
        int c = inChannels;
        for (int i = 0; i < depth; i++)
        {
            int w = width << i;
            var layers = new System.Collections.Generic.List<(string, nn.Module<Tensor, Tensor>)>();
            for (int j = 0; j < convsPerBlock; j++)
            {
                layers.Add(($"conv{j}", nn.Conv2d(j == 0 ? c : w, w, 3, padding: 1, bias: false)));
                if (poolBeforeNorm && j == convsPerBlock - 1)
                {
                    layers.Add(("pool", nn.MaxPool2d(2)));
                }

                layers.Add(($"bn{j}", nn.BatchNorm2d(w)));
                layers.Add(($"relu{j}", nn.ReLU()));
            }

            if (!poolBeforeNorm)
            {
                layers.Add(("pool", nn.MaxPool2d(2)));
            }
            blocks.Add(($"block{i}", nn.Sequential(layers)));
            c = w;
        }

        blocks.Add(("head", nn.Sequential(("pool", nn.AdaptiveAvgPool2d(pool)), ("flatten", nn.Flatten()))));
        return nn.Sequential(blocks);
    }

    /// <summary>The output width of <see cref="PooledCnn"/>: width x 2^(depth-1) x pool x pool.</summary>
    public static int PooledCnnOutputDim(int width = 32, int depth = 2, int pool = 4) => (width << (depth - 1)) * pool * pool;
}
