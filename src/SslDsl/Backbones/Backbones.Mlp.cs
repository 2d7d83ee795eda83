using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class Backbones
{
    /// <summary>
    /// An MLP for table rows [B, inputFeatures]: <paramref name="depth"/> blocks of Linear-BatchNorm1d-ReLU
    /// (<paramref name="width"/> units each), then a linear layer to <paramref name="outputDim"/>.
    /// The top-level children are <c>block0</c> to <c>block{depth-1}</c> and <c>head</c>.
    /// </summary>
    /// <param name="inputFeatures">Features per row.</param>
    /// <param name="width">Hidden units per block.</param>
    /// <param name="outputDim">Width of the representation [B, outputDim].</param>
    /// <param name="depth">Number of hidden blocks.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive.</exception>
    public static Sequential Mlp(int inputFeatures, int width = 32, int outputDim = 128, int depth = 2)
    {
        Guard.Positive(nameof(Mlp), inputFeatures);
        Guard.Positive(nameof(Mlp), width);
        Guard.Positive(nameof(Mlp), outputDim);
        Guard.Positive(nameof(Mlp), depth);

        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        int f = inputFeatures;
        for (int i = 0; i < depth; i++)
        {
            blocks.Add(($"block{i}", nn.Sequential(
                ("linear", nn.Linear(f, width, hasBias: false)),
                ("bn", nn.BatchNorm1d(width)),
                ("relu", nn.ReLU()))));
            f = width;
        }

        blocks.Add(("head", nn.Sequential(("linear", nn.Linear(f, outputDim)))));
        return nn.Sequential(blocks);
    }
}
