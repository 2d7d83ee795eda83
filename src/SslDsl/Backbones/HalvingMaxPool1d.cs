using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Max pooling over time with window and stride 2, applied only while the series is at least
/// <see cref="MinLength"/> steps long (so short windows, e.g. T - horizon, still pass through).
/// </summary>
public sealed class HalvingMaxPool1d : nn.Module<Tensor, Tensor>
{
    /// <summary>The shortest time axis that is still pooled.</summary>
    public const int MinLength = 4;

    /// <summary>Creates the pooling layer.</summary>
    public HalvingMaxPool1d(string name = "pool")
        : base(name)
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) =>
        input.shape[^1] >= MinLength
            ? nn.functional.max_pool1d(input, 2, 2)
            : input.alias();
}
