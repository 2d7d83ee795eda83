using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class Backbones
{
    /// <summary>
    /// A 1-D CNN for series [B, inChannels, T]: <paramref name="depth"/> blocks of Conv1d ("same" padding;
    /// kernel 5 in the first block, 3 after; widths doubling per block)-BatchNorm1d-ReLU-<see cref="HalvingMaxPool1d"/>
    /// (which pools only while T &gt;= 4), global average pooling over time (so any T works, e.g. T - horizon),
    /// and a linear layer to <paramref name="outputDim"/>. The top-level children are <c>block0</c> to
    /// <c>block{depth-1}</c> and <c>head</c>.
    /// </summary>
    /// <param name="inChannels">Channels of the series.</param>
    /// <param name="width">Channels of the first block.</param>
    /// <param name="outputDim">Width of the representation [B, outputDim].</param>
    /// <param name="depth">Number of convolution blocks.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive.</exception>
    public static Sequential Conv1d(int inChannels, int width = 32, int outputDim = 128, int depth = 2)
    {
        Guard.Positive(nameof(Conv1d), inChannels);
        Guard.Positive(nameof(Conv1d), width);
        Guard.Positive(nameof(Conv1d), outputDim);
        Guard.Positive(nameof(Conv1d), depth);
        Guard.DoublingFits(nameof(Conv1d), width, depth);

        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        int c = inChannels;
        for (int i = 0; i < depth; i++)
        {
            int w = width << i;
            int kernel = i == 0 ? 5 : 3;
            blocks.Add(($"block{i}", nn.Sequential(
                ("conv", nn.Conv1d(c, w, kernel, padding: kernel / 2, bias: false)),
                ("bn", nn.BatchNorm1d(w)),
                ("relu", nn.ReLU()),
                ("pool", new HalvingMaxPool1d()))));
            c = w;
        }

        blocks.Add(("head", nn.Sequential(
            ("pool", nn.AdaptiveAvgPool1d(1)),
            ("flatten", nn.Flatten()),
            ("linear", nn.Linear(c, outputDim)))));
        return nn.Sequential(blocks);
    }
}
